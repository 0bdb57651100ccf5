/// Why an expression or condition could not be parsed; `offset` counts characters from its start.
public struct ExpressionError: Error, Sendable, Equatable {
    /// What is wrong.
    public var message: String
    /// What would have been accepted there.
    public var expected: String?
    /// A near-miss correction, when one is close enough.
    public var suggestion: String?
    /// The 0-based character offset of the problem within the expression text.
    public var offset: Int

    public init(message: String, expected: String? = nil, suggestion: String? = nil, offset: Int) {
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
        self.offset = offset
    }
}
