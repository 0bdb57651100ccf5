import ArgumentParser
import Scenario

/// The options every command that runs a scenario shares.
struct WorldOptions: ParsableArguments {
    @Argument(help: "A scenario name from demo-data/ or a path to a scenario file (default: command-vs-events).")
    var scenario: String?

    // Numbers are read as text (`.unconditional` takes "-1" as a value) so a bad one gets its real reason.
    @Option(parsing: .unconditional, help: "The seed for all randomness (default: the scenario's; 0 picks one).")
    var seed: String?

    /// `--seed` as a number; nil when not given.
    func seedValue() throws(UserFacingError) -> UInt64? {
        guard let seed else { return nil }
        return try option { () throws(OptionValueError) in try OptionValue.seed(seed, option: "--seed") }
    }
}

/// `--name TEXT` as a duration in ms within `Limits.runDurationMs`; nil when not given.
func durationOption(_ text: String?, _ name: String) throws(UserFacingError) -> Int64? {
    guard let text else { return nil }
    return try option { () throws(OptionValueError) in try OptionValue.duration(text, option: name) }
}

/// Runs an option reader, turning its error into the message the CLI prints (exit code 2).
func option<Value>(_ read: () throws(OptionValueError) -> Value) throws(UserFacingError) -> Value {
    do {
        return try read()
    } catch {
        throw UserFacingError(message: error.message)
    }
}
