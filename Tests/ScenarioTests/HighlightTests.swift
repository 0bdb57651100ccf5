import Scenario
import Testing

/// `highlight:` names an entity, checked like every other name the script uses.
@Suite struct HighlightTests {
    static let world = "topics: { orders: {} }\ngroups: { billing: { topic: orders } }"

    @Test func anyKindOfEntityCanBeHighlighted() throws {
        let steps = "  - { id: a, say: x, do: [ { highlight: billing }, { highlight: orders } ] }"
        let spec = try #require(parseValid(scenario(Self.world, steps: steps)))
        #expect(spec.script.first?.actions == [.highlight("billing"), .highlight("orders")])
    }

    @Test func anUndefinedNameIsAPositionedErrorWithASuggestion() {
        let yaml = scenario(Self.world, steps: "  - id: a\n    say: x\n    do: [ { highlight: biling } ]")
        #expect(problems(yaml, file: "s.yaml") == [
            "s.yaml:8:24: undefined topic, producer, group, processor, chain, service or batch 'biling' in action 'highlight' of step 'a' — did you mean 'billing'?; expected one of: orders, billing",
        ])
    }
}
