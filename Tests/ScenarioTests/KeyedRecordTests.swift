import Scenario
import StreamLog
import Testing

/// `nextKeyed` gives the same record as `next`, its key as `value[keyField]?.text` and its size
/// as `value.encodedSize`, with distinct and with repeated field names.
struct KeyedRecordTests {
    static let templates: [RecordTemplate] = [
        RecordTemplate(fields: [
            TemplateField(name: "type", generator: .constant("Click")),
            TemplateField(name: "user_id", generator: .pickRange(low: 1, high: 50, format: "u-{:03}")),
            TemplateField(name: "page \"q\"", generator: .pick(["home", "cart\n"], weights: [2, 1])),
            TemplateField(name: "ms", generator: .uniform(low: 0, high: 10, round: 3)),
            TemplateField(name: "at", generator: .now),
            TemplateField(name: "where", generator: .location),
        ]),
        RecordTemplate(fields: [
            TemplateField(name: "user_id", generator: .sequence(format: "a-{}", start: 1)),
            TemplateField(name: "user_id", generator: .pickRange(low: 1, high: 9, format: nil)),
            TemplateField(name: "n", generator: .uniformInteger(low: -5, high: 5)),
        ]),
    ]

    @Test(arguments: templates) func keyAndSizeMatchTheValue(_ template: RecordTemplate) {
        var keyed = RecordGenerator(template: template, keyField: "user_id", random: SeededRandom(seed: 3))
        var plain = RecordGenerator(template: template, keyField: "user_id", random: SeededRandom(seed: 3))
        for now in 0..<200 {
            let context = GeneratorContext(nowMs: Int64(now))
            let (key, value, size) = keyed.nextKeyed(context)
            let expected = plain.next(context)
            #expect(value == expected)
            #expect(key == expected["user_id"]?.text)
            #expect(size == expected.encodedSize)
        }
    }
}
