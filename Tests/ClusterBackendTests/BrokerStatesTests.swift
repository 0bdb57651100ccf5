@testable import ClusterBackend
import Foundation
import Testing

/// Broker faults and recoveries from every client's librdkafka statistics.
struct BrokerStatesTests {
    /// One broker entry of a statistics JSON.
    private struct Entry {
        var name: String
        var nodeId: Int
        var source = "configured"
        var state: String
    }

    private static func broker(_ id: Int, _ state: String) -> Entry { Entry(name: "127.0.0.1:909\(id)/\(id)", nodeId: id, state: state) }

    private static func coordinator(_ id: Int, _ state: String) -> Entry {
        Entry(name: "GroupCoordinator", nodeId: id, source: "logical", state: state)
    }

    /// The statistics JSON client `client` would send with `entries`.
    private static func stats(_ client: String, _ entries: [Entry]) -> String {
        let brokers = Dictionary(uniqueKeysWithValues: entries.map {
            ($0.name, ["name": $0.name, "nodeid": $0.nodeId, "source": $0.source, "state": $0.state] as [String: Any])
        })
        let data = try? JSONSerialization.data(withJSONObject: ["name": client, "type": "consumer", "brokers": brokers])
        return String(decoding: data ?? Data(), as: UTF8.self)
    }

    @Test func aBrokerLostByAClientThatHadItUpIsDownOnceAndBackWhenNoClientLacksIt() {
        var states = BrokerStates()
        let up = [Self.broker(1, "UP"), Self.broker(2, "UP")]
        #expect(states.read(Self.stats("producer", up), nowMs: 0) == ([], []))
        #expect(states.read(Self.stats("reader", up), nowMs: 0) == ([], []))
        #expect(states.allUp)

        let lost = [Self.broker(1, "UP"), Self.broker(2, "TRY_CONNECT")]
        #expect(states.read(Self.stats("producer", lost), nowMs: 1_000) == (["127.0.0.1:9092/2"], []))
        #expect(states.read(Self.stats("reader", lost), nowMs: 1_000) == ([], []))  // said once
        #expect(!states.allUp)

        #expect(states.read(Self.stats("producer", up), nowMs: 2_000) == ([], []))  // the reader still lacks it
        #expect(!states.allUp)
        #expect(states.read(Self.stats("reader", up), nowMs: 2_000) == ([], ["127.0.0.1:9092/2"]))
        #expect(states.allUp)
    }

    @Test func aConnectionNoLongerInUseIsNoFault() {
        var states = BrokerStates()
        _ = states.read(Self.stats("producer", [Self.broker(1, "UP"), Self.broker(2, "UP")]), nowMs: 0)
        // librdkafka leaves a broker it needs no more in INIT (sparse connections).
        #expect(states.read(Self.stats("producer", [Self.broker(1, "UP"), Self.broker(2, "INIT")]), nowMs: 1_000) == ([], []))
        #expect(states.allUp)
    }

    @Test func aGroupCoordinatorInTroubleHoldsTheFaultThoughTheBrokerIsIdleElsewhere() {
        var states = BrokerStates()
        _ = states.read(Self.stats("producer", [Self.broker(1, "UP"), Self.broker(2, "UP")]), nowMs: 0)
        _ = states.read(Self.stats("member", [Self.broker(1, "UP"), Self.broker(2, "INIT"), Self.coordinator(2, "UP")]), nowMs: 0)

        #expect(states.read(Self.stats("producer", [Self.broker(1, "UP"), Self.broker(2, "INIT")]), nowMs: 1_000) == ([], []))
        let waiting = [Self.broker(1, "UP"), Self.broker(2, "INIT"), Self.coordinator(2, "TRY_CONNECT")]
        #expect(states.read(Self.stats("member", waiting), nowMs: 1_000) == (["127.0.0.1:9092/2"], []))  // named as the broker
        #expect(!states.allUp)

        let answered = [Self.broker(1, "UP"), Self.broker(2, "INIT"), Self.coordinator(2, "UP")]
        #expect(states.read(Self.stats("member", answered), nowMs: 2_000) == ([], ["127.0.0.1:9092/2"]))
        #expect(states.allUp)
    }

    @Test func aClientWhoseStatisticsStopIsForgottenAfterThreeSeconds() {
        var states = BrokerStates()
        _ = states.read(Self.stats("member-2", [Self.broker(1, "UP")]), nowMs: 0)
        _ = states.read(Self.stats("member-2", [Self.broker(1, "DOWN")]), nowMs: 1_000)  // then it is killed
        _ = states.read(Self.stats("producer", [Self.broker(1, "UP")]), nowMs: 4_000)
        #expect(!states.allUp)
        _ = states.read(Self.stats("producer", [Self.broker(1, "UP")]), nowMs: 4_001)
        #expect(states.allUp)
    }

    @Test func malformedStatisticsAndUnresolvedBootstrapEntriesChangeNothing() {
        var states = BrokerStates()
        _ = states.read(Self.stats("producer", [Self.broker(1, "UP")]), nowMs: 0)
        #expect(states.read("{not json", nowMs: 1_000) == ([], []))
        #expect(states.read(#"{"brokers": {}}"#, nowMs: 1_000) == ([], []))  // no client name
        let bootstrap = Entry(name: "127.0.0.1:9091/bootstrap", nodeId: -1, state: "TRY_CONNECT")
        #expect(states.read(Self.stats("producer", [Self.broker(1, "UP"), bootstrap]), nowMs: 1_000) == ([], []))
        #expect(states.allUp)
        #expect(states.down.isEmpty)
    }

    @Test func settlingForgetsBrokersNoClientUsesAnyMore() {
        var states = BrokerStates()
        _ = states.read(Self.stats("producer", [Self.broker(2, "UP")]), nowMs: 0)
        _ = states.read(Self.stats("producer", [Self.broker(2, "DOWN")]), nowMs: 1_000)
        _ = states.read(Self.stats("producer", [Self.broker(2, "INIT")]), nowMs: 2_000)
        #expect(states.allUp)
        #expect(states.down == [2])  // not seen back, but in use by no one
        states.settle()
        #expect(states.down.isEmpty)
        // Down again later is said again.
        _ = states.read(Self.stats("producer", [Self.broker(2, "UP")]), nowMs: 3_000)
        #expect(states.read(Self.stats("producer", [Self.broker(2, "DOWN")]), nowMs: 4_000) == (["127.0.0.1:9092/2"], []))
    }
}
