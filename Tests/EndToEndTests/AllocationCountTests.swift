import Foundation
import Testing

@testable import streamstage

/// `streamstage bench` counts allocations with glibc's malloc tracing in a process of its own;
/// the binary itself links the system allocator untouched.
struct AllocationCountTests {
    @Test func theBinaryDefinesNoAllocator() throws {
        let listing = try Self.output(of: "/usr/bin/nm", ["--defined-only", Binary.path])
        #expect(listing.contains(" main"))
        let allocator: Set = ["malloc", "calloc", "realloc", "free", "posix_memalign", "aligned_alloc", "memalign"]
        let defined = listing.split(separator: "\n").compactMap { $0.split(separator: " ").last.map(String.init) }
        #expect(allocator.intersection(defined).isEmpty)
    }

    @Test func theCountRefusesToRunWithoutGlibcTracing() throws {
        let bare = try Binary.run(["bench", "--group", "allocations", "--quick"])
        #expect(bare.status == 2)
        #expect(bare.err == "streamstage: bench: the allocation count runs in a process started with MALLOC_TRACE set\n")

        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("untraced-\(UUID().uuidString)").path
        let untraced = try Binary.run(["bench", "--group", "allocations", "--quick"], environment: ["MALLOC_TRACE": trace])
        #expect(untraced.status == 2)
        #expect(untraced.err.contains("wrote no trace to \(trace); is libc_malloc_debug.so.0 installed"))
    }

    @Test func aTracedRunCountsTheLogsAllocationsPerRecord() throws {
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("traced-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let result = try Binary.run(
            ["bench", "--group", "allocations", "--quick"],
            environment: ["LD_PRELOAD": "libc_malloc_debug.so.0", "MALLOC_TRACE": trace])
        #expect(result.status == 0, "\(result.err)")
        let figures = try JSONDecoder().decode([BenchFigure].self, from: Data(result.out.utf8))
        #expect(figures.map(\.name) == ["log.allocs-per-record", "engine.allocs-per-record"])
        // A debug build allocates a few objects per segment rolled; no record allocates on its own,
        // in the log or in the engine: its debug build's allocations come per tick and per second,
        // well under one a record (a record value used to cost at least one).
        #expect(figures.first.map { $0.value < 0.01 } == true)
        #expect(figures.last.map { $0.value > 0 && $0.value < 0.5 } == true)
    }

    @Test func aTraceCountsMallocsAndReallocsNotFrees() {
        let trace = """
            = Start
            @ /usr/lib/libswiftCore.so:[0x1885ae] + 0x5578ae8b2490 0x28
            @ ./streamstage:(a b c+1)[0x258f1e] - 0x5578ae8b2490
            @ ./streamstage:[0x258ff0] < 0x5578ae8b3760
            @ ./streamstage:[0x258ff0] > 0x5578ae8b4000 0x40
            + 0x5578ae8b5000 0x10
            - 0x5578ae8b5000
            = End

            """
        #expect(MallocTrace.allocations(in: trace) == 3)
        #expect(MallocTrace.allocations(in: "= Start\n= End\n") == 0)
    }

    private static func output(of tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
