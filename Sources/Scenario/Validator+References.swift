/// Checks that every name the file uses is defined, and defined as the right kind of entity.
struct Validator {
    let reader: Reader

    /// Reports every undefined or wrongly-kinded reference and every clashing added group.
    func checkReferences() {
        let declared = EntityKind.allCases.map { ($0, reader.declared[$0] ?? []) }
        let taken = Set(declared.filter { $0.0 != .topic && $0.0 != .service }.flatMap(\.1))
        for added in reader.addedGroups where taken.contains(added.name) {
            reader.report(added.position, "add_group: name '\(added.name)' is already used", expected: "a new group name")
        }
        for reference in reader.references {
            let visibleAdded = reader.addedGroups.filter { $0.order < reference.order }.map(\.name)
            func names(_ kind: EntityKind) -> [String] {
                let base = declared.first { $0.0 == kind }?.1 ?? []
                return kind == .group ? base + visibleAdded : base
            }
            let allowed = reference.kinds.flatMap(names)
            if allowed.contains(reference.name) { continue }
            let kindsText = Validator.describe(reference.kinds)
            if let other = EntityKind.allCases.first(where: { names($0).contains(reference.name) }) {
                reader.report(
                    reference.position, "'\(reference.name)' in \(reference.user) is \(other.withArticle), not \(Validator.describe(reference.kinds, article: true))",
                    expected: allowed.isEmpty ? nil : "one of: \(allowed.joined(separator: ", "))")
                continue
            }
            let laterGroup = reader.addedGroups.contains { $0.name == reference.name }
            reader.report(
                reference.position,
                laterGroup
                    ? "group '\(reference.name)' in \(reference.user) is used before the step that adds it"
                    : "undefined \(kindsText) '\(reference.name)' in \(reference.user)",
                expected: allowed.isEmpty
                    ? "\(Validator.describe(reference.kinds, article: true)) defined in the file"
                    : "one of: \(allowed.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: reference.name, among: allowed))
        }
    }

    /// "group or processor", or with articles "a group or a processor".
    static func describe(_ kinds: [EntityKind], article: Bool = false) -> String {
        let words = kinds.map { article ? $0.withArticle : $0.rawValue }
        guard words.count > 1, let last = words.last else { return words.first ?? "entity" }
        return words.dropLast().joined(separator: ", ") + " or " + last
    }
}
