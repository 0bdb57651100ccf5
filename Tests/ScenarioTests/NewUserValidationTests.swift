import Scenario
import Testing

/// Mistakes found writing new scenarios from demo-data/README.md: each one is a positioned
/// message with the fix, not a silent `null` or a puzzling "unexpected character".
struct NewUserValidationTests {
    /// Sensors write `device`, `humidity` and a nested `place.room`; a filter and a map feed a window.
    static func sensors(_ processors: String) -> String {
        scenario("""
            topics: { readings: {}, damp: {}, slim: {}, stats: {} }
            producers:
              sensor:
                topic: readings
                rate: 10
                record: { device: { pick: [a, b] }, humidity: { uniform: [20, 90] }, place: { object: { room: r1 } } }
            processors:
            \(processors)
            """)
    }

    @Test func aMisspeltFieldInAnAggregationIsReportedWithTheNearestField() {
        let yaml = Self.sensors("""
              stats-w: { kind: window, from: readings, to: stats, tumbling: 10s, agg: [count, avg(humidty)] }
            """)
        #expect(problems(yaml) == [
            "test.yaml:10:87: unknown field 'humidty' in agg of window processor 'stats-w' — did you mean 'humidity'?; expected a field of the records produced to readings: device, humidity, place",
        ])
    }

    @Test func fieldsInWhereMapAndGroupByAreCheckedThroughTheTopicsProcessorsWrite() {
        let yaml = Self.sensors("""
              wet: { kind: filter, from: readings, to: damp, where: "humidty > 70 and place.room == 'r1'" }
              trim: { kind: map, from: damp, to: slim, keep: [device, humidity], set: { pct: "humidity / 100" }, rekey: devic }
              per-device: { kind: window, from: slim, to: stats, tumbling: 10s, group_by: [device, place.room], agg: max(pct) }
            """)
        #expect(problems(yaml) == [
            "test.yaml:10:58: unknown field 'humidty' in where of filter processor 'wet' — did you mean 'humidity'?; expected a field of the records produced to readings: device, humidity, place",
            "test.yaml:11:109: unknown field 'devic' in rekey of map processor 'trim' — did you mean 'device'?; expected a field of the records produced to damp: device, humidity, place",
            "test.yaml:12:88: unknown field 'place.room' in group_by of window processor 'per-device'; expected a field of the records produced to slim: device, humidity, pct",
        ])
    }

    @Test func aTopicAWindowWritesIsNotChecked() {
        let yaml = Self.sensors("""
              w: { kind: window, from: readings, to: stats, tumbling: 10s, agg: count }
              after: { kind: filter, from: stats, to: damp, where: "count > 3 and anything == 1" }
            """)
        #expect(problems(yaml).isEmpty)
    }

    @Test(arguments: [
        ("humidity => 70", 10, "'=>' is not an operator — did you mean '>='?; expected a comparison: == != < <= > >="),
        ("humidity =< 70", 10, "'=<' is not an operator — did you mean '<='?; expected a comparison: == != < <= > >="),
        ("device <> 'a'", 8, "'<>' is not an operator — did you mean '!='?; expected a comparison: == != < <= > >="),
        ("humidity > 70 && device == 'a'", 15, "'&&' is not an operator — did you mean 'and'?; expected 'and', 'or' or 'not'"),
        ("humidity > 70 || device == 'a'", 15, "'||' is not an operator — did you mean 'or'?; expected 'and', 'or' or 'not'"),
        ("!(humidity > 70)", 1, "'!' is not an operator — did you mean 'not'?; expected 'and', 'or' or 'not'"),
    ])
    func operatorsFromOtherLanguagesSuggestThisOne(_ expression: String, column: Int, message: String) {
        // `column`: the operator's 1-based column within the expression, which starts at column 58.
        let yaml = Self.sensors("""
              wet: { kind: filter, from: readings, to: damp, where: "\(expression)" }
            """)
        #expect(problems(yaml) == ["test.yaml:10:\(57 + column): invalid where of filter processor 'wet': \(message)"])
    }

    @Test func aConditionGetsTheSameOperatorHints() {
        let yaml = scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: """
              - { id: a, say: hi, advance: { when: "lag(g) => 5", timeout: 9s } }
            """)
        #expect(problems(yaml) == [
            "test.yaml:6:48: invalid when of step 'a': '=>' is not an operator — did you mean '>='?; expected a comparison: == != < <= > >=",
        ])
    }

    @Test func retentionRecordsSuggestsMaxRecords() {
        #expect(problems(scenario("topics: { t: { retention: { records: 1000 } } }")) == [
            "test.yaml:3:29: unknown key 'records' in retention of topic 't' — did you mean 'max_records'?; expected one of: time, max_records, max_bytes",
        ])
    }

    @Test(arguments: [("2000/s", "2000"), ("2000 /sec", "2000"), ("90 per minute", "1.5"), ("7200/h", "2")])
    func aRateWithAUnitShowsThePlainNumber(_ rate: String, _ fix: String) {
        let yaml = scenario("""
            topics: { t: {} }
            producers: { p: { topic: t, rate: \(rate), record: { v: 1 } } }
            """)
        #expect(problems(yaml) == [
            "test.yaml:4:35: invalid rate of producer 'p': '\(rate)' has a unit (rates are per second) — did you mean '\(fix)'?; expected a plain number of records per second, such as \(fix) or { constant: \(fix) }",
        ])
    }

    @Test func killingMoreMembersThanTheGroupHasAtThatPointIsReported() {
        let yaml = scenario("topics: { t: {} }\ngroups: { g: { topic: t, members: 2 } }", steps: """
              - { id: grow, say: One more., do: { add_member: g } }
              - { id: crash, say: Two die., do: [ { kill_member: { group: g, count: 2 } } ] }
              - { id: more, say: Two more die., do: [ { kill_member: { group: g, count: 2 } } ] }
              - id: late
                say: A new group loses a member it never had.
                do:
                  - add_group: { name: h, topic: t, members: 0 }
                  - kill_member: h
            """)
        #expect(problems(yaml) == [
            "test.yaml:8:43: kill_member in step 'more' kills 2 members of 'g', which has 1 at that point of the script; expected a count of at most 1 (members, plus add_member, minus kill_member in the steps before)",
            "test.yaml:13:9: kill_member in step 'late' kills 1 member of 'h', which has 0 at that point of the script; expected an add_member for 'h' before it",
        ])
    }

    @Test func aProcessorNamedLikeATopicIsReportedWithBothPositions() {
        let yaml = scenario("""
            topics: { siem: {}, raw: {} }
            processors:
              siem: { kind: filter, from: raw, to: raw2, where: "true" }
            """)
        #expect(problems(yaml).contains(
            "test.yaml:5:3: name 'siem' is used by a topic (at 3:11) and by this processor; expected a processor name that is not also a topic's (a condition such as in_rate(siem) could not tell them apart)"))
    }
}
