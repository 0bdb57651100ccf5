/// A position in a scenario file: 1-based line and column (columns count Unicode scalars).
public struct SourcePosition: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position `offset` columns to the right on the same line.
    public func advanced(by offset: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + offset)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// One problem found in a scenario file, printed as `file:line:column: message; expected …`.
///
///     orders.yaml:7:5: unknown key 'partiton' — did you mean 'partitions'?; expected one of: partitions, retention
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file name as given to the loader (a path or a label such as `<input>`).
    public var file: String
    /// The 1-based line of the offending node or character.
    public var line: Int
    /// The 1-based column of the offending node or character.
    public var column: Int
    /// What is wrong.
    public var message: String
    /// What would have been accepted, when that can be said.
    public var expected: String?
    /// A near-miss correction (a key, a name), when one is close enough.
    public var suggestion: String?

    public init(
        file: String, at position: SourcePosition, message: String, expected: String? = nil,
        suggestion: String? = nil
    ) {
        self.file = file
        self.line = position.line
        self.column = position.column
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
    }

    /// The line and column together.
    public var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// The one-line message a user sees.
    public var description: String {
        var text = "\(file):\(line):\(column): \(message)"
        if let suggestion { text += " — did you mean '\(suggestion)'?" }
        if let expected { text += "; expected \(expected)" }
        return text
    }
}
