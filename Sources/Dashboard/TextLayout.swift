/// Where text sits in a space wider than itself.
public enum TextAlignment: Hashable, Sendable {
    case left, right, center
}

/// Pure text shaping: clipping with an ellipsis and word wrapping, one column per character.
public enum TextLayout {
    /// `text` cut to `width` characters, its last one replaced by `ellipsis` when cut.
    ///
    /// A cut never leaves part of a number: when it would fall inside one (`12|0/s`, `673.|57`,
    /// `1.2|k`, `1| 240`) or right after one (`:1|,`), the whole number goes and the ellipsis takes
    /// its place.
    ///
    ///     TextLayout.clip("consumer-group", width: 8, ellipsis: "…") // "consume…"
    ///     TextLayout.clip("checkout 120/s", width: 12, ellipsis: "…") // "checkout …"
    public static func clip(_ text: String, width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        guard !text.dropFirst(width).isEmpty else { return text }  // fits: counts no further than `width`
        let characters = Array(text)
        var cut = width - 1
        // A number ending right at the cut goes too: `1…` would read as the start of a longer one.
        if let number = numberSpans(characters, startingBefore: cut).first(where: { $0.lowerBound < cut && cut <= $0.upperBound }) {
            cut = number.lowerBound
        }
        var clipped = String(text.prefix(cut))
        clipped.append(ellipsis)
        return clipped
    }

    /// A name cut to `width`, keeping a short last part that tells it from its siblings:
    /// `large-payments-v1` → `large-pa…-v1`, `large payments (v2)` → `large p…(v2)`; other names
    /// are clipped at the end like ``clip(_:width:ellipsis:)``.
    public static func clipName(_ name: String, width: Int, ellipsis: Character) -> String {
        guard name.count > width else { return name }
        let tail: Substring
        if name.hasSuffix(")"), let open = name.lastIndex(of: "("), name[open...].count <= 5 {
            tail = name[open...]
        } else if let dash = name.lastIndex(of: "-"), name[dash...].count <= 3 {
            tail = name[dash...]
        } else {
            return clip(name, width: width, ellipsis: ellipsis)
        }
        guard width - tail.count - 1 >= 3 else { return clip(name, width: width, ellipsis: ellipsis) }
        var head = String(name.prefix(width - tail.count - 1))
        while head.last == " " { head.removeLast() }
        return head + String(ellipsis) + tail
    }

    /// Where the numbers in `characters` are, each with its sign and unit: `-42.5`, `1.2k/s`,
    /// `54.4%`, `1 240` (digit groups), `850 ms`, `3m 05s`. Only the numbers starting before
    /// `limit` when given (a clip needs no more: a long payload's tail is never scanned).
    static func numberSpans(_ characters: [Character], startingBefore limit: Int? = nil) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < min(characters.count, limit ?? characters.count) {
            let character = characters[index]
            let signed = isSign(character) && index + 1 < characters.count && characters[index + 1].isASCIIDigit
                && (index == 0 || !(characters[index - 1].isLetterFast || characters[index - 1].isASCIIDigit))
            guard character.isASCIIDigit || signed else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < characters.count {
                let next = characters[index]
                if next.isASCIIDigit || next.isLetterFast || next == "." || next == "%" || next == "/" {
                    index += 1
                } else if next == " ", let continued = continuation(characters, after: index) {
                    index = continued
                } else {
                    break
                }
            }
            spans.append(start..<index)
        }
        return spans
    }

    /// Where a number continues past the space at `space`: a group of three digits (`1 240`), a
    /// duration's next part after `m` or `h` (`3m 05s`), or a unit (`850 ms`, `9.8 s`).
    private static func continuation(_ characters: [Character], after space: Int) -> Int? {
        var end = space + 1
        while end < characters.count, characters[end].isLetterFast || characters[end].isASCIIDigit { end += 1 }
        let word = characters[(space + 1)..<end]
        guard let previous = characters[..<space].last, !word.isEmpty else { return nil }
        if word.count == 3, word.allSatisfy(\.isASCIIDigit), previous.isASCIIDigit { return end }
        if previous == "m" || previous == "h", word.first?.isASCIIDigit == true { return end }
        if previous.isASCIIDigit, ["ms", "s"].contains(String(word)) { return end }
        return nil
    }

    private static func isSign(_ character: Character) -> Bool {
        character == "-" || character == "−" || character == "+"
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

extension Character {
    /// `0`…`9`.
    var isASCIIDigit: Bool {
        guard let ascii = asciiValue else { return false }
        return ascii >= UInt8(ascii: "0") && ascii <= UInt8(ascii: "9")
    }

    /// ``isLetter``, answered without Unicode's property tables for ASCII (the feed's payloads and
    /// names are mostly ASCII, and every frame clips them).
    var isLetterFast: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return (ascii | 0x20) >= UInt8(ascii: "a") && (ascii | 0x20) <= UInt8(ascii: "z")
    }
}
