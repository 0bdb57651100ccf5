import Scenario
import Testing

/// Parses `yaml` and fails the test with every message if it is not a valid scenario.
func parseValid(_ yaml: String, file: String = "test.yaml") -> ScenarioSpec? {
    do {
        return try ScenarioLoader.parse(yaml: yaml, file: file)
    } catch {
        Issue.record("unexpected errors:\n\(error)")
        return nil
    }
}

/// The messages of every problem in `yaml`.
func problems(_ yaml: String, file: String = "test.yaml") -> [String] {
    ScenarioLoader.validate(yaml: yaml, file: file).map(\.description)
}

/// A minimal valid scenario with `extra` appended under the top level and `steps` as the script.
func scenario(_ extra: String, steps: String = "  - { id: only, say: hello }") -> String {
    """
    scenario: 1
    title: Test
    \(extra)
    script:
    \(steps)
    """
}
