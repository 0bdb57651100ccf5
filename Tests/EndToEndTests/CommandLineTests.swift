import Foundation
import Recording
import Testing

/// The command line without a screen: list, validate, headless runs, exports, describe, replay.
struct CommandLineTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func listShowsEveryScenarioWithItsStory() throws {
        let result = try Binary.run(["list"])
        #expect(result.status == 0)
        #expect(result.out.contains("command-vs-events (default)"))
        #expect(result.out.contains("7 steps"))
    }

    @Test func aBadScenarioGetsItsPositionWhatWasExpectedAndExitCode2() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("typo.yaml")
        try """
            scenario: 1
            title: Typo
            topics:
              orders: { partiton: 3 }
            script:
              - { id: a, marker: A, say: Hi }
            """.write(to: file, atomically: true, encoding: .utf8)
        let result = try Binary.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.err.contains("typo.yaml:4:13: unknown key 'partiton'"))
        #expect(result.err.contains("did you mean 'partitions'?"))
        #expect(!result.err.contains("Fatal error"))
        let run = try Binary.run(["run", file.path, "--headless"])
        #expect(run.status == 2)
        #expect(run.err.contains("typo.yaml:4:13"))
    }

    /// The rehearsal plays the script: a demo passes; a step whose condition holds at once is named.
    @Test func validateRehearseNamesAStepTheAudienceWouldMissWithExitCode2() throws {
        let demo = try Binary.run(["validate", "--rehearse", "siem-reduction"])
        #expect(demo.status == 0)
        #expect(demo.out.hasSuffix("siem-reduction.yaml: ok — SIEM log reduction: filter, trim and dedupe firewall logs before Splunk (6 steps, rehearsed: every step shows its point)\n"))
        let every = try Binary.run(["validate", "--rehearse"])
        #expect(every.status == 0 && every.err.isEmpty)
        #expect(every.out.split(separator: "\n").count == 6)
        #expect(every.out.split(separator: "\n").allSatisfy { $0.hasSuffix("rehearsed: every step shows its point)") })
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("eager.yaml")
        try """
            scenario: 1
            title: Eager
            topics:
              orders: { partitions: 2 }
            producers:
              web: { topic: orders, rate: { constant: 50 }, record: { amount: { uniform: [1, 9] } } }
            script:
              - { id: a, marker: Start, say: Orders arrive., advance: { after: 5s } }
              - id: b
                marker: Already
                say: This step is gone before anyone reads it.
                advance: { when: "produced(web) > 10", timeout: 30s }
            """.write(to: file, atomically: true, encoding: .utf8)
        let message = "eager.yaml:9:5: step 2 'Already': its condition \"produced(web) > 10\" already holds when the step begins, so the step shows nothing of its own; expected a condition that becomes true during the step (or `after: …`)"
        let bad = try Binary.run(["validate", "--rehearse", file.path])
        #expect(bad.status == 2)
        #expect(bad.err == file.deletingLastPathComponent().path + "/" + message + "\n")
        #expect(bad.out.isEmpty)
        #expect(try Binary.run(["validate", file.path]).status == 0)
        let run = try Binary.run(["run", file.path, "--headless"])
        #expect(run.status == 0)
        #expect(run.out.contains("warnings — steps a live audience would not see (`streamstage validate --rehearse`):\n• " + file.deletingLastPathComponent().path + "/" + message))
    }

    @Test func badFlagsAreUsageErrorsWithExitCode2() throws {
        let result = try Binary.run(["run", "--speed", "99", "--headless"])
        #expect(result.status == 2)
        #expect(result.err.contains("--speed"))
        #expect(try Binary.run(["run", "no-such-scenario", "--headless"]).status == 2)
    }

    @Test func describePrintsKafkaConsumerGroupsColumns() throws {
        let result = try Binary.run(["describe", "--at", "30s", "--group", "payments"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("GROUP           TOPIC           PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG             CONSUMER-ID"))
        #expect(result.out.contains("payments        orders          0"))
    }

    /// A headless run, its journal replayed: the same records byte for byte, and the same cast.
    @Test func aJournalReplaysTheTalkExactly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = { (name: String) in folder.appendingPathComponent(name).path }
        let first = try Binary.run([
            "run", "--headless", "--duration", "45s", "--step-time", "6s", "--record", path("a.cast"), "--size", "90x28",
            "--export-events", path("a.jsonl"), "--export-metrics", path("a.csv"),
        ])
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.contains("GROUP"))
        let replay = try Binary.run([
            "replay", path("a.journal"), "--headless", "--record", path("b.cast"), "--size", "90x28",
            "--export-events", path("b.jsonl"), "--export-metrics", path("b.csv"),
        ])
        #expect(replay.status == 0, "\(replay.err)")
        for (a, b) in [("a.jsonl", "b.jsonl"), ("a.csv", "b.csv")] {
            let original = try Data(contentsOf: URL(fileURLWithPath: path(a)))
            #expect(original.count > 1_000)
            #expect(original == (try Data(contentsOf: URL(fileURLWithPath: path(b)))), "\(a) and \(b) differ")
        }
        let castA = try String(contentsOfFile: path("a.cast"), encoding: .utf8).split(separator: "\n").dropFirst()
        let castB = try String(contentsOfFile: path("b.cast"), encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(castA.count > 100)
        #expect(Array(castA) == Array(castB))
        #expect(AsciicastCheck.validate(try Data(contentsOf: URL(fileURLWithPath: path("b.cast")))).isEmpty)
    }

    @Test func aChangedScenarioIsNotReplayedSilently() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = folder.appendingPathComponent("copy.yaml")
        try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent("demo-data/command-vs-events.yaml"), to: scenario)
        let journal = folder.appendingPathComponent("j.journal").path
        #expect(try Binary.run(["run", scenario.path, "--headless", "--duration", "5s", "--journal", journal]).status == 0)
        try (String(contentsOf: scenario, encoding: .utf8) + "\n# edited\n").write(to: scenario, atomically: true, encoding: .utf8)
        let replay = try Binary.run(["replay", journal, "--headless"])
        #expect(replay.status == 2)
        #expect(replay.err.contains("changed since the journal was written"))
    }

    /// A recording whose process is killed outright still plays.
    @Test func aKilledRecordingLeavesAPlayableFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = folder.appendingPathComponent("killed.cast")
        let session = try TmuxSession.start([Binary.path, "run", "--record", cast.path], cols: 100, rows: 30,
                                            environment: ["STREAMSTAGE_DATA": Binary.packageRoot.appendingPathComponent("demo-data").path])
        defer { session.kill() }
        try session.waitForText("REC", timeout: .seconds(20))
        try session.sendKeys("n")
        try session.waitForText("step 2/7")
        let pid = try session.pid()
        kill(pid, SIGKILL)
        // SIGKILL leaves no chance to restore the screen, so wait for the process to vanish.
        let deadline = ContinuousClock.now + .seconds(5)
        while kill(pid, 0) == 0, ContinuousClock.now < deadline { usleep(20_000) }
        #expect(kill(pid, 0) != 0)
        let data = try Data(contentsOf: cast)
        #expect(AsciicastCheck.validate(data).isEmpty)
        #expect(String(decoding: data, as: UTF8.self).contains("\"m\",\"Payments gets slow\""))
    }
}
