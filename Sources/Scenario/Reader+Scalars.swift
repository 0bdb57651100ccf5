import StreamLog

extension Reader {
    /// A string: any scalar except an empty one.
    func string(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: "a string")
            return nil
        }
        return text
    }

    /// A name that refers to (or defines) an entity.
    func name(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: "a name")
            return nil
        }
        return text
    }

    /// One name or a list of names.
    func names(_ node: YAMLNode, _ what: String) -> [(String, SourcePosition)]? {
        if case .sequence(let items) = node.content {
            var result: [(String, SourcePosition)] = []
            for item in items {
                if let text = name(item, what) { result.append((text, item.position)) }
            }
            return result
        }
        return name(node, what).map { [($0, node.position)] }
    }

    /// A list of strings (one string is accepted as a list of one).
    func stringList(_ node: YAMLNode, _ what: String) -> [String]? {
        names(node, what)?.map(\.0)
    }

    /// An integer in `range`.
    func int(_ node: YAMLNode, _ what: String, in range: ClosedRange<Int64>, expected: String) -> Int64? {
        guard let text = node.plainText, let value = Int64(text) else {
            wrongType(node, what, expected: expected)
            return nil
        }
        guard range.contains(value) else {
            report(node.position, "invalid \(what): \(value)", expected: expected)
            return nil
        }
        return value
    }

    /// An integer ≥ `minimum` that fits an Int, and at most `maximum` (a hard limit) when given.
    func count(_ node: YAMLNode, _ what: String, minimum: Int, maximum: Int? = nil) -> Int? {
        let expected = minimum == 0 ? "an integer ≥ 0" : "an integer ≥ \(minimum)"
        guard let value = int(node, what, in: Int64(minimum)...Int64(Int32.max), expected: expected) else { return nil }
        if let maximum, value > maximum {
            report(node.position, "invalid \(what): \(value) is more than the limit of \(maximum)",
                   expected: "an integer from \(minimum) to \(maximum)")
            return nil
        }
        return Int(value)
    }

    /// A number (integer or decimal) in `range`.
    func number(_ node: YAMLNode, _ what: String, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard let text = node.plainText, YAMLNode.isDecimal(text), let value = Double(text), value.isFinite else {
            wrongType(node, what, expected: expected)
            return nil
        }
        guard range.contains(value) else {
            report(node.position, "invalid \(what): \(text)", expected: expected)
            return nil
        }
        return value
    }

    /// A rate per second (≥ 0).
    func rate(_ node: YAMLNode, _ what: String) -> Double? {
        if let text = node.plainText, let perSecond = Reader.perSecond(text) {
            report(
                node.position, "invalid \(what): '\(text)' has a unit (rates are per second)",
                expected: "a plain number of records per second, such as \(perSecond) or { constant: \(perSecond) }",
                suggestion: perSecond)
            return nil
        }
        guard let value = number(node, what, in: 0...1e9, expected: "a rate ≥ 0 per second") else { return nil }
        guard value <= rates.perProducer else {
            report(node.position, "invalid \(what): \(node.scalarText ?? "") is more than the limit of \(Int(rates.perProducer)) per second",
                   expected: "a rate from 0 to \(Int(rates.perProducer)) per second")
            return nil
        }
        return value
    }

    /// A probability in 0…1.
    func probability(_ node: YAMLNode, _ what: String) -> Double? {
        number(node, what, in: 0...1, expected: "a probability between 0 and 1")
    }

    /// `true` or `false`.
    func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        switch node.plainText {
        case "true": return true
        case "false": return false
        default:
            wrongType(node, what, expected: "true or false")
            return nil
        }
    }

    /// A duration in whole ms; `positive` rejects 0.
    func duration(_ node: YAMLNode, _ what: String, positive: Bool = true) -> Int64? {
        guard let text = durationText(node, what) else { return nil }
        do {
            let value = try Quantity.milliseconds(text)
            guard !positive || value > 0 else {
                report(node.position, "invalid \(what): \(text) (must be more than 0)", expected: Quantity.durationExpected)
                return nil
            }
            guard value <= Limits.scenarioDurationMs else { return durationTooLong(node, what, text) }
            return value
        } catch {
            report(node.position, "invalid \(what): \(error.message)", expected: error.expected, suggestion: error.suggestion)
            return nil
        }
    }

    /// A duration in possibly fractional ms (latencies, per-record times); 0 allowed.
    func fractionalDuration(_ node: YAMLNode, _ what: String) -> Double? {
        guard let text = durationText(node, what) else { return nil }
        do {
            let value = try Quantity.fractionalMilliseconds(text)
            guard value <= Double(Limits.scenarioDurationMs) else { return durationTooLong(node, what, text) }
            return value
        } catch {
            report(node.position, "invalid \(what): \(error.message)", expected: error.expected, suggestion: error.suggestion)
            return nil
        }
    }

    private func durationText(_ node: YAMLNode, _ what: String) -> String? {
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: Quantity.durationExpected)
            return nil
        }
        return text
    }

    /// A size in bytes (> 0).
    func size(_ node: YAMLNode, _ what: String) -> Int64? {
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: Quantity.sizeExpected)
            return nil
        }
        do {
            let value = try Quantity.bytes(text)
            guard value > 0 else {
                report(node.position, "invalid \(what): \(text) (must be more than 0)", expected: Quantity.sizeExpected)
                return nil
            }
            return value
        } catch {
            report(node.position, "invalid \(what): \(error.message)", expected: error.expected, suggestion: error.suggestion)
            return nil
        }
    }

    /// One of an enumeration's raw values, with a near-miss suggestion.
    func choice<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, _ what: String, _: E.Type) -> E?
    where E.RawValue == String {
        let options = E.allCases.map(\.rawValue)
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: "one of: \(options.joined(separator: ", "))")
            return nil
        }
        guard let value = E(rawValue: text) else {
            report(
                node.position, "invalid \(what): '\(text)'", expected: "one of: \(options.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: text, among: options))
            return nil
        }
        return value
    }

    /// A YAML literal as a record value (plain scalars typed, quoted ones strings, lists and maps nested).
    func literal(_ node: YAMLNode) -> Value {
        switch node.content {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            if node.isNull { return .null }
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            if let value = Int64(text) { return .int(value) }
            if YAMLNode.isDecimal(text), let value = Double(text) { return .double(value) }
            return .string(text)
        case .sequence(let items):
            return .array(items.map(literal))
        case .mapping(let pairs):
            return .object(Fields(pairs.map { ($0.key.scalarText ?? "", literal($0.value)) }))
        }
    }

    /// Parses an expression written in `node`, reporting a problem at its exact column.
    func expression(_ node: YAMLNode, _ what: String) -> Expression? {
        guard let text = node.scalarText, !node.isNull else {
            wrongType(node, what, expected: "an expression such as \"amount > 100 and action != 'deny'\"")
            return nil
        }
        do {
            return try Expression.parse(text)
        } catch {
            reportExpression(error, in: node, what)
            return nil
        }
    }

    /// Reports an expression or condition problem at its column within `node`.
    func reportExpression(_ error: ExpressionError, in node: YAMLNode, _ what: String) {
        report(
            position(of: error.offset, in: node), "invalid \(what): \(error.message)", expected: error.expected,
            suggestion: error.suggestion)
    }

    /// The file position of character `offset` of a scalar's text (exact for one-line scalars).
    func position(of offset: Int, in node: YAMLNode) -> SourcePosition {
        guard case .scalar(let text, _) = node.content, !text.contains("\n") else { return node.position }
        return node.position.advanced(by: node.textOffset + offset)
    }
}
