@testable import Scenario
import StreamLog
import Testing

/// `encodeNext` writes exactly the compact JSON of the record `nextKeyed` gives and returns its
/// key's bytes, drawing the same random numbers: every generator kind, formats that can and cannot be
/// laid out, keys of every type, walks and repeated names (which take the `Value` path).
struct EncodedRecordTests {
    static let templates: [(RecordTemplate, String?)] = [
        (RecordTemplate(fields: [
            TemplateField(name: "type", generator: .constant("Click")),
            TemplateField(name: "user_id", generator: .pickRange(low: 1, high: 5_000, format: "u-{:04}")),
            TemplateField(name: "page \"q\"", generator: .pick(["home", "cart\n", 3, nil], weights: [2, 1, 1, 1])),
            TemplateField(name: "plain", generator: .pick(["a", "b"], weights: nil)),
            TemplateField(name: "ms", generator: .uniformInteger(low: 5, high: 500)),
            TemplateField(name: "n", generator: .pickRange(low: -50, high: 50, format: nil)),
            TemplateField(name: "at", generator: .now),
            TemplateField(name: "seq", generator: .sequence(format: "o-{n:07}!", start: 98)),
            TemplateField(name: "odd", generator: .sequence(format: "\"{}\" and {}", start: -3)),
            TemplateField(name: "amount", generator: .amount(low: 1, high: 500)),
            TemplateField(name: "id", generator: .uuid),
            TemplateField(name: "where", generator: .location),
            TemplateField(name: "maybe", generator: .chance(0.5, then: .now, otherwise: .constant(nil))),
            TemplateField(name: "nested", generator: .object(RecordTemplate(fields: [
                TemplateField(name: "port", generator: .port(low: 1, high: 9)),
            ]))),
        ]), "user_id"),
        (RecordTemplate(fields: [
            TemplateField(name: "k", generator: .pick(["quote\"d", "tab\t", "é"], weights: nil)),
        ]), "k"),
        (RecordTemplate(fields: [TemplateField(name: "k", generator: .uniformInteger(low: 1, high: 3))]), "k"),
        (RecordTemplate(fields: [TemplateField(name: "k", generator: .constant(["a": 1]))]), "k"),
        (RecordTemplate(fields: []), nil),
        (RecordTemplate(fields: [TemplateField(name: "x", generator: .now)]), "missing"),
        (RecordTemplate(fields: [
            TemplateField(name: "user_id", generator: .sequence(format: "a-{}", start: 1)),
            TemplateField(name: "user_id", generator: .pickRange(low: 1, high: 9, format: nil)),
        ]), "user_id"),
        (RecordTemplate(fields: [
            TemplateField(name: "sensor", generator: .pick(["s1", "s2"], weights: nil)),
            TemplateField(name: "t", generator: .walk(start: .constant(20), stepLow: -1, stepHigh: 1, min: 0, max: 40, round: 1)),
        ]), "sensor"),
        // Numbers around the four-digit table's edges (0, 9/10, 99/100, 999/1 000, 9 999/10 000,
        // negative), plain and padded with zeros or spaces to widths below, at and above four.
        (RecordTemplate(fields: [
            TemplateField(name: "edge", generator: .pickRange(low: 9_995, high: 10_004, format: "e-{:04}")),
            TemplateField(name: "small", generator: .uniformInteger(low: -3, high: 12)),
            TemplateField(name: "tens", generator: .pickRange(low: 95, high: 104, format: "{:01}")),
            TemplateField(name: "thousand", generator: .pickRange(low: 995, high: 1_004, format: "<{:02}>")),
            TemplateField(name: "wide", generator: .pickRange(low: 0, high: 12, format: "{:06}")),
            TemplateField(name: "spaced", generator: .pickRange(low: 0, high: 120, format: "{:4}")),
            TemplateField(name: "signed", generator: .pickRange(low: -12, high: 3, format: "{:03}")),
            TemplateField(name: "count", generator: .sequence(format: "{:03}", start: 9_850)),
        ]), "edge"),
        // Weighted picks by threshold: fractional weights whose sums round, a zero weight, a
        // weight far below the others, more than 16 choices; and weights that cannot use
        // thresholds (an infinite one, a total of zero).
        (RecordTemplate(fields: [
            TemplateField(name: "w", generator: .pick(["a", "b", "c", "d", "e", "f"], weights: [0.1, 0.2, 0.3, 0, 1e-9, 2.5])),
            TemplateField(name: "many", generator: .pick((0..<20).map { .int($0) }, weights: (0..<20).map { 1 / Double($0 + 3) })),
            TemplateField(name: "page", generator: .pick(["home", "search", "product", "cart", "checkout"], weights: [5, 4, 3, 2, 1])),
            TemplateField(name: "inf", generator: .pick(["x", "y"], weights: [1, .infinity])),
            TemplateField(name: "none", generator: .pick(["x", "y"], weights: [0, 0])),
        ]), "w"),
    ]

    /// A weighted pick by threshold chooses, at each threshold and just below it, what
    /// subtracting the weights chooses.
    @Test func thresholdsSplitTheDrawsWhereTheWeightsDo() throws {
        let weights = [0.1, 0.2, 0.3, 0, 1e-9, 2.5]
        let total = weights.reduce(0, +)
        let bounds = try #require(FieldEncoding.thresholds(weights: weights, total: total))
        #expect(bounds.count == weights.count)
        for (index, bound) in bounds.dropLast().enumerated() where bound < 1 << 53 {
            #expect(FieldEncoding.choice(bound, weights: weights, total: total) > index)
            #expect(FieldEncoding.choice(bound - 1, weights: weights, total: total) <= index)
        }
        // The zero weight (index 3) is never picked: its threshold equals the one before.
        #expect(bounds[2] == bounds[3])
        #expect(FieldEncoding.thresholds(weights: [1, .infinity], total: .infinity) == nil)
        #expect(FieldEncoding.thresholds(weights: [0, 0], total: 0) == nil)
    }

    @Test(arguments: 0..<templates.count) func encodedBytesAreTheJSONOfTheKeyedRecord(_ index: Int) {
        let (template, keyField) = Self.templates[index]
        var encoded = RecordGenerator(template: template, keyField: keyField, random: SeededRandom(seed: 5))
        var keyed = RecordGenerator(template: template, keyField: keyField, random: SeededRandom(seed: 5))
        let value = ByteArena()
        let key = ByteArena()
        for now in 0..<300 {
            let context = GeneratorContext(nowMs: Int64(now) * 997)
            value.removeAll()
            let keyBytes = encoded.encodeNext(context, value: value, key: key)
            let (expectedKey, expectedValue, size) = keyed.nextKeyed(context)
            #expect(String(decoding: value.bytes, as: UTF8.self) == expectedValue.json)
            #expect(value.count == size)
            #expect(keyBytes.map { String(decoding: $0, as: UTF8.self) } == expectedKey)
        }
    }
}
