import Testing

@testable import StreamLog

/// Doubles as the feed shows them: shortest round-trip, without the noise of binary sums.
struct ReadableNumberTests {
    @Test func sumsReadAsTheDecimalsTheyAdd() {
        #expect((673.56 + 0.01).description == "673.5699999999999")
        #expect(Value.readableNumber(673.56 + 0.01) == "673.57")
        #expect(Value.readableNumber(0.1 + 0.2) == "0.3")
        #expect(Value.readableNumber(-(0.1 + 0.2)) == "-0.3")
        #expect(Value.readableNumber(9.999_999_999_999_999_9) == "10.0")
    }

    @Test func numbersWithoutNoiseKeepTheExportForm() {
        #expect(Value.readableNumber(673.57) == "673.57")
        #expect(Value.readableNumber(5) == "5.0")
        #expect(Value.readableNumber(1e-05) == "1e-05")
        #expect(Value.readableNumber(1.0 / 3) == "0.333333333333333")
        #expect(Value.readableNumber(.infinity) == "null")
    }

    @Test func readableJSONRoundsOnlyDoubles() {
        let value = Value.object(["sum_amount": .double(673.56 + 0.01), "count": .int(2), "tags": .array([.double(0.1 + 0.2)])])
        #expect(value.readableJSON == #"{"sum_amount":673.57,"count":2,"tags":[0.3]}"#)
        #expect(value.json == #"{"sum_amount":673.5699999999999,"count":2,"tags":[0.30000000000000004]}"#)
    }
}
