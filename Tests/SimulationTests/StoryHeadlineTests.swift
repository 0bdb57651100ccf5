import Foundation
import Scenario
import StreamLog
import Testing

@testable import Simulation

/// Each talk scenario's headless summary states its point, with the numbers the story claims.
struct StoryHeadlineTests {
    /// Runs a demo-data scenario headless to its end, as the demo test does, checks that every
    /// `when` fired within half its timeout, and returns its headlines.
    static func headlines(_ id: String) throws -> [Headline] {
        let spec = try ScenarioLoader.load(path: DemoScenarioTests.demoData + "/\(id).yaml")
        let engine = try Engine(scenario: spec)
        engine.runHeadless(stepTimeMs: 10_000)
        #expect(engine.scriptEnded && engine.timedOutSteps.isEmpty)
        let ends = Array(engine.stepStartTicks.dropFirst()) + [engine.tick]
        for (index, step) in spec.script.enumerated() {
            guard case .when(_, let text, let timeoutMs) = step.advance else { continue }
            let tookMs = (ends[index] - engine.stepStartTicks[index]) * engine.tickMs
            #expect(tookMs * 2 <= timeoutMs, "step \(step.id): '\(text)' took \(tookMs) ms of its \(timeoutMs) ms timeout")
        }
        let summary = RunSummary.text(engine, wallSeconds: nil)
        for headline in engine.headlines() { #expect(summary.contains(headline.text)) }
        return engine.headlines()
    }

    static func number(_ headlines: [Headline], _ kind: Headline.Kind, _ subject: String, _ name: String) -> Double? {
        headlines.first { $0.kind == kind && $0.subject == subject }?.numbers[name]
    }

    @Test func theChainLosesRequestsWhileTheLogKeepsEveryRecord() throws {
        let headlines = try Self.headlines("command-vs-events")
        let lost = try #require(Self.number(headlines, .commandVsEvents, "checkout", "lost"))
        let requests = try #require(Self.number(headlines, .commandVsEvents, "checkout", "requests"))
        #expect(lost > 0.1 * requests)
        #expect(try #require(Self.number(headlines, .commandVsEvents, "checkout", "appended")) >= requests)
        #expect(Self.number(headlines, .commandVsEvents, "checkout", "behind") ?? .infinity < 10)
    }

    @Test func siemReductionRemovesMostBytesOnTheWayToTheSink() throws {
        let headlines = try Self.headlines("siem-reduction")
        let saved = try #require(Self.number(headlines, .reduction, "siem", "saved_bytes_pct"))
        #expect(saved > 80 && saved < 100)
        #expect(try #require(Self.number(headlines, .reduction, "siem", "saved_records_pct")) > 80)
    }

    @Test func streamingSeesTheFraudBurstInSecondsAndBatchAPeriodLater() throws {
        let headlines = try Self.headlines("batch-vs-streaming")
        let streaming = try #require(Self.number(headlines, .firstAlert, "card-testing", "delay_s.stream-alerts"))
        let batch = try #require(Self.number(headlines, .firstAlert, "card-testing", "delay_s.batch-alerts"))
        #expect(streaming < 2)
        #expect(batch > 30 && batch <= 65)
        let batchP50 = try #require(Self.number(headlines, .timeToInsight, "nightly-batch", "batch_p50_s"))
        let streamP99 = try #require(Self.number(headlines, .timeToInsight, "nightly-batch", "stream_p99_s.card-window"))
        #expect(streamP99 < 1 && batchP50 > 10)
    }

    @Test func kappaReplayCatchesUpWhileV1RunsThenMissesWhatRetentionDeleted() throws {
        let replays = try Self.headlines("kappa-replay").filter { $0.kind == .replay && $0.subject == "large-payments-v2" }
        try #require(replays.count == 2)
        #expect(replays[0].numbers["missed"] == 0)
        #expect((replays[0].numbers["records"] ?? 0) > 4_000)
        #expect((replays[0].numbers["seconds"] ?? .infinity) < 10)
        #expect(replays[0].text.contains("while large-payments-v1 kept running"))
        #expect((replays[1].numbers["missed"] ?? 0) > 1_000)
        #expect(replays[1].text.contains("missed"))
    }

    @Test func rangeStopsTheWorldCooperativeStickyNeverStops() throws {
        let headlines = try Self.headlines("consumer-groups-101")
        #expect(try #require(Self.number(headlines, .rebalance, "ledger-range", "pauses")) >= 2)
        let longest = try #require(Self.number(headlines, .rebalance, "ledger-range", "longest_pause_s"))
        #expect(longest >= 0.2 && longest < 1)
        #expect(try #require(Self.number(headlines, .rebalance, "ledger-coop", "rebalances")) >= 2)
        #expect(Self.number(headlines, .rebalance, "ledger-coop", "pauses") == 0)
        let hot = try #require(Self.number(headlines, .hotPartition, "ledger-range", "lag"))
        let others = try #require(Self.number(headlines, .hotPartition, "ledger-range", "others_max_lag"))
        #expect(hot >= 200 && others * 10 <= hot)
        #expect(Self.number(headlines, .ordering, "audit-keyed", "out_of_order") == 0)
        #expect(try #require(Self.number(headlines, .ordering, "audit-keyed", "checked")) > 1_000)
        #expect(try #require(Self.number(headlines, .ordering, "audit-keyless", "out_of_order")) > 20)
    }

    @Test func oneLogNeedsFewerConnectionsThanPointToPoint() throws {
        let headlines = try Self.headlines("whiteboard-integration")
        #expect(Self.number(headlines, .connections, "whiteboard-integration", "point_to_point") == 12)
        #expect(Self.number(headlines, .connections, "whiteboard-integration", "platform") == 8)
        #expect(Self.number(headlines, .connections, "whiteboard-integration", "added_point_to_point.search") == 3)
        let connections = try #require(headlines.first { $0.kind == .connections })
        #expect(connections.text.contains("no producer changed"))
        #expect(try #require(Self.number(headlines, .replay, "search", "records")) > 1_000)
    }
}

/// The trackers behind the headlines, record by record.
struct StoryInsightTrackerTests {
    static func record(_ account: String, at timestamp: Int64, offset: Int64 = 0) -> Record {
        Record(offset: offset, timestamp: timestamp, timestampType: .createTime, appendTimeMs: timestamp, key: nil,
               value: Value.object(["account": .string(account)]).jsonBytes, headers: [], sizeInBytes: 10)
    }

