/// One line of the help overlay: key names and what they do.
public struct KeyHelpRow: Hashable, Sendable {
    public var keys: String
    public var help: String

    public init(keys: String, help: String) {
        self.keys = keys
        self.help = help
    }
}

extension Keymap {
    /// The help overlay's lines per group, in table order.
    ///
    /// Neighbouring bindings with the same help text share a line, and runs of digits are
    /// written as a range: the nine jump bindings read `1–9  jump to step`.
    public func helpRows(glyphs: GlyphTier) -> [(group: KeyGroup, rows: [KeyHelpRow])] {
        var groups: [(group: KeyGroup, rows: [KeyHelpRow])] = []
        var pending: (group: KeyGroup, help: String, keys: [Key])?
        func flush() {
            guard let entry = pending else { return }
            let row = KeyHelpRow(keys: Self.label(entry.keys, glyphs: glyphs), help: entry.help)
            if let last = groups.indices.last, groups[last].group == entry.group {
                groups[last].rows.append(row)
            } else {
                groups.append((entry.group, [row]))
            }
            pending = nil
        }
        for binding in bindings {
            if let entry = pending, entry.group == binding.group, entry.help == binding.help {
                pending?.keys += binding.keys
            } else {
                flush()
                pending = (binding.group, binding.help, binding.keys)
            }
        }
        flush()
        return groups
    }

    /// Key names joined by spaces, with runs of three or more consecutive digits as `1–9`.
    static func label(_ keys: [Key], glyphs: GlyphTier) -> String {
        var parts: [String] = []
        var index = 0
        while index < keys.count {
            var end = index
            while end + 1 < keys.count, let a = digit(keys[end]), let b = digit(keys[end + 1]), b == a + 1 { end += 1 }
            if end - index >= 2, let first = digit(keys[index]), let last = digit(keys[end]) {
                parts.append("\(first)\(glyphs == .ascii ? "-" : "–")\(last)")
                index = end + 1
            } else {
                parts.append(keys[index].label(glyphs: glyphs))
                index += 1
            }
        }
        return parts.joined(separator: " ")
    }

    private static func digit(_ key: Key) -> Int? {
        if case .character(let character) = key { return character.wholeNumberValue }
        return nil
    }
}
