@testable import Scenario
import Testing

/// Number formats parsed once and written straight into a string, placeholder rules unchanged.
struct CompiledNumberFormatTests {
    @Test(arguments: [
        ("o-{n:05}", 42, "o-00042"),
        ("{}", 0, "0"),
        ("{:5}", -42, "  -42"),
        ("{:05}", -42, "-0042"),
        ("{:02}", 123, "123"),
        ("{{id}}-{}", 7, "{id}-7"),
        ("{n", 3, "{n"),
        ("a{}b{:3}c", 12, "a12b 12c"),
        ("{:x}", 5, "5"),
        ("{}", Int64.min, "-9223372036854775808"),
        ("ž-{:03}-🐎", 9, "ž-009-🐎"),
    ] as [(String, Int64, String)])
    func formatsLikeThePlaceholderRules(_ format: String, _ number: Int64, _ expected: String) {
        #expect(CompiledNumberFormat(format).apply(number) == expected)
    }
}