    @Test func aRecordOlderThanOneAlreadySeenForItsKeyIsOutOfOrder() {
        var tracker = OrderTracker(field: "account")
        for (account, time) in [("a", 10), ("b", 5), ("a", 20), ("a", 15), ("b", 5), ("a", 30)] {
            tracker.note(Self.record(account, at: Int64(time)))
        }
        #expect(tracker.outOfOrder == 1)
        #expect(tracker.checked == 6)
    }

    @Test func theRecordKeyIsUsedWhenTheFieldIsMissing() {
        var tracker = OrderTracker(field: "customer")
        var late = Self.record("x", at: 1)
        late.key = Array("k".utf8)
        var early = Self.record("x", at: 2)
        early.key = Array("k".utf8)
        tracker.note(early)
        tracker.note(late)
        #expect(tracker.outOfOrder == 1)
    }

    @Test func aPauseIsTimeWithLiveMembersButNoOwnedPartitionAfterTheFirstAssignment() {
        var tracker = StallTracker(strategy: "range")
        tracker.observe(owning: false, liveMembers: 3, generation: 1, nowMs: 0)  // first join: not a pause
        tracker.observe(owning: true, liveMembers: 3, generation: 1, nowMs: 300)
        tracker.observe(owning: false, liveMembers: 4, generation: 1, nowMs: 1_000)
        tracker.observe(owning: true, liveMembers: 4, generation: 2, nowMs: 1_300)
        tracker.observe(owning: true, liveMembers: 4, generation: 3, nowMs: 2_000)
        #expect(tracker.pauses == [300])
        #expect(tracker.rebalances == 2)
        #expect(tracker.longestPauseMs == 300)
    }

    @Test func clientIdDropsTheMemberSuffix() {
        #expect(Engine.clientId(ofMember: "consumer-g-1-473ab5d7-281a-47ac-a287-2ade5295b45b") == "consumer-g-1")
    }

    @Test func aDottedPathReadsNestedFields() {
        let value: Value = ["source": ["ip": "10.0.0.1", "port": 443], "a.b": 1]
        #expect(value.value(atPath: "source.ip") == "10.0.0.1")
        #expect(value.value(atPath: "a.b") == 1)
        #expect(value.value(atPath: "source.zone") == nil)
    }
}
