import Scenario
import Testing

/// A step's `show:` list: the value language, its formats, and its positioned errors.
@Suite struct ShowTests {
    /// Metrics of a tiny world: bytes(in) = 200, bytes(out) = 10, lag(g) = 7.
    static func metric(_ metric: Metric, _ entity: String) -> Double? {
        switch (metric, entity) {
        case (.bytes, "in"): 200
        case (.bytes, "out"): 10
        case (.lag, "g"): 7
        default: nil
        }
    }

    static func value(_ text: String) throws -> Double? {
        try MetricExpression.parse(text).0.evaluate(metric, world: { $0 == .linksPlatform ? 8 : 12 })
    }

    @Test func arithmeticOverMetricsFollowsPrecedenceAndParentheses() throws {
        #expect(try Self.value("100 * bytes(out) / bytes(in)") == 5)
        #expect(try Self.value("100 - 100 * bytes(out) / bytes(in)") == 95)
        #expect(try Self.value("(lag(g) + 3) * 2") == 20)
        #expect(try Self.value("-lag(g) + 10") == 3)
        #expect(try Self.value("links_point_to_point() - links_platform()") == 4)
    }

    @Test func aMissingMetricOrADivisionByZeroHasNoValue() throws {
        #expect(try Self.value("lag(other)") == nil)
        #expect(try Self.value("bytes(in) / (lag(g) - 7)") == nil)
    }

    @Test func theParserReportsEveryEntityItReads() throws {
        let (_, references) = try MetricExpression.parse("bytes(siem) / bytes(firewall)")
        #expect(references == [
            MetricReference(metric: .bytes, entity: "siem", offset: 6),
            MetricReference(metric: .bytes, entity: "firewall", offset: 20),
        ])
    }

    @Test func formatsWriteWholeReadableNumbers() {
        #expect(ShowFormat.count.text(12_400) == "12 400")
        #expect(ShowFormat.count.text(0) == "0")
        #expect(ShowFormat.percent.text(95.06) == "95.1 %")
        #expect(ShowFormat.bytes.text(324_700) == "324.7 kB")
        #expect(ShowFormat.bytes.text(13_700_000) == "13.7 MB")
        #expect(ShowFormat.bytes.text(512) == "512 B")
        #expect(ShowFormat.ms.text(590) == "590 ms")
        #expect(ShowFormat.ms.text(1_640) == "1.6 s")
        #expect(ShowFormat.ms.text(60_010) == "60 s")
        #expect(ShowFormat.ms.text(nil) == "-")
        #expect(ShowFormat.count.text(1e300) == "-")
        #expect(ShowFormat.ms.text(-.infinity) == "-")
    }

    static let world = "topics: { t: {}, sink: { sink: true } }\ngroups: { g: { topic: t } }"

    @Test func aStepReadsItsShowList() throws {
        let steps = """
              - id: a
                say: x
                show:
                  - { label: "kept", value: "100 * bytes(sink) / bytes(t)", format: percent }
                  - { label: "lag", value: "lag(g)" }
            """
        let spec = try #require(parseValid(scenario(Self.world, steps: steps)))
        let show = try #require(spec.script.first?.show)
        #expect(show.map(\.label) == ["kept", "lag"])
        #expect(show.map(\.format) == [.percent, .count])
        #expect(show[1].value == .operand(.metric(.lag, entity: "g")))
        #expect(show[0].text == "100 * bytes(sink) / bytes(t)")
    }

    static let cases: [(String, String, [String])] = [
        ("unknownMetricSuggestsTheNearMiss", "    show: [ { label: k, value: \"byts(t)\" } ]", [
            "s.yaml:8:33: invalid value of item 1 of show of step 'a': unknown metric 'byts' — did you mean 'bytes'?; expected one of: "
                + (Metric.allCases.map(\.rawValue) + WorldMetric.allCases.map(\.rawValue)).joined(separator: ", "),
        ]),
        ("undefinedEntitySuggestsTheNearMiss", "    show: [ { label: k, value: \"bytes(sinc)\" } ]", [
            "s.yaml:8:39: undefined topic 'sinc' in bytes() in item 1 of show of step 'a' — did you mean 'sink'?; expected one of: t, sink",
        ]),
        ("wrongKindOfEntity", "    show: [ { label: k, value: \"lag(t)\" } ]", [
            "s.yaml:8:37: 't' in lag() in item 1 of show of step 'a' is a topic, not a group or a processor; expected one of: g",
        ]),
        ("worldMetricTakesNoEntity", "    show: [ { label: k, value: \"links_platform(t)\" } ]", [
            "s.yaml:8:48: invalid value of item 1 of show of step 'a': 'links_platform' takes no entity; expected links_platform()",
        ]),
        ("unknownFormat", "    show: [ { label: k, value: \"lag(g)\", format: percnt } ]", [
            "s.yaml:8:50: invalid format of item 1 of show of step 'a': 'percnt' — did you mean 'percent'?; expected one of: count, percent, bytes, ms",
        ]),
        ("missingValue", "    show: [ { label: k } ]", [
            "s.yaml:8:13: missing key 'value' in item 1 of show of step 'a'; expected value: …",
        ]),
        ("emptyLabel", "    show: [ { label: \"\", value: \"lag(g)\" } ]", [
            "s.yaml:8:22: empty label of item 1 of show of step 'a'; expected the words the audience reads beside the value",
        ]),
        ("notAList", "    show: lag(g)", [
            "s.yaml:8:11: wrong type for show of step 'a': the string 'lag(g)'; expected a list of {label: \"…\", value: \"<expression>\", format: count}",
        ]),
    ]

    @Test(arguments: cases.map(\.0))
    func badShowItemsArePositionedErrors(_ name: String) throws {
        let (_, line, expected) = try #require(Self.cases.first { $0.0 == name })
        let yaml = scenario(Self.world, steps: "  - id: a\n    say: x\n" + line)
        #expect(problems(yaml, file: "s.yaml") == expected)
    }
}
