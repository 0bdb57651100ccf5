extension MetricExpression {
    /// Parses `show:` value text, returning the expression and every `metric(entity)` it names.
    ///
    /// Grammar:
    ///
    ///     sum     := product (('+' | '-') product)*
    ///     product := unary (('*' | '/') unary)*
    ///     unary   := '-' unary | '(' sum ')' | world '(' ')' | metric '(' entity ')' | number
    public static func parse(_ text: String) throws(ExpressionError) -> (MetricExpression, [MetricReference]) {
        var parser = try MetricExpressionParser(text: text)
        let expression = try parser.parseSum()
        try parser.conditions.base.expectEnd()
        return (expression, parser.conditions.references)
    }
}

/// Recursive descent for `show:` values; operands are read exactly as conditions read them.
struct MetricExpressionParser {
    var conditions: ConditionParser

    init(text: String) throws(ExpressionError) {
        conditions = try ConditionParser(text: text)
    }

    mutating func parseSum() throws(ExpressionError) -> MetricExpression {
        var lhs = try parseProduct()
        while true {
            let op: ArithmeticOperator
            if conditions.base.isSymbol("+") { op = .add } else if conditions.base.isSymbol("-") { op = .subtract } else { return lhs }
            try conditions.base.advance()
            lhs = .binary(op, lhs, try parseProduct())
        }
    }

    mutating func parseProduct() throws(ExpressionError) -> MetricExpression {
        var lhs = try parseUnary()
        while true {
            let op: ArithmeticOperator
            if conditions.base.isSymbol("*") { op = .multiply } else if conditions.base.isSymbol("/") { op = .divide } else { return lhs }
            try conditions.base.advance()
            lhs = .binary(op, lhs, try parseUnary())
        }
    }

    mutating func parseUnary() throws(ExpressionError) -> MetricExpression {
        if conditions.base.isSymbol("-") {
            try conditions.base.descend()
            defer { conditions.base.depth -= 1 }
            return .negate(try parseUnary())
        }
        if conditions.base.isSymbol("(") {
            try conditions.base.descend()
            defer { conditions.base.depth -= 1 }
            let inner = try parseSum()
            try conditions.base.expectSymbol(")", "')' closing the parenthesis")
            return inner
        }
        let token = conditions.base.current
        guard case .identifier(let name) = token.kind else { return .operand(try conditions.parseOperand()) }
        if let world = WorldMetric(rawValue: name) {
            try conditions.base.advance()
            guard conditions.base.isSymbol("(") else {
                throw ExpressionError(message: "'\(name)' needs '()'", expected: "\(name)()", offset: conditions.base.current.offset)
            }
            try conditions.base.advance()
            guard conditions.base.isSymbol(")") else {
                throw ExpressionError(
                    message: "'\(name)' takes no entity", expected: "\(name)()", offset: conditions.base.current.offset)
            }
            try conditions.base.advance()
            return .world(world)
        }
        guard Metric(rawValue: name) != nil else {
            let names = Metric.allCases.map(\.rawValue) + WorldMetric.allCases.map(\.rawValue)
            throw ExpressionError(
                message: "unknown metric '\(name)'", expected: "one of: \(names.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: name, among: names), offset: token.offset)
        }
        return .operand(try conditions.parseOperand())
    }
}
