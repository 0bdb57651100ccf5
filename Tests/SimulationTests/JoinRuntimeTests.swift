import StreamLog
import Testing

@testable import Simulation

/// Joins inside and outside their window, and against a table.
struct JoinRuntimeTests {
    @Test func recordsWithinTheWindowJoinAndOthersDoNot() {
        var join = JoinRuntime(mode: .streamStream(withinMs: 600_000), rightName: "atm")
        #expect(join.add(["card": "c1", "city": "Lisbon"], key: "c1", timeMs: 0, side: .left).isEmpty)
        let inside = join.add(["card": "c1", "city": "Tokyo"], key: "c1", timeMs: 300_000, side: .right)
        #expect(inside == [["card": "c1", "city": "Lisbon", "atm.card": "c1", "atm.city": "Tokyo"]])
        let outside = join.add(["card": "c1", "city": "Oslo"], key: "c1", timeMs: 900_001, side: .right)
        #expect(outside.isEmpty)  // the Lisbon record is 900.001 s old: outside 10 min
        let otherKey = join.add(["card": "c2"], key: "c2", timeMs: 900_002, side: .left)
        #expect(otherKey.isEmpty)
    }

    @Test func oldRecordsAreEvictedSoMemoryStaysBounded() {
        var join = JoinRuntime(mode: .streamStream(withinMs: 1_000), rightName: "r")
        for second in 0..<2_100 {
            _ = join.add(["n": .int(Int64(second))], key: "k\(second % 5)", timeMs: Int64(second) * 1_000, side: .left)
        }
        #expect(join.heldRecords <= 10)  // a sweep every 1 024 records trims keys not touched since
    }

    @Test func aStreamTableJoinUsesTheLatestValuePerKey() {
        var join = JoinRuntime(mode: .streamTable, rightName: "customers")
        #expect(join.add(["order": "o1"], key: "c-01", timeMs: 0, side: .left).isEmpty)
        #expect(join.unmatched == 1)
        _ = join.add(["tier": "silver"], key: "c-01", timeMs: 1, side: .right)
        _ = join.add(["tier": "gold"], key: "c-01", timeMs: 2, side: .right)
        #expect(join.add(["order": "o2"], key: "c-01", timeMs: 3, side: .left) == [["order": "o2", "tier": "gold"]])
    }
}
