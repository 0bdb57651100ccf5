import Foundation
import Yams

/// A YAML node with its position, decoupled from Yams so the readers stay small.
struct YAMLNode {
    /// The node's content.
    enum Content {
        /// A scalar's text; `plain` is false for quoted and block (`|`, `>`) scalars, which are always strings.
        case scalar(String, plain: Bool)
        case mapping([(key: YAMLNode, value: YAMLNode)])
        case sequence([YAMLNode])
    }

    var content: Content
    var position: SourcePosition
    /// How many characters precede the scalar's text at `position` (1 for a quote, else 0).
    var textOffset: Int = 0

    /// Converts a Yams node (with its children).
    init(_ node: Node) {
        let mark = node.mark
        position = SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            let plain = scalar.style == .plain || scalar.style == .any
            content = .scalar(scalar.string, plain: plain)
            textOffset = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
        case .mapping(let mapping):
            content = .mapping(mapping.map { (key: YAMLNode($0.key), value: YAMLNode($0.value)) })
        case .sequence(let sequence):
            content = .sequence(sequence.map { YAMLNode($0) })
        case .alias:
            // `compose` replaces every alias by its anchored node, so none reach here; an
            // unresolved one would read as an empty value.
            content = .scalar("", plain: true)
        }
    }

    /// The scalar text when this is a scalar.
    var scalarText: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }

    /// A plain scalar's text (never a quoted one): used for bare-word generators such as `now`.
    var plainText: String? {
        if case .scalar(let text, true) = content { return text }
        return nil
    }

    /// Whether this is a plain `null`, `~` or empty scalar.
    var isNull: Bool {
        guard let text = plainText else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// How the node reads in an error message: "the string 'x'", "a mapping", "a list".
    var describe: String {
        switch content {
        case .scalar(let text, let plain):
            if plain {
                if isNull { return "an empty value" }
                if Int64(text) != nil { return "the integer \(text)" }
                if YAMLNode.isDecimal(text) { return "the number \(text)" }
                if text == "true" || text == "false" { return "the boolean \(text)" }
            }
            let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
            return "the string '\(shown.replacingOccurrences(of: "\n", with: " "))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// Whether `text` is a plain decimal number (digits, one optional point, optional sign and exponent).
    static func isDecimal(_ text: String) -> Bool {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else { return false }
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return false }
        return Double(text) != nil
    }
}
