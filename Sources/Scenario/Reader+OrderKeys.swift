/// A group's `order_key` where it was written: checked once the producers are known.
struct OrderKeyUse {
    var field: String
    var topics: [String]
    var position: SourcePosition
    var user: String
}

extension Reader {
    /// Reports every `order_key` that names no field of the records produced to its group's
    /// topics (the first segment of a dotted path). Topics only processors write are not checked.
    func checkOrderKeys(against producers: [ProducerSpec]) {
        for use in orderKeys {
            var fields: [String] = []
            for producer in producers where use.topics.contains(producer.topic) {
                for field in producer.record.fields.map(\.name) where !fields.contains(field) { fields.append(field) }
            }
            let head = use.field.split(separator: ".").first.map(String.init) ?? use.field
            guard !fields.isEmpty, !fields.contains(head) else { continue }
            report(
                use.position, "unknown field '\(use.field)' in order_key of \(use.user)",
                expected: "a field of the records produced to \(use.topics.joined(separator: ", ")): \(fields.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: head, among: fields))
        }
    }
}
