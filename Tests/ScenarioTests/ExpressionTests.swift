import Scenario
import StreamLog
import Testing

@Suite struct ExpressionTests {
    let record: Value = [
        "amount": 120, "fee": 2.5, "action": "allow", "host": "fw-01", "message_id": "%ASA-4-106023",
        "source": ["ip": "10.0.0.7", "port": 443], "tags": ["vip", "eu"], "flag": false,
    ]

    func eval(_ text: String) throws -> Value {
        try Expression.parse(text).evaluate(on: record)
    }

    @Test func parsesIntoTheExpectedTree() throws {
        #expect(try Expression.parse("amount > 100 and action != 'deny'") == .binary(
            .and,
            .binary(.greater, .field(["amount"]), .literal(.int(100))),
            .binary(.notEqual, .field(["action"]), .literal(.string("deny")))))
        #expect(try Expression.parse("source.ip") == .field(["source", "ip"]))
        #expect(try Expression.parse("x not in [1, 2]") == .membership(.field(["x"]), [.literal(1), .literal(2)], negated: true))
    }

    @Test func precedence() throws {
        // and binds tighter than or; arithmetic tighter than comparison; * tighter than +.
        #expect(try Expression.parse("a or b and c") == .binary(.or, .field(["a"]), .binary(.and, .field(["b"]), .field(["c"]))))
        #expect(try Expression.parse("1 + 2 * 3 == 7") == .binary(
            .equal, .binary(.add, .literal(1), .binary(.multiply, .literal(2), .literal(3))), .literal(7)))
        #expect(try eval("1 + 2 * 3") == 7)
        #expect(try eval("(1 + 2) * 3") == 9)
        #expect(try eval("10 - 4 - 3") == 3)  // left associative
        #expect(try eval("not flag and amount > 100") == true)
        #expect(try eval("not (amount > 100)") == false)
        #expect(try eval("-amount + 20") == -100)
    }

    @Test func evaluatesComparisonsAcrossTypes() throws {
        #expect(try eval("amount == 120.0") == true)
        #expect(try eval("fee < 3") == true)
        #expect(try eval("host >= 'fw-00'") == true)
        #expect(try eval("action == 120") == false)
        #expect(try eval("action < 5") == false)
        #expect(try eval("missing == null") == true)
        #expect(try eval("missing > 0") == false)
    }

    @Test func evaluatesMembershipContainsAndArithmetic() throws {
        #expect(try eval("action in ['allow', 'deny']") == true)
        #expect(try eval("action not in ['allow']") == false)
        #expect(try eval("message_id contains '106023'") == true)
        #expect(try eval("tags contains 'vip'") == true)
        #expect(try eval("amount / 8") == 15.0)
        #expect(try eval("amount % 7") == 1)
        #expect(try eval("amount + fee") == 122.5)
        #expect(try eval("amount / 0") == .null)
        #expect(try eval("host + '.corp'") == "fw-01.corp")
        #expect(try eval("source.port == 443") == true)
        #expect(try Expression.parse("amount > 100").matches(record))
        #expect(try Expression.parse("message_id != '%ASA-4-106023'").matches(record) == false)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        #expect(try eval(String(repeating: "(", count: 64) + "1" + String(repeating: ")", count: 64)) == 1)
        #expect(throws: ExpressionError(message: "expression nested too deeply", expected: "at most 64 levels", offset: 64)) {
            try Expression.parse(String(repeating: "(", count: 100_000))
        }
        #expect(throws: ExpressionError.self) { try Condition.parse(String(repeating: "not ", count: 100_000)) }
    }

    @Test func listsTheFieldsItReads() throws {
        #expect(try Expression.parse("a > 1 and (b.c == 2 or a < 0) and d in [e]").fieldNames == ["a", "b", "d", "e"])
    }

    @Test(arguments: [
        ("amount >", ExpressionError(message: "unexpected end of the expression", expected: "a field, a number, a 'string' or '('", offset: 8)),
        ("amount = 5", ExpressionError(message: "'=' is not an operator", expected: "'==' to compare", suggestion: "==", offset: 7)),
        ("action == 'deny", ExpressionError(message: "unterminated string", expected: "a closing '", offset: 10)),
        ("(amount > 1", ExpressionError(message: "unexpected end of the expression", expected: "')' closing the parenthesis", offset: 11)),
        ("amount > 1 adn x", ExpressionError(message: "unexpected 'adn'", expected: "'and', 'or' or the end of the expression", suggestion: "and", offset: 11)),
        ("x in 1", ExpressionError(message: "unexpected 1", expected: "'[' starting a list, as in: action in ['allow', 'deny']", offset: 5)),
        ("amount > 10s", ExpressionError(message: "unexpected 's' after number 10", expected: "a plain number (durations are not allowed here; use milliseconds)", offset: 11)),
        ("a # b", ExpressionError(message: "unexpected character '#'", expected: "a field, a number, a 'string' or an operator", offset: 2)),
        ("lag(x) > 1", ExpressionError(message: "'lag(…)' is not a function here", expected: "fields, literals and operators (functions are only used in advance conditions)", offset: 0)),
    ])
    func errorsCarryTheirOffset(text: String, error: ExpressionError) {
        #expect(throws: error) { try Expression.parse(text) }
    }
}

