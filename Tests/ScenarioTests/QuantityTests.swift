import Scenario
import Testing

@Suite struct QuantityTests {
    @Test(arguments: [
        ("10ms", Int64(10)), ("1.5s", 1_500), ("2m", 120_000), ("1h", 3_600_000), ("7d", 604_800_000),
        ("0s", 0), (" 250ms ", 250), ("1000us", 1),
    ])
    func durations(text: String, ms: Int64) throws {
        #expect(try Quantity.milliseconds(text) == ms)
    }

    @Test func fractionalDurations() throws {
        #expect(try Quantity.fractionalMilliseconds("200us") == 0.2)
        #expect(try Quantity.fractionalMilliseconds("0.5ms") == 0.5)
    }

    @Test func durationErrors() {
        #expect(throws: QuantityError(
            message: "duration '5' has no unit", expected: "a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d",
            suggestion: "5s")) { try Quantity.milliseconds("5") }
        #expect(throws: QuantityError(
            message: "unknown duration unit 'sec' in '3sec'",
            expected: "a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d", suggestion: "3s")) {
            try Quantity.milliseconds("3sec")
        }
        #expect(throws: QuantityError(
            message: "negative duration '-1s'", expected: "a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d")) {
            try Quantity.milliseconds("-1s")
        }
        #expect(throws: QuantityError(
            message: "duration '0.5ms' is not a whole number of milliseconds",
            expected: "a duration with a unit, such as 250ms, 1.5s, 2m, 1h or 7d")) { try Quantity.milliseconds("0.5ms") }
        #expect(throws: QuantityError.self) { try Quantity.milliseconds("fast") }
        #expect(throws: QuantityError.self) { try Quantity.milliseconds("1.2.3s") }
        #expect(throws: QuantityError.self) { try Quantity.milliseconds("99999999999999999d") }
    }

    @Test(arguments: [
        ("500", Int64(500)), ("500B", 500), ("64KiB", 65_536), ("1MB", 1_000_000), ("1MiB", 1_048_576),
        ("1.5KB", 1_500), ("1GiB", 1_073_741_824),
    ])
    func sizes(text: String, bytes: Int64) throws {
        #expect(try Quantity.bytes(text) == bytes)
    }

    @Test func sizeErrors() {
        #expect(throws: QuantityError(
            message: "unknown size unit 'kib' in '64kib'", expected: "a size in bytes, such as 500, 64KiB, 1MB or 1GiB",
            suggestion: "64KiB")) { try Quantity.bytes("64kib") }
        #expect(throws: QuantityError(
            message: "size '0.5B' is not a whole number of bytes",
            expected: "a size in bytes, such as 500, 64KiB, 1MB or 1GiB")) { try Quantity.bytes("0.5B") }
        #expect(throws: QuantityError.self) { try Quantity.bytes("-1MB") }
        #expect(throws: QuantityError.self) { try Quantity.bytes("lots") }
    }
}
