import Dashboard

/// The first line of an asciicast v2 file.
///
/// Everything comes from the caller — the module reads no clock and no environment.
public struct AsciicastHeader: Equatable, Sendable {
    /// The terminal size at the start.
    public var size: TerminalSize
    /// Unix time of the start, in seconds.
    public var timestamp: Int
    /// Longest pause players should show, in seconds; `nil` leaves it out.
    public var idleTimeLimit: Double?
    /// The recording's title (the scenario's title); `nil` leaves it out.
    public var title: String?
    /// The `TERM` to record in `env`; `nil` leaves it out.
    public var term: String?
    /// The `SHELL` to record in `env`; `nil` leaves it out.
    public var shell: String?

    /// Creates a header; `idleTimeLimit` defaults to 2 seconds.
    public init(
        size: TerminalSize, timestamp: Int, idleTimeLimit: Double? = 2.0,
        title: String? = nil, term: String? = nil, shell: String? = nil
    ) {
        self.size = size
        self.timestamp = timestamp
        self.idleTimeLimit = idleTimeLimit
        self.title = title
        self.term = term
        self.shell = shell
    }

    /// The header as one JSON line, without the newline.
    ///
    /// `env` holds only `SHELL` and `TERM`, and only when given; a non-finite or negative
    /// `idleTimeLimit` is left out.
    public var jsonLine: String {
        var fields = [
            "\"version\":2",
            "\"width\":\(size.cols)",
            "\"height\":\(size.rows)",
            "\"timestamp\":\(timestamp)",
        ]
        if let idleTimeLimit, idleTimeLimit >= 0, let micros = JSONText.micros(idleTimeLimit) {
            fields.append("\"idle_time_limit\":" + JSONText.seconds(micros: micros))
        }
        if let title { fields.append("\"title\":" + JSONText.string(title)) }
        var env: [String] = []
        if let shell { env.append("\"SHELL\":" + JSONText.string(shell)) }
        if let term { env.append("\"TERM\":" + JSONText.string(term)) }
        fields.append("\"env\":{" + env.joined(separator: ",") + "}")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
