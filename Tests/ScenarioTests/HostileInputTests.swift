import Foundation
@testable import Scenario
import StreamLog
import Testing
import Yams

/// Mutated demo-data scenarios, alias bombs, huge numbers and cut files: every one is answered
/// with positioned problems or a spec within the limits — never a trap, never unbounded work.
struct HostileInputTests {
    /// The scenarios in demo-data/, as text.
    static let demoFiles: [(name: String, text: String)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("demo-data")
        return ScenarioLoader.bundledScenarios(in: folder.path).map {
            (URL(fileURLWithPath: $0).lastPathComponent, (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "")
        }
    }()

    /// The 8-level "billion laughs" of the issue (341 bytes here): 9⁸ ≈ 43 million strings once expanded.
    static let billionLaughs = """
        scenario: 1
        title: lol
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        script: []

        """

    @Test("the billion-laughs file is refused at the alias that crosses the limit, before any tree is built")
    func billionLaughs() {
        #expect(problems(Self.billionLaughs, file: "lol.yaml") == [
            "lol.yaml:8:8: the aliases expand the file to more than 100000 YAML nodes; expected at most 100000 values once every *alias is expanded"
        ])
    }

    @Test("aliases nested deeper than the limit, and more aliases than the limit, are refused")
    func aliasDepthAndCount() {
        var deep = "scenario: 1\ntitle: deep\nl0: &l0 [x]\n"
        for level in 1...70 { deep += "l\(level): &l\(level) [*l\(level - 1)]\n" }
        #expect(problems(deep, file: "deep.yaml").first
            == "deep.yaml:65:12: values nested more than 64 levels deep; expected at most 64 levels of nesting, aliases expanded")
        let many = "scenario: 1\ntitle: many\nx: &x 1\ny: [" + Array(repeating: "*x", count: 1_001).joined(separator: ", ") + "]\n"
        #expect(problems(many, file: "many.yaml").first?.hasPrefix("many.yaml:4:") == true)
        #expect(problems(many, file: "many.yaml").first?.contains("more than 1000 aliases") == true)
    }

    @Test("values beyond the hard limits get their position and the limit")
    func hardLimits() {
        let text = scenario("""
            topics:
              a: { partitions: 65536 }
              b: { partitions: 256, retention: { time: 31d } }
              c: { partitions: 256 }
              d: { partitions: 256 }
              e: { partitions: 256 }
            producers:
              p: { topic: b, rate: 1e9, record: { x: 1 } }
            groups:
              g: { topic: b, members: 100000 }
            """)
        #expect(problems(text) == [
            "test.yaml:4:20: invalid partitions of topic 'a': 65536 is more than the limit of 256; expected an integer from 1 to 256",
            "test.yaml:5:44: invalid time of retention of topic 'b': 31d is longer than the limit of 30d; expected a duration of at most 30d",
            "test.yaml:8:3: topic 'e' takes the partitions of all topics to 1025; expected at most 1024 partitions in all (the limit)",
            "test.yaml:10:24: invalid rate of producer 'p': 1e9 is more than the limit of 10000 per second; expected a rate from 0 to 10000 per second",
            "test.yaml:12:27: invalid members of group 'g': 100000 is more than the limit of 64; expected an integer from 0 to 64",
        ])
    }

    @Test("totals of members and rates are limited across groups and producers")
    func totals() {
        let groups = (1...5).map { "  g\($0): { topic: t, members: 60 }" }.joined(separator: "\n")
        let producers = (1...6).map { "  p\($0): { topic: t, rate: 9000, record: { x: 1 } }" }.joined(separator: "\n")
        let text = scenario("topics:\n  t: {}\nproducers:\n\(producers)\ngroups:\n\(groups)")
        #expect(problems(text) == [
            "test.yaml:11:3: 'p6' takes the rate of all producers and chains to 54000/s; expected at most 50000 records per second in all, each at its peak (the limit)",
            "test.yaml:17:3: 'g5' takes the members of all groups and processors to 300; expected at most 256 members in all (the limit)",
        ])
    }

    @Test("a set_rate that raises a producer counts towards the total")
    func setRateTotal() {
        let producers = (1...6).map { "  p\($0): { topic: t, rate: 8000, record: { x: 1 } }" }.joined(separator: "\n")
        let steady = scenario("topics:\n  t: {}\nproducers:\n\(producers)")
        #expect(problems(steady) == [])
        let raised = scenario(
            "topics:\n  t: {}\nproducers:\n\(producers)",
            steps: "  - { id: up, say: faster, do: [{ set_rate: { target: p1, to: 10000 } }, { set_rate: { target: p2, to: 10000 } }] }")
        #expect(problems(raised) == [
            "test.yaml:11:3: 'p6' takes the rate of all producers and chains to 52000/s; expected at most 50000 records per second in all, each at its peak (the limit)"
        ])
    }

    @Test("a record template with a 10⁶-element aliased list is refused by the alias budget; a big literal one by its size")
    func templateSize() {
        var aliased = "scenario: 1\ntitle: t\ntopics: { t: {} }\nl1: &l1 [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\n"
        for level in 2...6 { aliased += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        aliased += "producers:\n  p: { topic: t, rate: 1, record: { x: *l6 } }\nscript: []\n"
        #expect(problems(aliased) == [
            "test.yaml:8:45: the aliases expand the file to more than 100000 YAML nodes; expected at most 100000 values once every *alias is expanded"
        ])
        let list = (0..<2_100).map(String.init).joined(separator: ", ")
        let literal = scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { x: [\(list)] } }")
        #expect(problems(literal) == [
            "test.yaml:5:35: record of producer 'p' has more than 2000 values; expected a record template of at most 2000 fields, generators and constants"
        ])
    }

    @Test("a file over 1 MiB is refused before it is parsed")
    func fileSize() {
        let text = "scenario: 1\n" + String(repeating: "#", count: Limits.fileBytes)
        #expect(problems(text, file: "big.yaml") == [
            "big.yaml:1:1: the file is 1048588 bytes, more than the limit of 1048576; expected a scenario file of at most 1 MiB"
        ])
    }

    @Test("a file cut after a newline in the middle of a value is reported at the end of its last line")
    func cutFile() {
        let text = "scenario: 1\ntitle: \"Cut\n"
        #expect(problems(text, file: "cut.yaml").first?.hasPrefix("cut.yaml:2:12: malformed YAML") == true)
    }

    /// 200 mutations of each of the six demo-data files (1 200 in all, the files in parallel): each
    /// is validated, and the work it causes is bounded by counting — the composed tree of an
    /// accepted file never exceeds the node limit.
    @Test("200 mutations of each demo-data file: positioned problems or a spec within the limits, never a trap",
          arguments: 0..<6)
    func mutatedFiles(fileIndex: Int) throws {
        try #require(Self.demoFiles.count == 6)
        let (name, original) = Self.demoFiles[fileIndex]
        var random = SeededRandom(seed: 11 + UInt64(fileIndex))
        var rejected = 0
        for index in 0..<200 {
            let text = Self.mutate(original, &random)
            let label = "\(index)-\(name)"
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let errors = ScenarioLoader.validate(yaml: text, file: label)
            for error in errors {
                #expect(error.file == label)
                #expect(error.line >= 1 && error.line <= max(1, lineCount), "\(error) is outside the file's \(lineCount) lines")
                #expect(error.column >= 1)
            }
            if errors.isEmpty {
                let spec = try ScenarioLoader.parse(yaml: text, file: label)
                #expect(spec.topics.allSatisfy { $0.partitions <= Limits.partitionsPerTopic })
                #expect(spec.topics.reduce(0) { $0 + $1.partitions } <= Limits.totalPartitions)
                #expect(spec.groups.allSatisfy { $0.members <= Limits.membersPerGroup })
                #expect(spec.producers.allSatisfy { $0.rate.peakRate <= RateLimits.talk.perProducer })
                let root = YAMLNode(try #require(try Yams.compose(yaml: text)))
                #expect(root.nodeCount(upTo: Limits.expandedNodes + 1) <= Limits.expandedNodes)
            } else {
                rejected += 1
            }
        }
        // Hostile enough that many files are refused, mild enough that some pass.
        #expect(rejected > 50 && rejected < 200, "\(name): \(rejected) of 200 refused")
    }

    /// One random hostile edit of `text`.
    static func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<8, using: &random) {
        case 0:  // cut anywhere, mid-line or mid-character
            let bytes = Array(text.utf8)
            return String(decoding: bytes.prefix(Int.random(in: 0...bytes.count, using: &random)), as: UTF8.self)
        case 1:  // a huge, negative or odd number in place of the first number on a line
            let huge = ["9223372036854775807", "18446744073709551616", "1e308", "-1", "0", "65536", "1e9", "99999999999d", "0.0000001"]
            let replacement = huge[Int.random(in: 0..<huge.count, using: &random)]
            lines[line] = lines[line].replacingOccurrences(of: #"\d+(\.\d+)?"#, with: replacement, options: .regularExpression)
        case 2:  // an alias bomb under a new top-level key
            lines.append(billionLaughs.split(separator: "\n").dropFirst(2).prefix(Int.random(in: 2...8, using: &random)).joined(separator: "\n"))
        case 3:  // a line deleted
            lines.remove(at: line)
        case 4:  // a line duplicated
            lines.insert(lines[line], at: line)
        case 5:  // random bytes (brackets, quotes, anchors, tabs)
            let alphabet = Array("{}[]&*:,-\"'|>#\t !%@`")
            var chars = Array(lines[line])
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                chars.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: Int.random(in: 0...chars.count, using: &random))
            }
            lines[line] = String(chars)
        case 6:  // indentation shifted
            lines[line] = String(repeating: " ", count: Int.random(in: 0...6, using: &random)) + lines[line].drop { $0 == " " }
        default:  // a durations with a huge count
            let durations = ["9223372036854775807ms", "99999h", "1e400s", "0ms", "-5s", "31d", "106751991d"]
            lines[line] = lines[line].replacingOccurrences(
                of: #"\d+(ms|s|m|h|d)\b"#, with: durations[Int.random(in: 0..<durations.count, using: &random)],
                options: .regularExpression)
        }
        return lines.joined(separator: "\n")
    }
}
