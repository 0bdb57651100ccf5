import StreamLog

/// Reads the YAML tree into the model, collecting every problem instead of stopping at the first.
final class Reader {
    let file: String
    private(set) var errors: [ScenarioError] = []
    /// Names used by the file, checked once everything is read (see Validator+References.swift).
    var references: [Reference] = []
    /// Groups created by `add_group` actions, with the order at which they become visible.
    var addedGroups: [(name: String, order: Int, position: SourcePosition)] = []
    /// Every name declared per kind, even when its definition has errors (so one mistake is reported once).
    var declared: [EntityKind: [String]] = [:]
    /// Every `order_key` read, checked against the producers' fields once everything is read.
    var orderKeys: [OrderKeyUse] = []
    /// Every record field a processor or batch job reads, checked like `orderKeys`.
    var fieldUses: [FieldUse] = []
    /// Every `add_member` / `kill_member` of the script, in order, with its position.
    var memberActions: [SourcePosition] = []
    /// A counter giving references and definitions their order in the file.
    var order = 0
    /// The rate limits this file is read with.
    var rates = RateLimits.talk

    init(file: String) {
        self.file = file
    }

    /// Records a problem at `position`.
    func report(_ position: SourcePosition, _ message: String, expected: String? = nil, suggestion: String? = nil) {
        errors.append(ScenarioError(file: file, at: position, message: message, expected: expected, suggestion: suggestion))
    }

    /// Records a wrong-type problem for `node`.
    func wrongType(_ node: YAMLNode, _ what: String, expected: String) {
        report(node.position, "wrong type for \(what): \(node.describe)", expected: expected)
    }

    /// Notes that `name` at `position` must be an entity of one of `kinds`.
    func refer(_ name: String, _ kinds: [EntityKind], at position: SourcePosition, by user: String) {
        order += 1
        references.append(Reference(name: name, kinds: kinds, position: position, user: user, order: order))
    }

    // MARK: Mappings

    /// The entries of a mapping whose keys are checked against `keys`; unknown keys, duplicate
    /// keys and missing `required` keys are reported. Nil (with a report) when `node` is not a mapping.
    func mapping(_ node: YAMLNode, _ what: String, keys: [String], required: [String] = []) -> Entries? {
        guard case .mapping(let pairs) = node.content else {
            wrongType(node, what, expected: "a mapping with keys: \(keys.joined(separator: ", "))")
            return nil
        }
        var entries = Entries(position: node.position)
        for (keyNode, value) in pairs {
            guard let key = keyNode.scalarText else {
                wrongType(keyNode, "a key in \(what)", expected: "a plain name")
                continue
            }
            guard keys.contains(key) else {
                report(
                    keyNode.position, "unknown key '\(key)' in \(what)",
                    expected: "one of: \(keys.joined(separator: ", "))",
                    suggestion: Suggestion.closest(to: key, among: keys))
                continue
            }
            entries.add(key, keyPosition: keyNode.position, value)
        }
        for key in required where entries[key] == nil {
            report(node.position, "missing key '\(key)' in \(what)", expected: "\(key): …")
        }
        return entries
    }

    /// The named entries of a section such as `topics:` (a mapping from names to definitions).
    func section(_ node: YAMLNode?, _ what: String) -> [(name: String, position: SourcePosition, node: YAMLNode)] {
        guard let node, !node.isNull else { return [] }
        guard case .mapping(let pairs) = node.content else {
            wrongType(node, what, expected: "a mapping from names to definitions")
            return []
        }
        var result: [(name: String, position: SourcePosition, node: YAMLNode)] = []
        for (keyNode, value) in pairs {
            guard let name = keyNode.scalarText, !name.isEmpty else {
                wrongType(keyNode, "a name in \(what)", expected: "a name")
                continue
            }
            guard Reader.isValidName(name) else {
                report(
                    keyNode.position, "invalid name '\(name)' in \(what)",
                    expected: "letters, digits, '_', '-' and '.', starting with a letter or digit")
                continue
            }
            result.append((name, keyNode.position, value))
        }
        return result
    }

    /// Whether `name` may name an entity: letters, digits, `_`, `-`, `.`, not starting with punctuation.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first.isNumber else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }
}

/// The checked entries of one mapping, by key.
struct Entries {
    let position: SourcePosition
    private var values: [String: YAMLNode] = [:]
    private var keyPositions: [String: SourcePosition] = [:]
    /// The keys in file order.
    private(set) var keys: [String] = []

    init(position: SourcePosition) {
        self.position = position
    }

    mutating func add(_ key: String, keyPosition: SourcePosition, _ value: YAMLNode) {
        if values[key] == nil { keys.append(key) }
        values[key] = value
        keyPositions[key] = keyPosition
    }

    subscript(key: String) -> YAMLNode? {
        guard let value = values[key], !value.isNull else { return nil }
        return value
    }

    /// Where `key` is written (or the mapping's position when absent).
    func keyPosition(_ key: String) -> SourcePosition {
        keyPositions[key] ?? position
    }
}

/// A name the file uses that must be defined somewhere.
struct Reference {
    var name: String
    var kinds: [EntityKind]
    var position: SourcePosition
    /// Who uses it, e.g. "group 'payments'" or "action 'fail'".
    var user: String
    var order: Int
}
