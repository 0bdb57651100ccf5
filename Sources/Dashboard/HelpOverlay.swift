extension Grid {
    /// Draws the keymap's help as a framed overlay centred in `bounds`, over whatever is there.
    ///
    /// Groups are laid out in as many columns as the height needs (a group is never split);
    /// what still does not fit is cut.
    public mutating func drawHelpOverlay(_ keymap: Keymap, in bounds: Rect, theme: Theme) {
        let groups = keymap.helpRows(glyphs: theme.glyphTier)
        let keyWidth = groups.flatMap(\.rows).map(\.keys.count).max() ?? 0
        let entryWidth = keyWidth + 2 + (groups.flatMap(\.rows).map(\.help.count).max() ?? 0)
        let blocks = groups.map { 1 + $0.rows.count }
        let maxInnerHeight = max(1, bounds.height - 2)
        let columns = HelpLayout.columns(blocks: blocks, height: maxInnerHeight)
        let columnGap = 3
        let innerWidth = columns.count * entryWidth + (columns.count - 1) * columnGap
        let innerHeight = columns.map { column in column.map { blocks[$0] + 1 }.reduce(-1, +) }.max() ?? 0
        let overlay = bounds.centered(width: innerWidth + 4, height: innerHeight + 2)
        fill(overlay.inset(by: -1))
        let inner = drawBox(overlay, title: "Keys " + "(? or esc to close)", theme: theme, focused: true)
            .inset(left: 1, right: 1)
        let slots = inner.columns(Array(repeating: .fill(), count: columns.count), spacing: columnGap)
        let ellipsis = theme.glyphs.ellipsis
        for (column, slot) in zip(columns, slots) {
            var y = slot.y
            for groupIndex in column {
                guard y < slot.maxY else { break }
                put(groups[groupIndex].group.rawValue, in: Rect(x: slot.x, y: y, width: slot.width, height: 1),
                    style: theme.style(.accent), ellipsis: ellipsis)
                y += 1
                for row in groups[groupIndex].rows where y < slot.maxY {
                    let line = Rect(x: slot.x, y: y, width: slot.width, height: 1)
                    let split = line.columns([.fixed(keyWidth), .fill()], spacing: 2)
                    put(row.keys, in: split[0], style: theme.style(.title), ellipsis: ellipsis)
                    put(row.help, in: split[1], style: theme.style(.text), ellipsis: ellipsis)
                    y += 1
                }
                y += 1
            }
        }
    }
}

/// Packing of help groups into overlay columns.
enum HelpLayout {
    /// Group indices per column: the fewest columns (at most four) in which every column's
    /// blocks, one blank row apart, fit `height`; four columns when none does.
    static func columns(blocks: [Int], height: Int) -> [[Int]] {
        for count in 1...4 {
            if let packed = pack(blocks: blocks, columns: count, height: height) { return packed }
        }
        return pack(blocks: blocks, columns: 4, height: .max) ?? [Array(blocks.indices)]
    }

    private static func pack(blocks: [Int], columns: Int, height: Int) -> [[Int]]? {
        let total = blocks.reduce(0) { $0 + $1 + 1 } - 1
        let target = (total + columns - 1) / columns
        var result: [[Int]] = [[]]
        var used = 0
        for (index, block) in blocks.enumerated() {
            let needed = result[result.count - 1].isEmpty ? block : used + 1 + block
            if needed > max(target, block), !result[result.count - 1].isEmpty, result.count < columns {
                result.append([index])
                used = block
            } else {
                result[result.count - 1].append(index)
                used = needed
            }
        }
        let fits = result.allSatisfy { column in column.map { blocks[$0] + 1 }.reduce(-1, +) <= height }
        return fits ? result : nil
    }
}
