import StreamLog
import Testing

/// A backend the conformance suite runs against: every test takes one and builds its log with
/// `make`. A new backend joins by being added to `all` and passing the suite.
struct Backend: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (SeededRandom, LogSettings) -> any StreamLogBackend

    var testDescription: String { name }

    static let inProcess = Backend(name: "in-process") { InProcessLog(random: $0, settings: $1) }

    /// Every backend the suite holds to Kafka's semantics.
    static let all: [Backend] = [.inProcess]
}
