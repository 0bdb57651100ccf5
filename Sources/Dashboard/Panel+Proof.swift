import Simulation

/// The current step's `show:` values, laid out in whole items: a value is never cut, so when the
/// row is short some items are left out rather than drawn in part.
public enum ProofStrip {
    /// Space between two items on a line.
    public static let gap = 3

    /// The width of one item: `label` then ` value ` (the value padded inside its reversed block).
    public static func width(_ proof: ProofValue) -> Int {
        proof.label.count + 1 + proof.text.count + 2
    }

    /// The items on each of at most `maxRows` lines of `width` cells, in order; an item that fits
    /// neither after the last line's items nor on a new line is left out.
    public static func lines(_ proofs: [ProofValue], width: Int, maxRows: Int) -> [[ProofValue]] {
        var lines: [[ProofValue]] = []
        var used: [Int] = []
        for proof in proofs {
            let need = Self.width(proof)
            if let last = used.indices.last, used[last] + gap + need <= width {
                lines[last].append(proof)
                used[last] += gap + need
            } else if lines.count < maxRows, need <= width {
                lines.append([proof])
                used.append(need)
            }
        }
        return lines
    }

    /// The lines the strip may use on a screen `rows` high: two from 40 rows, else one.
    public static func maxRows(screenRows: Int) -> Int {
        screenRows >= 40 ? 2 : 1
    }
}

extension Grid {
    /// The proof strip under the narration: each label in bold, each value reversed and bold.
    mutating func drawProofs(_ lines: [[ProofValue]], in rect: Rect, theme: Theme) {
        let valueStyle = theme.highlighted(theme.style(.accent), true)
        for (row, items) in lines.prefix(rect.height).enumerated() {
            var x = rect.x
            for (index, proof) in items.enumerated() {
                if index > 0 { x += ProofStrip.gap }
                x = put(proof.label + " ", x: x, y: rect.y + row, style: theme.style(.title), maxWidth: rect.maxX - x)
                x = put(" \(proof.text) ", x: x, y: rect.y + row, style: valueStyle, maxWidth: rect.maxX - x)
            }
        }
    }
}
