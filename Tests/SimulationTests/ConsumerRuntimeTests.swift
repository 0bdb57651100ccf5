import Scenario
import Testing
@testable import Simulation
@testable import StreamLog

/// The consumer client model on top of the backend: heartbeats, polls, and refusals made visible.
struct ConsumerRuntimeTests {
    func runtime(reset: OffsetResetPolicy) -> ConsumerRuntime {
        var runtime = ConsumerRuntime(
            name: "g", topics: ["orders"], processing: Processing(perRecordMs: 1), commit: .auto(everyMs: 5_000),
            assignment: .range, start: .earliest, sessionTimeoutMs: 1_000, maxPollRecords: 500, random: SeededRandom(seed: 2),
            tickMs: 10)
        runtime.options.autoOffsetReset = reset
        return runtime
    }

    @Test func aRefusedPollIsCountedAndTheFeedHearsOfItOnce() throws {
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("orders", config: TopicConfig(partitions: 1))
        var consumer = runtime(reset: .none)
        let id = try consumer.addMember(log: log, nowMs: 0)
        for time in stride(from: Int64(0), to: 400, by: 10) {
            log.tick(nowMs: time)
            consumer.step(nowMs: time, tickMs: 10)
        }
        #expect(consumer.failedPolls == 10)  // every poll from the assignment at 300 ms on
        let failures = log.drainEvents().filter { if case .pollFailed = $0 { true } else { false } }
        #expect(failures == [.pollFailed(group: "g", memberId: id, error: .noOffsetForPartition(group: "g", TopicPartition("orders", 0)))])
        #expect(failures.first?.description == "g: poll by \(id) failed: Undefined offset with no reset policy for partitions: [orders-0]")
    }

    @Test func aKilledMemberStopsHeartbeatingAndIsEvictedAfterItsSessionTimeout() throws {
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("orders", config: TopicConfig(partitions: 2))
        var consumer = runtime(reset: .earliest)
        _ = try consumer.addMember(log: log, nowMs: 0)
        let victim = try consumer.addMember(log: log, nowMs: 0)
        var time: Int64 = 0
        func run(until end: Int64) {
            while time < end {
                log.tick(nowMs: time)
                consumer.step(nowMs: time, tickMs: 10)
                time += 10
            }
        }
        run(until: 1_000)
        #expect(consumer.killMember() == victim)
        run(until: 1_990)
        #expect(try log.group("g").members.count == 2)
        #expect(consumer.progress.positions[victim] != nil)  // its positions still count for lag
        run(until: 2_000)
        #expect(try log.group("g").members.count == 1)
        #expect(log.drainEvents().contains(.memberTimedOut(
            group: "g", memberId: victim, sessionTimeoutMs: 1_000, lostPartitions: [TopicPartition("orders", 1)])))
    }

    @Test func aMemberEvictedDuringALongPauseHearsUnknownMemberOnItsNextHeartbeat() throws {
        let log = InProcessLog(random: SeededRandom(seed: 1))
        try log.createTopic("orders", config: TopicConfig(partitions: 1))
        var consumer = runtime(reset: .earliest)
        let id = try consumer.addMember(log: log, nowMs: 0)
        for time in stride(from: Int64(0), to: 500, by: 10) {
            log.tick(nowMs: time)
            consumer.step(nowMs: time, tickMs: 10)
        }
        for time in stride(from: Int64(500), through: 1_490, by: 10) { log.tick(nowMs: time) }  // the process stalls
        #expect(try log.group("g").members.isEmpty)
        _ = log.drainEvents()
        for time in stride(from: Int64(1_500), to: 1_600, by: 10) {
            log.tick(nowMs: time)
            consumer.step(nowMs: time, tickMs: 10)
        }
        #expect(log.drainEvents() == [.heartbeatFailed(group: "g", memberId: id, error: .unknownMember(group: "g", memberId: id))])
    }
}
