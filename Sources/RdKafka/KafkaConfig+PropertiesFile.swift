/// Reading a librdkafka properties file (the `client.properties` Confluent Cloud hands out).
extension KafkaConfig {
    /// A malformed line of a properties file: where, and what was expected. Never the line's text,
    /// which may hold a secret.
    public struct PropertiesFileError: Error, Equatable, Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var problem: String

        public init(path: String, line: Int, problem: String) {
            self.path = path
            self.line = line
            self.problem = problem
        }

        public var description: String { "\(path):\(line): \(problem)" }
    }

    /// Parses `text` read from `path`: `key=value` (or `key: value`) a line; blank lines and
    /// lines starting with `#` or `!` are ignored; spaces around keys and values are trimmed.
    public static func parseProperties(_ text: String, path: String) throws(PropertiesFileError) -> KafkaConfig {
        var config = KafkaConfig()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingSpaces()
            let number = index + 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("!") { continue }
            guard let separator = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw PropertiesFileError(path: path, line: number, problem: "expected key=value, found no '='")
            }
            let key = line[..<separator].trimmingSpaces()
            let value = line[line.index(after: separator)...].trimmingSpaces()
            guard !key.isEmpty else {
                throw PropertiesFileError(path: path, line: number, problem: "expected key=value, found no key before '='")
            }
            guard key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) else {
                throw PropertiesFileError(
                    path: path, line: number,
                    problem: "expected a property name of letters, digits, '.', '_' or '-' before '='")
            }
            config.set(String(key), String(value), origin: "\(path):\(number)")
        }
        return config
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        let start = firstIndex { !isSpace($0) } ?? endIndex
        let end = lastIndex { !isSpace($0) }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }
}
