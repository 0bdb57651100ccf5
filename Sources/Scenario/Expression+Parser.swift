import StreamLog

extension Expression {
    /// Parses expression text into an AST, or throws the first problem with its character offset.
    ///
    /// Grammar (lowest precedence first):
    ///
    ///     expr       := and ('or' and)*
    ///     and        := not ('and' not)*
    ///     not        := 'not' not | comparison
    ///     comparison := sum (('=='|'!='|'<'|'<='|'>'|'>='|'contains') sum | ['not'] 'in' '[' expr (',' expr)* ']')?
    ///     sum        := product (('+'|'-') product)*
    ///     product    := unary (('*'|'/'|'%') unary)*
    ///     unary      := '-' unary | primary
    ///     primary    := number | 'string' | true | false | null | field | '(' expr ')'
    public static func parse(_ text: String) throws(ExpressionError) -> Expression {
        var parser = try ExpressionParser(text)
        let expression = try parser.parseExpression()
        try parser.expectEnd()
        return expression
    }
}

/// A recursive-descent parser over a `Lexer`, shared by expressions and conditions.
struct ExpressionParser {
    var lexer: Lexer
    var current: Token
    /// How deeply parentheses, `not` and unary `-` are nested so far.
    var depth = 0

    /// The deepest nesting accepted, so hostile input cannot exhaust the stack.
    static let maximumDepth = 64

    /// Words that cannot be field names.
    static let keywords: Set<String> = ["and", "or", "not", "in", "contains", "true", "false", "null"]

    init(_ text: String) throws(ExpressionError) {
        lexer = Lexer(text)
        current = try lexer.next()
    }

    mutating func advance() throws(ExpressionError) {
        current = try lexer.next()
    }

    /// Consumes the current token and enters one level of nesting.
    mutating func descend() throws(ExpressionError) {
        depth += 1
        guard depth <= ExpressionParser.maximumDepth else {
            throw ExpressionError(
                message: "expression nested too deeply", expected: "at most \(ExpressionParser.maximumDepth) levels",
                offset: current.offset)
        }
        try advance()
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    func isWord(_ word: String) -> Bool { current.kind == .identifier(word) }

    mutating func expectSymbol(_ symbol: String, _ expected: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError(message: "unexpected \(current.display)", expected: expected, offset: current.offset)
        }
        try advance()
    }

    mutating func expectEnd() throws(ExpressionError) {
        guard current.kind == .end else {
            if isSymbol("=") {
                throw ExpressionError(
                    message: "'=' is not an operator", expected: "'==' to compare", suggestion: "==",
                    offset: current.offset)
            }
            if case .identifier(let word) = current.kind, let fix = Suggestion.closest(to: word, among: ["and", "or"]) {
                throw ExpressionError(
                    message: "unexpected '\(word)'", expected: "'and', 'or' or the end of the expression",
                    suggestion: fix, offset: current.offset)
            }
            throw ExpressionError(
                message: "unexpected \(current.display)", expected: "an operator or the end of the expression",
                offset: current.offset)
        }
    }

    mutating func parseExpression() throws(ExpressionError) -> Expression {
        var lhs = try parseAnd()
        while isWord("or") {
            try advance()
            lhs = .binary(.or, lhs, try parseAnd())
        }
        return lhs
    }

    mutating func parseAnd() throws(ExpressionError) -> Expression {
        var lhs = try parseNot()
        while isWord("and") {
            try advance()
            lhs = .binary(.and, lhs, try parseNot())
        }
        return lhs
    }

    mutating func parseNot() throws(ExpressionError) -> Expression {
        if isWord("not") {
            try descend()
            defer { depth -= 1 }
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    static let comparisons: [String: BinaryOperator] = [
        "==": .equal, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    mutating func parseComparison() throws(ExpressionError) -> Expression {
        let lhs = try parseSum()
        if case .symbol(let symbol) = current.kind, let op = ExpressionParser.comparisons[symbol] {
            try advance()
            return .binary(op, lhs, try parseSum())
        }
        if isSymbol("=") {
            throw ExpressionError(
                message: "'=' is not an operator", expected: "'==' to compare", suggestion: "==", offset: current.offset)
        }
        if isWord("contains") {
            try advance()
            return .binary(.contains, lhs, try parseSum())
        }
        var negated = false
        if isWord("not") {
            try advance()
            guard isWord("in") else {
                throw ExpressionError(message: "unexpected \(current.display) after 'not'", expected: "'in'", offset: current.offset)
            }
            negated = true
        }
        if isWord("in") {
            try advance()
            try expectSymbol("[", "'[' starting a list, as in: action in ['allow', 'deny']")
            var items: [Expression] = []
            if !isSymbol("]") {
                items.append(try parseSum())
                while isSymbol(",") {
                    try advance()
                    items.append(try parseSum())
                }
            }
            try expectSymbol("]", "',' or ']' closing the list")
            return .membership(lhs, items, negated: negated)
        }
        return lhs
    }

    mutating func parseSum() throws(ExpressionError) -> Expression {
        var lhs = try parseProduct()
        while true {
            if isSymbol("+") {
                try advance()
                lhs = .binary(.add, lhs, try parseProduct())
            } else if isSymbol("-") {
                try advance()
                lhs = .binary(.subtract, lhs, try parseProduct())
            } else {
                return lhs
            }
        }
    }

    mutating func parseProduct() throws(ExpressionError) -> Expression {
        var lhs = try parseUnary()
        while true {
            let op: BinaryOperator
            if isSymbol("*") { op = .multiply } else if isSymbol("/") { op = .divide } else if isSymbol("%") {
                op = .remainder
            } else {
                return lhs
            }
            try advance()
            lhs = .binary(op, lhs, try parseUnary())
        }
    }

    mutating func parseUnary() throws(ExpressionError) -> Expression {
        if isSymbol("-") {
            try descend()
            defer { depth -= 1 }
            return .negate(try parseUnary())
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(ExpressionError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value, let isInteger):
            try advance()
            return .literal(isInteger ? .int(Int64(value)) : .double(value))
        case .string(let text):
            try advance()
            return .literal(.string(text))
        case .identifier(let name):
            switch name {
            case "true", "false":
                try advance()
                return .literal(.bool(name == "true"))
            case "null":
                try advance()
                return .literal(.null)
            default:
                guard !ExpressionParser.keywords.contains(name) else {
                    throw ExpressionError(
                        message: "unexpected '\(name)'", expected: "a field, a number or a 'string'", offset: token.offset)
                }
                let path = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                guard !path.contains(where: \.isEmpty) else {
                    throw ExpressionError(
                        message: "malformed field name '\(name)'", expected: "a field name such as amount or source.ip",
                        offset: token.offset)
                }
                try advance()
                if isSymbol("(") {
                    throw ExpressionError(
                        message: "'\(name)(…)' is not a function here",
                        expected: "fields, literals and operators (functions are only used in advance conditions)",
                        offset: token.offset)
                }
                return .field(path)
            }
        case .symbol("("):
            try descend()
            defer { depth -= 1 }
            let inner = try parseExpression()
            try expectSymbol(")", "')' closing the parenthesis")
            return inner
        case .end, .symbol:
            throw ExpressionError(
                message: "unexpected \(token.display)", expected: "a field, a number, a 'string' or '('",
                offset: token.offset)
        }
    }
}
