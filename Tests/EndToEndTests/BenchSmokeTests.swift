import Foundation
import Testing

/// `streamstage bench --quick --json` produces every figure as a number: a smoke test of the
/// command, with no timing thresholds (speed depends on the machine and its load).
struct BenchSmokeTests {
    /// One object of the JSON array; decoding fails unless `value` is a number.
    struct Figure: Decodable {
        var name: String
        var value: Double
        var unit: String
        var baseline: Double?
        var ratio: Double?
        var goal: String
        var met: Bool
    }

    static let names: Set<String> = [
        "log.append", "log.append.vs-memory", "log.read", "log.allocs-per-record", "engine.events",
        "render.p50.80x24", "render.p99.80x24", "render.p50.200x60", "render.p99.200x60", "terminal.bytes-per-frame",
        "memory.rss-peak", "memory.rss-growth",
    ]

    /// The built executable: beside the test bundle, or in the package's debug build folder.
    static var binary: String {
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("streamstage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/streamstage").path
    }

    @Test func quickBenchProducesEveryFigureAsAPositiveNumber() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["bench", "--quick", "--json"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let figures = try JSONDecoder().decode([Figure].self, from: data)
        #expect(Set(figures.map(\.name)) == Self.names)
        #expect(figures.count == Self.names.count)
        for figure in figures {
            #expect(figure.value.isFinite, "\(figure.name)")
            #expect(!figure.unit.isEmpty && !figure.goal.isEmpty, "\(figure.name)")
            switch figure.name {
            case "log.allocs-per-record":
                #expect(figure.value >= 0)
            case "memory.rss-growth":
                // A change in RSS between two samples: zero or negative when memory is flat.
                break
            default:
                #expect(figure.value > 0, "\(figure.name) = \(figure.value)")
            }
            if let baseline = figure.baseline { #expect(baseline > 0, "\(figure.name) baseline") }
        }
    }
}
