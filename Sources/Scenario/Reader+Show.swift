extension Reader {
    static let showKeys = ["label", "value", "format"]

    /// `show: [{label: "SIEM keeps", value: "bytes(siem) / bytes(firewall) * 100", format: percent}]`.
    func show(_ node: YAMLNode, _ step: String) -> [ShowItem] {
        let what = "show of \(step)"
        guard case .sequence(let items) = node.content else {
            wrongType(node, what, expected: "a list of {label: \"…\", value: \"<expression>\", format: count}")
            return []
        }
        return items.enumerated().compactMap { index, item in showItem(item, "item \(index + 1) of \(what)") }
    }

    private func showItem(_ node: YAMLNode, _ what: String) -> ShowItem? {
        guard let entries = mapping(node, what, keys: Reader.showKeys, required: ["label", "value"]),
            let labelNode = entries["label"], let label = string(labelNode, "label of \(what)"),
            let valueNode = entries["value"], let text = string(valueNode, "value of \(what)")
        else { return nil }
        guard !label.allSatisfy(\.isWhitespace) else {
            report(labelNode.position, "empty label of \(what)", expected: "the words the audience reads beside the value")
            return nil
        }
        var format = ShowFormat.count
        if let formatNode = entries["format"] {
            let word = formatNode.scalarText ?? ""
            let names = ShowFormat.allCases.map(\.rawValue)
            guard let known = ShowFormat(rawValue: word) else {
                report(
                    formatNode.position, "invalid format of \(what): '\(word)'", expected: "one of: \(names.joined(separator: ", "))",
                    suggestion: Suggestion.closest(to: word, among: names))
                return nil
            }
            format = known
        }
        do {
            let (value, metricReferences) = try MetricExpression.parse(text)
            checkLater(metricReferences, in: valueNode, what)
            return ShowItem(label: label, value: value, text: text, format: format)
        } catch {
            reportExpression(error, in: valueNode, "value of \(what)")
            return nil
        }
    }
}
