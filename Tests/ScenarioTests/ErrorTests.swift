import Scenario
import Testing

/// Every class of error, with its exact message and line:column.
@Suite struct ErrorTests {
    static let cases: [(String, String, [String])] = [
        ("unknownKeySuggestsTheNearMiss", scenario("topics:\n  orders: { partiton: 3 }"), [
            "s.yaml:4:13: unknown key 'partiton' in topic 'orders' — did you mean 'partitions'?; expected one of: partitions, retention, segment, timestamp, sink, label",
        ]),
        ("zeroPartitions", scenario("topics:\n  orders: { partitions: 0 }"), [
            "s.yaml:4:25: invalid partitions of topic 'orders': 0; expected an integer ≥ 1",
        ]),
        ("wrongType", scenario("topics:\n  orders: { partitions: three }"), [
            "s.yaml:4:25: wrong type for partitions of topic 'orders': the string 'three'; expected an integer ≥ 1",
        ]),
        ("undefinedTopic", scenario("topics:\n  orders: {}\ngroups:\n  g: { topic: order }"), [
            "s.yaml:6:15: undefined topic 'order' in group 'g' — did you mean 'orders'?; expected one of: orders",
        ]),
        ("negativeRate", scenario("topics:\n  orders: {}\nproducers:\n  p: { topic: orders, rate: -5, record: { v: 1 } }"), [
            "s.yaml:6:29: invalid rate of producer 'p': -5; expected a rate ≥ 0 per second",
        ]),
        ("twoRateProfiles", scenario("topics:\n  orders: {}\nproducers:\n  p: { topic: orders, rate: { constant: 5, ramp: 1 }, record: { v: 1 } }"), [
            "s.yaml:6:29: rate of producer 'p' needs exactly one profile; expected one of: {constant: 5}, {ramp: {from, to, over}}, {sine: {base, amplitude, period}}, {burst: {base, peak, every, for}}",
        ]),
        ("zeroTimeout", scenario("chains:\n  c: { rate: 1, timeout: 0s, calls: [{ service: s, latency: 1ms }] }"), [
            "s.yaml:4:26: invalid timeout of chain 'c': 0s (must be more than 0); expected a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d",
        ]),
        ("whenWithoutTimeout", scenario("", steps: "  - id: a\n    say: x\n    advance: { when: \"lag(g) > 1\" }"), [
            "s.yaml:7:14: missing key 'timeout' in advance of step 'a': a 'when' needs a timeout so a live demo never hangs; expected timeout: 30s",
            "s.yaml:7:27: undefined group or processor 'g' in lag() in step 'a'; expected a group or a processor defined in the file",
        ]),
        ("undefinedService", scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: "  - id: a\n    say: x\n    do: [ { fail: { service: nope } } ]"), [
            "s.yaml:8:30: undefined service 'nope' in action 'fail' of step 'a'; expected a service defined in the file",
        ]),
        ("undefinedGroupInAction", scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: "  - id: a\n    say: x\n    do: [ { pause: gg } ]"), [
            "s.yaml:8:20: undefined group or processor 'gg' in action 'pause' of step 'a' — did you mean 'g'?; expected one of: g",
        ]),
        ("wrongKindInCondition", scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: "  - id: a\n    say: x\n    advance: { when: \"lag(t) > 1\", timeout: 5s }"), [
            "s.yaml:8:27: 't' in lag() in step 'a' is a topic, not a group or a processor; expected one of: g",
        ]),
        ("undefinedProcessorInput", scenario("topics: { t: {} }\nprocessors:\n  f: { kind: filter, from: tt, where: \"a > 1\", to: t }"), [
            "s.yaml:5:28: undefined topic 'tt' in filter processor 'f' — did you mean 't'?; expected one of: t",
        ]),
        ("unknownProcessorKind", scenario("topics: { t: {} }\nprocessors:\n  f: { kind: filtr, from: t, where: \"a > 1\", to: t }"), [
            "s.yaml:5:14: invalid kind of processor 'f': 'filtr' — did you mean 'filter'?; expected one of: filter, map, window, join, branch",
        ]),
        ("malformedExpression", scenario("topics: { t: {} }\nprocessors:\n  f: { kind: filter, from: t, where: \"a >> 1\", to: t }"), [
            "s.yaml:5:42: invalid where of filter processor 'f': unexpected '>'; expected a field, a number, a 'string' or '('",
        ]),
        ("groupUsedBeforeItIsAdded", scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: "  - id: a\n    say: x\n    advance: { when: \"lag(fraud) > 1\", timeout: 5s }\n  - id: b\n    say: y\n    do: [ { add_group: { name: fraud, topic: t } } ]"), [
            "s.yaml:8:27: group 'fraud' in lag() in step 'a' is used before the step that adds it; expected one of: g",
        ]),
        ("malformedYAMLFlow", "scenario: 1\ntitle: [unclosed\nscript: []", [
            "s.yaml:3:7: malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence); expected valid YAML: check the indentation, the ':' after each key and matching quotes or brackets",
        ]),
        ("malformedYAMLIndent", "scenario: 1\ntitle: x\n  bad: indent\nscript: []", [
            "s.yaml:3:6: malformed YAML: mapping values are not allowed in this context; expected valid YAML: check the indentation, the ':' after each key and matching quotes or brackets",
        ]),
        ("schemaVersion", "scenario: 2\ntitle: x\nscript: [ { id: a, say: b } ]", [
            "s.yaml:1:11: invalid scenario (the schema version): 2; expected scenario: 1 (the only schema version)",
        ]),
        ("unknownTopLevelKey", "scenario: 1\ntitle: x\ntopcs: {}\nscript: [ { id: a, say: b } ]", [
            "s.yaml:3:1: unknown key 'topcs' in the scenario — did you mean 'topics'?; expected one of: scenario, id, title, story, seed, clock, layout, record, topics, producers, groups, processors, chains, batch, script",
        ]),
        ("formatWithoutPlaceholder", scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { id: { seq: \"o-\" } } }"), [
            "s.yaml:5:48: invalid seq of field 'id' of record of producer 'p': format 'o-' has no {} placeholder for the number; expected a format such as \"o-{n:05}\"",
        ]),
        ("weightsCountMismatch", scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { v: { pick: [a, b], weights: [1] } } }"), [
            "s.yaml:5:65: pick of field 'v' of record of producer 'p' has 2 values but 1 weights; expected one weight per value",
        ]),
        ("walkWithoutKey", scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { v: { walk: { start: 1, step: [-1, 1] } } } }"), [
            "s.yaml:5:37: walk field 'v' in record of producer 'p' needs a keyed producer; expected key: <field> on the producer (the walk keeps one value per key)",
        ]),
        ("badCIDR", scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { v: { ip: \"10.0.0.0/33\" } } }"), [
            "s.yaml:5:46: invalid ip of field 'v' of record of producer 'p': '10.0.0.0/33'; expected a CIDR block such as \"10.0.0.0/16\"",
        ]),
        ("duplicateEntityName", scenario("topics: { t: {} }\nproducers:\n  p: { topic: t, rate: 1, record: { v: 1 } }\ngroups:\n  p: { topic: t }"), [
            "s.yaml:7:3: name 'p' is already used by a producer; expected unique names across producers, groups, processors, chains and batch jobs",
        ]),
        ("duplicateStepID", scenario("", steps: "  - id: a\n    say: x\n  - id: a\n    say: y"), [
            "s.yaml:7:9: duplicate step id 'a'; expected a unique id per step",
        ]),
        ("afterAndWhen", scenario("", steps: "  - id: a\n    say: x\n    advance: { after: 1s, when: \"lag(a) > 1\", timeout: 1s }"), [
            "s.yaml:7:27: advance of step 'a' has both 'after' and 'when'; expected key, {after: 8s} or {when: \"lag(g) > 10\", timeout: 20s}",
        ]),
        ("badResetTarget", scenario("topics: { t: {} }\ngroups: { g: { topic: t } }", steps: "  - id: a\n    say: x\n    do: [ { reset_offsets: { group: g, to: earliset } } ]"), [
            "s.yaml:8:44: invalid to of action 'reset_offsets' of step 'a': 'earliset' — did you mean 'earliest'?; expected earliest, latest, {offset: 100} or {ago: 5m}",
        ]),
        ("durationWithoutUnit", scenario("clock: { tick: 10 }"), [
            "s.yaml:3:16: invalid clock tick: duration '10' has no unit — did you mean '10s'?; expected a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d",
        ]),
        ("sizeUnitCase", scenario("topics: { t: { segment: 1mb } }"), [
            "s.yaml:3:25: invalid segment of topic 't': unknown size unit 'mb' in '1mb' — did you mean '1MB'?; expected a size in bytes, such as 500, 64KiB, 1MB or 1GiB",
        ]),
        ("processorLoop", scenario("topics: { t: {} }\nprocessors:\n  f: { kind: filter, from: t, where: \"a > 1\", to: t }"), [
            "s.yaml:5:6: processor 'f' writes to its own input topic 't'; expected a different output topic (a loop would feed records back forever)",
        ]),
    ]

    @Test(arguments: 0..<cases.count)
    func exactMessage(index: Int) {
        let (name, yaml, expected) = Self.cases[index]
        #expect(problems(yaml, file: "s.yaml") == expected, "\(name)")
    }
}
