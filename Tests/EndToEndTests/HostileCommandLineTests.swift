import Foundation
import Testing

/// Hostile command lines and files: every one gets its real reason on stderr and exit code 2,
/// quickly — no trap, no hang, no success claimed for a file that was not written.
struct HostileCommandLineTests {
    /// Runs the binary and expects exit code 2 with exactly `message` on stderr.
    static func expectRefused(_ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let result = try Binary.run(arguments)
        #expect(result.status == 2, "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.err == message + "\n", "\(arguments)", sourceLocation: sourceLocation)
        #expect(result.out.isEmpty, "\(arguments)", sourceLocation: sourceLocation)
    }

    @Test func hugeAndNegativeNumbersGetTheirRealReason() throws {
        try Self.expectRefused(
            ["run", "--headless", "--duration", "9223372036854775807ms"],
            "streamstage: --duration 9223372036854775807ms is longer than the limit of 24h")
        try Self.expectRefused(["run", "--headless", "--step-time", "99999999999999999999d"], "streamstage: --step-time 99999999999999999999d is longer than the limit of 24h")
        try Self.expectRefused(["run", "--speed", "-1"], "streamstage: --speed must be between 0.1 and 20, got -1")
        try Self.expectRefused(["run", "--speed=-1"], "streamstage: --speed must be between 0.1 and 20, got -1")
        try Self.expectRefused(
            ["run", "--headless", "--seed", "-1"],
            "streamstage: --seed must be a whole number from 0 to 18446744073709551615, got -1")
        try Self.expectRefused(["run", "--headless", "--duration", "-5s"], "streamstage: --duration must not be negative, got -5s")
        try Self.expectRefused(["run", "--headless", "--fps", "-1"], "streamstage: --fps must be between 1 and 60, got -1")
        try Self.expectRefused(["run", "--headless", "--fps", "0"], "streamstage: --fps must be between 1 and 60, got 0")
        try Self.expectRefused(["describe", "--at", "-1s"], "streamstage: --at must not be negative, got -1s")
        try Self.expectRefused(["describe", "--at", "99999h"], "streamstage: --at 99999h is longer than the limit of 24h")
        try Self.expectRefused(
            ["describe", "--at", "5"],
            "streamstage: --at: duration '5' has no unit (did you mean 5s?); expected a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d")
    }

    @Test func parserErrorsAreOneLineAndTheUsageHint() throws {
        try Self.expectRefused(
            ["run", "--bogus"], "streamstage: Unknown option '--bogus'\nSee 'streamstage run --help' for more information.")
        try Self.expectRefused(
            ["describe", "--at"],
            "streamstage: Missing value for '--at <at>'\nSee 'streamstage describe --help' for more information.")
    }

    @Test func anExportThatCannotBeWrittenCompletelyFailsTheRun() throws {
        for flag in ["--export-events", "--export-metrics"] {
            let result = try Binary.run(["run", "--headless", "--duration", "20s", flag, "/dev/full"])
            #expect(result.status == 2, "\(flag)")
            #expect(result.out.contains("GROUP"), "the summary is still printed")
            #expect(result.err == "streamstage: export stopped: No space left on device — '/dev/full' holds the lines written before\n")
        }
    }

    @Test func liveExportsAreRefusedInsteadOfIgnored() throws {
        try Self.expectRefused(
            ["run", "--export-events", "/tmp/never.jsonl"],
            "streamstage: --export-events and --export-metrics need --headless (a live run writes no exports)")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/never.jsonl"))
    }

    @Test func badJournalsNameTheFileOrTheLine() throws {
        let folder = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectRefused(["replay", "nope.journal"], "streamstage: nope.journal: cannot read the journal: there is no such file")
        let journal = folder.appendingPathComponent("good.journal").path
        #expect(try Binary.run(["run", "--headless", "--duration", "5s", "--journal", journal]).status == 0)
        let text = try String(contentsOfFile: journal, encoding: .utf8)
        let edits: [(String, String, String)] = [
            (#""cols":120"#, #""cols":0"#, "line 1: expected a journal header: 'cols' is invalid: expected 10 to 1000, found 0"),
            (#""initialSpeed":1"#, #""initialSpeed":0"#,
             "line 1: expected a journal header: 'initialSpeed' is invalid: expected 0.1 to 20.0, found 0.0"),
            (#""tick":500"#, #""tick":9223372036854775807"#,
             "line 2: tick 9223372036854775807 is beyond the limit of 24h of simulated time (tick 8640000 at 10 ms a tick)"),
        ]
        for (index, (from, to, message)) in edits.enumerated() {
            #expect(text.contains(from))
            let path = folder.appendingPathComponent("bad\(index).journal").path
            try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
            try Self.expectRefused(["replay", path, "--headless"], "streamstage: \(path): \(message)")
        }
    }

    @Test func theBillionLaughsFileIsRefusedQuickly() throws {
        let folder = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("lol.yaml")
        var text = "scenario: 1\ntitle: lol\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for (previous, name) in zip("abcdefg", "bcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.err == "\(file.path):8:8: the aliases expand the file to more than 100000 YAML nodes; "
            + "expected at most 100000 values once every *alias is expanded\n")
    }

    /// `seed: 0` picks a seed, reports it, and writes it to the journal, so the replay is exact.
    @Test func seedZeroPicksOneReportsItAndReplaysIt() throws {
        let folder = try CommandLineTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("zero.yaml")
        let original = try String(contentsOf: Binary.packageRoot.appendingPathComponent("demo-data/command-vs-events.yaml"), encoding: .utf8)
        #expect(original.contains("\nseed: 42\n"))
        try original.replacingOccurrences(of: "\nseed: 42\n", with: "\nseed: 0\n").write(to: scenario, atomically: true, encoding: .utf8)
        let journal = folder.appendingPathComponent("zero.journal").path
        let run = try Binary.run(["run", scenario.path, "--headless", "--duration", "20s", "--journal", journal])
        #expect(run.status == 0, "\(run.err)")
        let title = try #require(run.out.split(separator: "\n").first.map(String.init))
        let seedText = try #require(title.split(separator: "—").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("seed ") }, "\(title)")
        #expect(seedText.hasSuffix(" (picked for seed 0)"))
        let seed = try #require(UInt64(seedText.dropFirst(5).prefix { $0.isNumber }))
        #expect(seed >= 1)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains("\"seed\":\(seed)}"))
        let replay = try Binary.run(["replay", journal, "--headless"])
        #expect(replay.status == 0, "\(replay.err)")
        let strip = { (text: String) in
            text.replacingOccurrences(of: #" in [0-9.]+ s \([0-9]+× real time\)"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: " (picked for seed 0)", with: "")
        }
        #expect(strip(replay.out) == strip(run.out))
    }
}
