import Foundation

extension AsciicastCheck {
    /// One thing wrong with an asciicast file, at a 1-based line (0 for the file itself).
    public struct Problem: Equatable, Sendable, CustomStringConvertible {
        /// The 1-based line, or 0 for the file itself.
        public let line: Int
        /// What is wrong.
        public let kind: Kind

        /// Creates a problem at `line`.
        public init(line: Int, kind: Kind) {
            self.line = line
            self.kind = kind
        }

        /// What is wrong, in the checker's words.
        public enum Kind: Equatable, Sendable {
            case unreadable(String)
            case emptyFile
            case missingFinalNewline
            case blankLine
            case notUTF8
            case invalidJSON
            case headerNotObject
            case missingField(String)
            case wrongType(field: String, expected: String)
            case unsupportedVersion
            case notPositive(String)
            case eventNotArray
            case eventLength(Int)
            case timeNotNumber
            case timeDecreasing(previous: Double, time: Double)
            case codeNotString
            case unknownCode(String)
            case dataNotString
            case badResize(String)
        }

        public var description: String {
            "line \(line): " + message
        }

        private var message: String {
            switch kind {
            case .unreadable(let path): "cannot read '\(path)'"
            case .emptyFile: "the file is empty; expected a header line"
            case .missingFinalNewline: "the last line does not end with a newline"
            case .blankLine: "blank line; every line must be the header or an event"
            case .notUTF8: "not valid UTF-8"
            case .invalidJSON: "not valid JSON"
            case .headerNotObject: "the header must be a JSON object"
            case .missingField(let field): "the header lacks '\(field)'"
            case .wrongType(let field, let expected): "'\(field)' must be of type \(expected)"
            case .unsupportedVersion: "'version' must be 2"
            case .notPositive(let field): "'\(field)' must be positive"
            case .eventNotArray: "an event must be a JSON array [time, code, data]"
            case .eventLength(let count): "an event must have 3 elements, not \(count)"
            case .timeNotNumber: "the event time must be a number"
            case .timeDecreasing(let previous, let time): "time \(time) is before the previous event's \(previous)"
            case .codeNotString: "the event code must be a string"
            case .unknownCode(let code): "unknown event code \(JSONText.string(code)); expected o, i, m or r"
            case .dataNotString: "the event data must be a string"
            case .badResize(let data): "resize data \(JSONText.string(data)) must read COLSxROWS"
            }
        }
    }
}
