import ArgumentParser
import Scenario

/// A duration on the command line ("10s", "1.5m", "250ms"), in milliseconds.
struct DurationArgument: ExpressibleByArgument {
    var milliseconds: Int64

    init?(argument: String) {
        guard let ms = try? Quantity.fractionalMilliseconds(argument), ms >= 0 else { return nil }
        milliseconds = Int64(ms.rounded())
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A terminal size on the command line ("120x40").
struct SizeArgument: ExpressibleByArgument {
    var cols: Int
    var rows: Int

    init?(argument: String) {
        let parts = argument.lowercased().split(separator: "x")
        guard parts.count == 2, let cols = Int(parts[0]), let rows = Int(parts[1]), cols >= 10, rows >= 5, cols <= 1000, rows <= 500
        else { return nil }
        self.cols = cols
        self.rows = rows
    }
}

/// The options every command that runs a scenario shares.
struct WorldOptions: ParsableArguments {
    @Argument(help: "A scenario name from demo-data/ or a path to a scenario file (default: command-vs-events).")
    var scenario: String?

    @Option(help: "The seed for all randomness (default: the scenario's).")
    var seed: UInt64?
}
