/// Where text sits in a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
}

/// Pure text shaping: clipping with an ellipsis and word wrapping, one column per character.
public enum TextLayout {
    /// `text` cut to `width` characters, its last one replaced by `ellipsis` when cut.
    ///
    ///     TextLayout.clip("consumer-group", width: 8, ellipsis: "…") // "consume…"
    public static func clip(_ text: String, width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        var clipped = String(text.prefix(width - 1))
        clipped.append(ellipsis)
        return clipped
    }

    /// `text` broken into lines of at most `width` characters, at spaces where possible.
    ///
    /// Newlines in `text` start new lines; a word longer than `width` is split across lines;
    /// runs of spaces between words collapse to one.
    ///
    ///     TextLayout.wrap("the quick brown fox", width: 10) // ["the quick", "brown fox"]
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                if !line.isEmpty, line.count + 1 + word.count <= width {
                    line += " "
                    line += word
                    continue
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                while word.count > width {
                    lines.append(String(word.prefix(width)))
                    word = word.dropFirst(width)
                }
                line = String(word)
            }
            lines.append(line)
        }
        return lines
    }
}
