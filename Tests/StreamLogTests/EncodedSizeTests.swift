import StreamLog
import Testing

/// `Value.encodedSize` counts without building the text; it must equal the JSON text's size.
struct EncodedSizeTests {
    static let values: [Value] = [
        .null, true, false, 0, 7, -5, .int(Int64.min), .int(Int64.max), 1_000_000,
        0.1, -0.0, 1e-7, 123_456_789.125, .double(.infinity), .double(.nan), .double(-.infinity),
        "", "plain", "quote \" and backslash \\", "tab\tnew\nline\rreturn", "\u{01}\u{1F}\u{7F}", "\u{08}\u{0C}\u{0B}", "C1 \u{80}\u{85}\u{9F}\u{A0}", "lines\u{2028}and\u{2029}paragraphs\u{2027}",
        "žluťoučký 🐎 кінь",
        [], [1, "two", nil, [3.5]],
        ["order_id": "o-00001", "amount": 42.5, "nested": ["city": "Zürich", "tags": ["a\"b", "c"]], "empty": [:]],
    ]

    @Test(arguments: values) func encodedSizeIsTheJSONTextSize(_ value: Value) {
        #expect(value.encodedSize == value.json.utf8.count, "\(value.json)")
    }
}
