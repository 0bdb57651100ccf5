import Foundation

/// A journal read back: the header and every action with its tick, for an exact replay.
public struct Journal<Action: Codable> {
    /// What the talk started from.
    public var header: JournalHeader
    /// Every action in order, with non-decreasing ticks.
    public var entries: [JournalEntry<Action>]

    /// Creates a journal from its parts.
    public init(header: JournalHeader, entries: [JournalEntry<Action>]) {
        self.header = header
        self.entries = entries
    }

    /// Reads the journal at `url`.
    ///
    /// - Throws: `JournalError` on line 0 when the file cannot be read, otherwise at the first
    ///   malformed line.
    public static func read(contentsOf url: URL) throws(JournalError) -> Journal {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it cannot be read" : "there is no such file"
            throw JournalError(line: 0, message: "cannot read the journal: \(reason)")
        }
        return try Journal(parsing: data)
    }

    /// Parses the bytes of a journal: a header line, then one `{"tick": n, "action": …}` line
    /// per action with non-decreasing ticks; the last line may lack its newline.
    public init(parsing data: Data) throws(JournalError) {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else {
            throw JournalError(line: 1, message: "expected a journal header, found an empty file")
        }
        let header = try Self.decode(JournalHeader.self, from: first, line: 1, what: "a journal header")
        guard header.format == JournalHeader.currentFormat else {
            throw JournalError(
                line: 1,
                message: "unsupported journal format \(header.format); this build reads format \(JournalHeader.currentFormat)")
        }
        var entries: [JournalEntry<Action>] = []
        for (index, bytes) in lines.enumerated().dropFirst() {
            let entry = try Self.decode(
                JournalEntry<Action>.self, from: bytes, line: index + 1, what: #"an action {"tick": n, "action": …}"#)
            if let previous = entries.last, entry.tick < previous.tick {
                throw JournalError(
                    line: index + 1, message: "tick \(entry.tick) is before the previous action's tick \(previous.tick)")
            }
            entries.append(entry)
        }
        self.init(header: header, entries: entries)
    }

    /// Decodes one line as `type`, or throws a `JournalError` naming the line and what was expected.
    private static func decode<Value: Decodable>(
        _ type: Value.Type, from bytes: Data, line: Int, what: String
    ) throws(JournalError) -> Value {
        guard let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else {
            let found = bytes.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") })
                ? "a blank line" : "text that is not JSON"
            throw JournalError(line: line, message: "expected \(what), found \(found)")
        }
        guard object is [String: Any] else {
            throw JournalError(line: line, message: "expected \(what), found JSON that is not an object")
        }
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch let error as DecodingError {
            throw JournalError(line: line, message: "expected \(what): " + explain(error))
        } catch {
            throw JournalError(line: line, message: "expected \(what): \(error)")
        }
    }

    /// Says which key went wrong and how.
    private static func explain(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing key '\(path(context.codingPath + [key]))'"
        case .typeMismatch(let type, let context):
            return "'\(path(context.codingPath))' is not of type \(type)"
        case .valueNotFound(let type, let context):
            return "'\(path(context.codingPath))' is null, expected \(type)"
        case .dataCorrupted(let context):
            return "'\(path(context.codingPath))' is invalid: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension Journal: Equatable where Action: Equatable {}
extension Journal: Sendable where Action: Sendable {}

/// A malformed or unreadable journal: where (1-based line, 0 for the file) and what was expected.
public struct JournalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line, or 0 when the file itself could not be read.
    public let line: Int
    /// What was expected and what was found.
    public let message: String

    /// Creates an error at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line == 0 ? message : "line \(line): \(message)" }
}