@Suite struct ConditionTests {
    let metrics: [String: Double] = ["lag/payments": 42, "lag/shipping": 0, "p99/checkout": 820, "errors/checkout": 3]

    func holds(_ text: String) throws -> Bool {
        try Condition.parse(text).0.evaluate { metric, entity in metrics["\(metric.rawValue)/\(entity)"] }
    }

    @Test func parsesMetricsAndReferences() throws {
        let (condition, references) = try Condition.parse("lag(payments) > 30 and lag( shipping ) == 0")
        #expect(condition == .and(
            .compare(.metric(.lag, entity: "payments"), .greater, .number(30)),
            .compare(.metric(.lag, entity: "shipping"), .equal, .number(0))))
        #expect(references == [
            MetricReference(metric: .lag, entity: "payments", offset: 4),
            MetricReference(metric: .lag, entity: "shipping", offset: 28),
        ])
        let (hyphen, _) = try Condition.parse("p99(payment-svc) >= 500")
        #expect(hyphen == .compare(.metric(.p99, entity: "payment-svc"), .greaterOrEqual, .number(500)))
    }

    @Test func evaluatesWithPrecedenceAndMissingMetrics() throws {
        #expect(try holds("lag(payments) > 30 and lag(shipping) == 0"))
        #expect(try holds("lag(payments) > 100 or lag(shipping) == 0 and p99(checkout) > 800"))
        #expect(try holds("(lag(payments) > 100 or lag(shipping) == 0) and errors(checkout) < 3") == false)
        #expect(try holds("not lag(payments) < 10"))
        #expect(try holds("lag(payments) > lag(shipping)"))
        #expect(try holds("lag(unknown) >= 0") == false)  // the engine has no value: false, never a crash
        #expect(try holds("-1 < lag(shipping)"))
    }

    @Test(arguments: [
        ("lga(payments) > 3", ExpressionError(
            message: "unknown metric 'lga'",
            expected: "one of: lag, lag_seconds, in_rate, out_rate, p50, p99, errors, lost, offset, end_offset, members, duplicates, saved_pct, produced, consumed, in_flight, runs, out_of_order, bytes, rebalances, stopped_ms, missed, deleted, alert_ms, alert_wait_ms",
            suggestion: "lag", offset: 0)),
        ("lag > 3", ExpressionError(message: "metric 'lag' needs an entity", expected: "lag(<name>), e.g. lag(payments)", offset: 3)),
        ("lag() > 3", ExpressionError(message: "metric 'lag' needs an entity", expected: "lag(<name>), e.g. lag(payments)", offset: 4)),
        ("lag(payments > 3", ExpressionError(message: "missing ')' after 'lag(payments > 3'", expected: "')'", offset: 16)),
        ("lag(payments)", ExpressionError(message: "unexpected end of the expression", expected: "a comparison: == != < <= > >=", offset: 13)),
        ("lag(payments) = 0", ExpressionError(message: "'=' is not an operator", expected: "'==' to compare", suggestion: "==", offset: 14)),
        ("amount > 3", ExpressionError(
            message: "unknown metric 'amount'",
            expected: "one of: lag, lag_seconds, in_rate, out_rate, p50, p99, errors, lost, offset, end_offset, members, duplicates, saved_pct, produced, consumed, in_flight, runs, out_of_order, bytes, rebalances, stopped_ms, missed, deleted, alert_ms, alert_wait_ms",
            offset: 0)),
    ])
    func errorsCarryTheirOffset(text: String, error: ExpressionError) {
        #expect(throws: error) { try Condition.parse(text) }
    }
}
