extension Condition {
    /// Parses condition text, returning the AST and every `metric(entity)` it names.
    ///
    /// Grammar:
    ///
    ///     cond    := and ('or' and)*
    ///     and     := not ('and' not)*
    ///     not     := 'not' not | '(' cond ')' | operand op operand
    ///     operand := metric '(' entity ')' | number
    ///     op      := '==' | '!=' | '<' | '<=' | '>' | '>='
    public static func parse(_ text: String) throws(ExpressionError) -> (Condition, [MetricReference]) {
        var parser = try ConditionParser(text: text)
        let condition = try parser.parseOr()
        try parser.base.expectEnd()
        return (condition, parser.references)
    }
}

/// Recursive descent for conditions, reusing the expression lexer.
struct ConditionParser {
    var base: ExpressionParser
    var references: [MetricReference] = []

    init(text: String) throws(ExpressionError) {
        base = try ExpressionParser(text)
    }

    mutating func parseOr() throws(ExpressionError) -> Condition {
        var lhs = try parseAnd()
        while base.isWord("or") {
            try base.advance()
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    mutating func parseAnd() throws(ExpressionError) -> Condition {
        var lhs = try parseNot()
        while base.isWord("and") {
            try base.advance()
            lhs = .and(lhs, try parseNot())
        }
        return lhs
    }

    mutating func parseNot() throws(ExpressionError) -> Condition {
        if base.isWord("not") {
            try base.descend()
            defer { base.depth -= 1 }
            return .not(try parseNot())
        }
        if base.isSymbol("(") {
            try base.descend()
            defer { base.depth -= 1 }
            let inner = try parseOr()
            try base.expectSymbol(")", "')' closing the parenthesis")
            return inner
        }
        let lhs = try parseOperand()
        guard case .symbol(let symbol) = base.current.kind, let op = ComparisonOperator(rawValue: symbol) else {
            if base.isSymbol("=") {
                throw ExpressionError(
                    message: "'=' is not an operator", expected: "'==' to compare", suggestion: "==",
                    offset: base.current.offset)
            }
            throw ExpressionError(
                message: "unexpected \(base.current.display)", expected: "a comparison: == != < <= > >=",
                offset: base.current.offset)
        }
        try base.advance()
        return .compare(lhs, op, try parseOperand())
    }

    static let metricList = Metric.allCases.map(\.rawValue).joined(separator: ", ")

    mutating func parseOperand() throws(ExpressionError) -> ConditionOperand {
        let token = base.current
        switch token.kind {
        case .number(let value, _):
            try base.advance()
            return .number(value)
        case .symbol("-"):
            try base.advance()
            guard case .number(let value, _) = base.current.kind else {
                throw ExpressionError(message: "unexpected \(base.current.display) after '-'", expected: "a number", offset: base.current.offset)
            }
            try base.advance()
            return .number(-value)
        case .identifier(let name):
            guard let metric = Metric(rawValue: name) else {
                throw ExpressionError(
                    message: "unknown metric '\(name)'", expected: "one of: \(ConditionParser.metricList)",
                    suggestion: Suggestion.closest(to: name, among: Metric.allCases.map(\.rawValue)),
                    offset: token.offset)
            }
            guard base.lexer.peekIsOpenParen() else {
                throw ExpressionError(
                    message: "metric '\(name)' needs an entity", expected: "\(name)(<name>), e.g. \(name)(payments)",
                    offset: token.offset + name.count)
            }
            base.lexer.skipOpenParen()
            let (entity, offset) = base.lexer.raw(until: ")")
            guard !entity.isEmpty else {
                throw ExpressionError(
                    message: "metric '\(name)' needs an entity", expected: "\(name)(<name>), e.g. \(name)(payments)",
                    offset: offset)
            }
            try base.advance()
            guard base.isSymbol(")") else {
                throw ExpressionError(message: "missing ')' after '\(name)(\(entity)'", expected: "')'", offset: base.current.offset)
            }
            try base.advance()
            references.append(MetricReference(metric: metric, entity: entity, offset: offset))
            return .metric(metric, entity: entity)
        case .string, .symbol, .end:
            throw ExpressionError(
                message: "unexpected \(token.display)", expected: "a metric such as lag(payments), or a number",
                offset: token.offset)
        }
    }
}

extension Lexer {
    /// Whether the next non-space character is '('.
    mutating func peekIsOpenParen() -> Bool {
        skipSpace()
        return position < characters.count && characters[position] == "("
    }

    /// Consumes a '(' known to be next.
    mutating func skipOpenParen() {
        skipSpace()
        position += 1
    }
}
