import Scenario
import StreamLog
import Testing

@testable import Simulation

/// Window boundaries, grouping, late records: what a windowed count shows on stage.
struct WindowRuntimeTests {
    static func event(_ host: String, _ bytes: Double) -> Value {
        ["host": .string(host), "bytes": .double(bytes)]
    }

    @Test func tumblingWindowsCloseWhenStreamTimePassesTheirEnd() {
        var window = WindowRuntime(sizeMs: 60_000, groupBy: ["host"],
                                   aggregations: [.count, .sum("bytes")])
        #expect(window.add(Self.event("fw-1", 10), timeMs: 0).isEmpty)
        #expect(window.add(Self.event("fw-2", 5), timeMs: 30_000).isEmpty)
        #expect(window.add(Self.event("fw-1", 7), timeMs: 59_999).isEmpty)
        let closed = window.add(Self.event("fw-1", 1), timeMs: 60_000)
        #expect(closed.map(\.value) == [
            ["host": "fw-1", "window_start": 0, "window_end": 60_000, "count": 2, "sum_bytes": 17.0],
            ["host": "fw-2", "window_start": 0, "window_end": 60_000, "count": 1, "sum_bytes": 5.0],
        ])
        #expect(closed.map(\.key) == ["fw-1", "fw-2"])
        #expect(window.openWindows == 1)
    }

    @Test func aHoppingWindowCountsARecordInEveryWindowThatContainsIt() {
        var window = WindowRuntime(sizeMs: 10_000, advanceMs: 5_000, groupBy: [], aggregations: [.count])
        _ = window.add(["v": 1], timeMs: 7_000)  // in [0,10s) and [5s,15s)
        let first = window.advance(toMs: 10_000)
        #expect(first.map(\.startMs) == [0])
        let second = window.advance(toMs: 15_000)
        #expect(second.map(\.startMs) == [5_000])
        #expect(second.first?.value["count"] == 1)
    }

    @Test func aRecordForAClosedWindowIsLateAndDropped() {
        var window = WindowRuntime(sizeMs: 1_000, graceMs: 500, groupBy: [], aggregations: [.count])
        _ = window.add(["v": 1], timeMs: 100)
        _ = window.add(["v": 1], timeMs: 1_200)  // stream time 1.2 s: [0,1s) still in its grace
        _ = window.add(["v": 1], timeMs: 900)  // accepted, inside grace
        #expect(window.lateRecords == 0)
        let closed = window.add(["v": 1], timeMs: 1_500)
        #expect(closed.first?.value["count"] == 2)
        _ = window.add(["v": 1], timeMs: 950)  // its window closed at 1.5 s
        #expect(window.lateRecords == 1)
    }

    @Test func averagesMinimaAndMaximaIgnoreRecordsWithoutTheField() {
        var window = WindowRuntime(sizeMs: 1_000, groupBy: [], aggregations: [
            .avg("t"), .min("t"), .max("t"),
        ])
        _ = window.add(["t": 10], timeMs: 0)
        _ = window.add(["t": 20.5], timeMs: 1)
        _ = window.add(["other": 1], timeMs: 2)
        let closed = window.advance(toMs: 1_000)
        #expect(closed.first?.value["avg_t"] == 15.25)
        #expect(closed.first?.value["min_t"] == 10.0)
        #expect(closed.first?.value["max_t"] == 20.5)
    }

    @Test func updateModeEmitsTheRunningResultOnEveryRecord() {
        var window = WindowRuntime(sizeMs: 1_000, groupBy: ["k"], aggregations: [.count], emitUpdates: true)
        #expect(window.add(["k": "a"], timeMs: 0).first?.value["count"] == 1)
        #expect(window.add(["k": "a"], timeMs: 10).first?.value["count"] == 2)
        #expect(window.advance(toMs: 5_000).isEmpty)
    }
}

/// Grouping by a nested field, as the SIEM dedupe does with `source.ip`.
struct WindowDottedGroupTests {
    @Test func groupByADottedPathGroupsByTheNestedValue() {
        var window = WindowRuntime(sizeMs: 1_000, groupBy: ["source.ip"], aggregations: [.count])
        _ = window.add(["source": ["ip": "10.0.0.1"]], timeMs: 0)
        _ = window.add(["source": ["ip": "10.0.0.2"]], timeMs: 10)
        _ = window.add(["source": ["ip": "10.0.0.1"]], timeMs: 20)
        let closed = window.advance(toMs: 1_000)
        #expect(closed.map(\.key) == ["10.0.0.1", "10.0.0.2"])
        #expect(closed.map { $0.value["count"] } == [2, 1])
    }
}
