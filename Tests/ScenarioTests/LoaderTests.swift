import Foundation
import Scenario
import StreamLog
import Testing

@Suite struct LoaderTests {
    @Test func collectsEveryProblemSortedByPosition() {
        let errors = ScenarioLoader.validate(yaml: scenario("""
            groups:
              g: { topic: missing, members: -1 }
            topics:
              t: { partitions: 0, retention: { time: 5 } }
            """), file: "multi.yaml")
        #expect(errors.map { "\($0.line):\($0.column)" } == ["4:15", "4:33", "6:20", "6:42"])
        #expect(errors[0] == ScenarioError(
            file: "multi.yaml", at: SourcePosition(line: 4, column: 15), message: "undefined topic 'missing' in group 'g'",
            expected: "one of: t"))
        #expect(errors[3].suggestion == "5s")
    }

    @Test func suggestionsUseDamerauLevenshtein() {
        let errors = ScenarioLoader.validate(yaml: scenario("topics:\n  t: { paritions: 2, retnetion: {}, lable: x, xyzzy: 1 }"), file: "s.yaml")
        #expect(errors.map(\.suggestion) == ["partitions", "retention", "label", nil])
    }

    @Test func neverTrapsOnTruncatedOrMangledInput() throws {
        let path = try #require(ScenarioLoader.resolve("command-vs-events", in: DefaultScenarioTests.demoData))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let characters = Array(text)
        var cuts = 0
        var stride = 1
        var length = 0
        while length < characters.count {
            let prefix = String(characters[0..<length])
            let errors = ScenarioLoader.validate(yaml: prefix, file: "cut.yaml")
            // Before the script starts a cut file is always incomplete; later cuts may end
            // cleanly between steps (a valid, shorter talk), so they only must not trap.
            if !prefix.contains("\nscript:\n  - id") {
                #expect(!errors.isEmpty, "prefix of \(length) characters validated")
            }
            #expect(errors.allSatisfy { $0.line >= 1 && $0.column >= 1 })
            cuts += 1
            length += stride
            stride = stride % 37 + 11
        }
        #expect(cuts > 100)
        // Lines dropped one at a time: errors or a valid file, never a trap.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices {
            var mangled = lines
            mangled.remove(at: index)
            _ = ScenarioLoader.validate(yaml: mangled.joined(separator: "\n"), file: "mangled.yaml")
        }
    }

    @Test func randomMutationsNeverTrap() throws {
        let path = try #require(ScenarioLoader.resolve("command-vs-events", in: DefaultScenarioTests.demoData))
        let original = Array(try String(contentsOfFile: path, encoding: .utf8))
        let significant = Array(":{}[]-#'\"\t\n &*!|>%@`,?0x")
        var random = SeededRandom(seed: 2024)
        var failures = 0
        for _ in 0..<300 {
            var text = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<text.count, using: &random)
                text[at] = significant[Int.random(in: 0..<significant.count, using: &random)]
            }
            let errors = ScenarioLoader.validate(yaml: String(text), file: "mutant.yaml")
            if !errors.isEmpty { failures += 1 }
            #expect(errors.allSatisfy { !$0.message.isEmpty && $0.line >= 1 })
        }
        #expect(failures > 100)  // most mutations break something, and each is reported, not trapped
    }

    @Test func oddButValidYAMLGivesErrorsNotTraps() {
        for yaml in [
            "scenario: 1\ntitle: x\nscript: [ { id: a, say: b, do: [ { start: [1, 2] } ] } ]",
            "scenario: 1\ntitle: x\nscript: [ { id: a, say: b, advance: { when: \"((((lag(a)\", timeout: 1s } } ]",
            "scenario: 99999999999999999999999\ntitle: x\nscript: []",
            "scenario: 1\ntitle: x\nseed: -1\nscript: [ { id: a, say: b } ]",
            "? [a]\n: b",
            "scenario: 1\ntitle: x\ntopics: { t: { partitions: 1e99 } }\nscript: [ { id: a, say: b } ]",
            "scenario: 1\ntitle: x\nanchors: &a { x: 1 }\nother: *a\nscript: [ { id: a, say: b } ]",
            "scenario: 1\ntitle: x\nproducers: { p: { topic: t, rate: 1, record: { v: { pick: { range: [-9223372036854775808, 9223372036854775807] } } } } }\ntopics: { t: }\nscript: [ { id: a, say: b } ]",
        ] {
            #expect(!ScenarioLoader.validate(yaml: yaml, file: "odd.yaml").isEmpty, "\(yaml)")
        }
    }

    @Test func anchorsAndAliasesShareSettings() throws {
        let spec = try #require(parseValid(scenario("""
            topics: { orders: { partitions: 3 } }
            groups:
              a: { topic: orders, process: &slow { per_record: 40ms, jitter: 5ms } }
              b: { topic: orders, process: *slow }
            """)))
        #expect(spec.group("b")?.process == Processing(perRecordMs: 40, jitterMs: 5))
        #expect(spec.group("a")?.process == spec.group("b")?.process)
    }

    @Test func resolvesNamesAndPaths() throws {
        let directory = DefaultScenarioTests.demoData
        let byName = try #require(ScenarioLoader.resolve("command-vs-events", in: directory))
        #expect(byName.hasSuffix("demo-data/command-vs-events.yaml"))
        #expect(ScenarioLoader.resolve(byName, in: "/nowhere") == byName)
        #expect(ScenarioLoader.resolve("no-such-scenario", in: directory) == nil)
        #expect(ScenarioLoader.resolve("/tmp/no-such-file.yaml", in: directory) == nil)
        #expect(ScenarioLoader.bundledScenarios(in: directory).contains(byName))
        #expect(ScenarioLoader.bundledScenarios(in: "/nonexistent-dir").isEmpty)
    }

    @Test func unreadableFileIsAnError() {
        #expect(throws: ScenarioErrors([ScenarioError(
            file: "/nonexistent/x.yaml", at: SourcePosition(line: 1, column: 1), message: "cannot read the file",
            expected: "a readable scenario file (.yaml)")])) { try ScenarioLoader.load(path: "/nonexistent/x.yaml") }
    }

    @Test func errorDescriptionFormat() {
        let error = ScenarioError(
            file: "a.yaml", at: SourcePosition(line: 3, column: 7), message: "unknown key 'partiton' in topic 'orders'",
            expected: "one of: partitions, retention", suggestion: "partitions")
        #expect(error.description
            == "a.yaml:3:7: unknown key 'partiton' in topic 'orders' — did you mean 'partitions'?; expected one of: partitions, retention")
        #expect(ScenarioErrors([error, error]).description == error.description + "\n" + error.description)
    }
}
