import Scenario
import Testing

/// The one digit-grouping rule the dashboard, headlines and `show:` metrics share.
struct DigitsTests {
    @Test(arguments: [
        (Int64(0), "0"), (999, "999"), (1_000, "1 000"), (1_240, "1 240"), (12_400, "12 400"), (1_000_000, "1 000 000"),
        (12_345_678, "12 345 678"), (-1_000, "-1 000"), (-999, "-999"),
        (Int64.min, "-9 223 372 036 854 775 808"), (Int64.max, "9 223 372 036 854 775 807"),
    ])
    func groupsThousandsWithSpaces(value: Int64, expected: String) {
        #expect(Digits.grouped(value) == expected)
    }

    @Test func anyIntegerTypeGroupsTheSame() {
        #expect(Digits.grouped(Int(-12_345)) == "-12 345")
        #expect(Digits.grouped(UInt64(1_000_000)) == "1 000 000")
        #expect(Digits.grouped(Int32(100_000)) == "100 000")
    }
}
