/// One lexical token of the expression and condition languages.
struct Token: Equatable {
    /// The kinds of token.
    enum Kind: Equatable {
        case number(Double, isInteger: Bool)
        case string(String)
        case identifier(String)
        case symbol(String)
        case end
    }

    var kind: Kind
    /// The 0-based character offset of the token's first character.
    var offset: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .number(let value, let isInteger): isInteger ? String(Int64(value)) : String(value)
        case .string(let text): "'\(text)'"
        case .identifier(let name): "'\(name)'"
        case .symbol(let symbol): "'\(symbol)'"
        case .end: "end of the expression"
        }
    }
}

/// Splits expression text into tokens on demand, so a parser can also read raw text (entity names).
struct Lexer {
    let characters: [Character]
    var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// The symbols of the language, longest first.
    static let symbols = ["==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "="]

    /// Operators of other languages, with the one this language spells that way; checked before
    /// `symbols` (`=>` would otherwise read as `=`). A lone `!`, `&` or `|` is caught after them.
    static let mistypedOperators: [(typed: String, fix: String)] = [
        ("=>", ">="), ("=<", "<="), ("&&", "and"), ("||", "or"), ("<>", "!="),
    ]

    /// What a suggested operator belongs to, for the `expected` part of the message.
    static let operatorsExpected: [String: String] = [
        ">=": "a comparison: == != < <= > >=", "<=": "a comparison: == != < <= > >=",
        "!=": "a comparison: == != < <= > >=", "and": "'and', 'or' or 'not'", "or": "'and', 'or' or 'not'",
        "not": "'and', 'or' or 'not'",
    ]

    /// Whether the text at the current position starts with `text`.
    private func matches(_ text: String) -> Bool {
        let end = position + text.count
        return end <= characters.count && String(characters[position..<end]) == text
    }

    /// Skips spaces, tabs and newlines.
    mutating func skipSpace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// The next token, advancing past it.
    mutating func next() throws(ExpressionError) -> Token {
        skipSpace()
        let start = position
        guard position < characters.count else { return Token(kind: .end, offset: start) }
        let char = characters[position]
        if char.isASCII, char.isNumber {
            return try number(start: start)
        }
        if char == "'" || char == "\"" {
            return try string(quote: char, start: start)
        }
        if char.isLetter || char == "_" {
            var name = ""
            while position < characters.count {
                let c = characters[position]
                guard c.isLetter || c.isNumber || c == "_" || c == "." else { break }
                name.append(c)
                position += 1
            }
            return Token(kind: .identifier(name), offset: start)
        }
        if let (typed, fix) = Lexer.mistypedOperators.first(where: { matches($0.typed) }) {
            throw ExpressionError(
                message: "'\(typed)' is not an operator", expected: Lexer.operatorsExpected[fix], suggestion: fix, offset: start)
        }
        for symbol in Lexer.symbols {
            let end = position + symbol.count
            if end <= characters.count, String(characters[position..<end]) == symbol {
                position = end
                return Token(kind: .symbol(symbol), offset: start)
            }
        }
        if char == "!" || char == "&" || char == "|" {
            let fix = char == "!" ? "not" : (char == "&" ? "and" : "or")
            throw ExpressionError(
                message: "'\(char)' is not an operator", expected: Lexer.operatorsExpected[fix], suggestion: fix, offset: start)
        }
        throw ExpressionError(
            message: "unexpected character '\(char)'", expected: "a field, a number, a 'string' or an operator",
            offset: start)
    }

    /// The raw text up to (not including) `terminator`, trimmed; used for entity names like `payment-svc`.
    mutating func raw(until terminator: Character) -> (text: String, offset: Int) {
        skipSpace()
        let start = position
        while position < characters.count, characters[position] != terminator { position += 1 }
        return (String(characters[start..<position]).trimmingSpaces, start)
    }

    private mutating func number(start: Int) throws(ExpressionError) -> Token {
        var text = ""
        while position < characters.count, characters[position].isASCII,
            characters[position].isNumber || characters[position] == "."
        {
            text.append(characters[position])
            position += 1
        }
        guard let value = Double(text), text.filter({ $0 == "." }).count <= 1, text.last != "." else {
            throw ExpressionError(message: "malformed number '\(text)'", expected: "a number such as 42 or 0.5", offset: start)
        }
        if position < characters.count, characters[position].isLetter {
            throw ExpressionError(
                message: "unexpected '\(characters[position])' after number \(text)",
                expected: "a plain number (durations are not allowed here; use milliseconds)",
                offset: position)
        }
        return Token(kind: .number(value, isInteger: !text.contains(".") && value < 9.0e18), offset: start)
    }

    private mutating func string(quote: Character, start: Int) throws(ExpressionError) -> Token {
        position += 1
        var text = ""
        while position < characters.count, characters[position] != quote {
            text.append(characters[position])
            position += 1
        }
        guard position < characters.count else {
            throw ExpressionError(message: "unterminated string", expected: "a closing \(quote)", offset: start)
        }
        position += 1
        return Token(kind: .string(text), offset: start)
    }
}
