import Dashboard
import Scenario
import StreamLog
import Testing

/// The fitting rule: numbers and status words whole or not at all, at any width.
struct FitTests {
    @Test func theFirstFormThatFitsWins() {
        let forms = ["12 345 msgs 2.1 s", "12k msgs 2.1 s", "12k msgs", "12k"]
        #expect(Fit.first(forms, width: 40) == "12 345 msgs 2.1 s")
        #expect(Fit.first(forms, width: 16) == "12k msgs 2.1 s")
        #expect(Fit.first(forms, width: 9) == "12k msgs")
        #expect(Fit.first(forms, width: 3) == "12k")
        #expect(Fit.first(forms, width: 2) == nil)
    }

    @Test func aCountAbbreviatesItsUnitBeforeItIsDropped() {
        #expect(Fit.count(485_000, width: 7) == "485 000")
        #expect(Fit.count(485_000, width: 6) == "485k")
        #expect(Fit.count(1_234_567, width: 6) == "1.2M")
        #expect(Fit.count(1_234_567, width: 3) == nil)
    }

    @Test func aLineDropsItsLeastImportantPartsWhole() {
        let parts = [
            Fit.Part("in 173/s", priority: 2), Fit.Part("done 171/s", priority: 1),
            Fit.Part("falling behind", priority: 3), Fit.Part("gen 3 range", priority: 0),
        ]
        #expect(Fit.join(parts, separator: " · ", width: 60) == "in 173/s · done 171/s · falling behind · gen 3 range")
        #expect(Fit.join(parts, separator: " · ", width: 45) == "in 173/s · done 171/s · falling behind")
        #expect(Fit.join(parts, separator: " · ", width: 30) == "in 173/s · falling behind")
        #expect(Fit.join(parts, separator: " · ", width: 14) == "falling behind")
        #expect(Fit.join(parts, separator: " · ", width: 13) == "")
    }

    @Test func aClipNeverCutsANumber() {
        #expect(TextLayout.clip("checkout 120/s", width: 12, ellipsis: "…") == "checkout …")
        #expect(TextLayout.clip("114/s→0/s −54.4%", width: 14, ellipsis: "…") == "114/s→0/s …")
        #expect(TextLayout.clip(#"{"sum_amount":673.57,"n":3}"#, width: 18, ellipsis: "…") == #"{"sum_amount":…"#)
        #expect(TextLayout.clip("360 msgs 2.1 s", width: 12, ellipsis: "…") == "360 msgs …")
        #expect(TextLayout.clip("lag 1 240 msgs", width: 6, ellipsis: "…") == "lag …")
        #expect(TextLayout.clip("rate 1.2k/s", width: 9, ellipsis: "…") == "rate …")
        #expect(TextLayout.clip(#""quantity":1,"price":9.5"#, width: 13, ellipsis: "…") == #""quantity":…"#)
        #expect(TextLayout.clip("consumer-group", width: 8, ellipsis: "…") == "consume…")
    }

    @Test func aNumbersUnitInLettersBeyondASCIIStaysWithIt() {
        // µ is a letter: `12µs` is one number, cut whole, as `12ms` is.
        #expect(TextLayout.clip("latency 12µs more", width: 12, ellipsis: "…") == "latency …")
        #expect(TextLayout.clip("latency 12ms more", width: 12, ellipsis: "…") == "latency …")
        // A digit beyond ASCII starts no number: the cut falls where the width says.
        #expect(TextLayout.clip("step ٣٤٥٦ done", width: 9, ellipsis: "…") == "step ٣٤٥…")
    }

    @Test func aTableCellTakesItsFirstFormThatFits() {
        var grid = Grid(size: TerminalSize(cols: 14, rows: 3))
        let columns = [TableColumn("OWNER", width: .fill()), TableColumn("END", width: .fixed(5), alignment: .right)]
        let rows: [[TableCell]] = [
            [TableCell("ledger-range-1:b226", shorter: ["ledger-range-1"]), .count(1_234_567)],
            [TableCell("audit-keyed-2:9f01", shorter: ["audit-keyed-2"]), .count(4_500)],
        ]
        grid.drawTable(columns, rows: rows, in: Rect(x: 0, y: 0, width: 14, height: 3), theme: Theme(colors: .monochrome, glyphs: .braille))
        #expect(grid.text == "OWNER      END\nledger-…  1.2M\naudit-k…  4500")
    }

    @Test func aClippedNameKeepsTheSuffixThatTellsItApart() {
        #expect(TextLayout.clipName("large-payments-v1", width: 12, ellipsis: "…") == "large-pa…-v1")
        #expect(TextLayout.clipName("ledger-range-2", width: 12, ellipsis: "…") == "ledger-ra…-2")
        #expect(TextLayout.clipName("large payments (v2)", width: 12, ellipsis: "…") == "large p…(v2)")
        #expect(TextLayout.clipName("large payments (v1)", width: 11, ellipsis: "…") == "large…(v1)")
        #expect(TextLayout.clipName("audit-keyless", width: 10, ellipsis: "…") == "audit-key…")
        #expect(TextLayout.clipName("v1", width: 5, ellipsis: "…") == "v1")
    }

    /// Over random values in every format the dashboard uses and every width, the clipped text
    /// holds the number whole or none of it.
    @Test func noWidthLeavesAPartialNumber() {
        var random = SeededRandom(seed: 10)
        for _ in 0..<2_000 {
            let magnitude = Double.random(in: 0...9, using: &random)
            let value = (Bool.random(using: &random) ? -1 : 1) * Double.random(in: 0...1, using: &random) * pow10(magnitude)
            let number: String
            switch Int.random(in: 0...5, using: &random) {
            case 0: number = NumberFormat.compact(value)
            case 1: number = NumberFormat.rate(value)
            case 2: number = Digits.grouped(Int(value))
            case 3: number = NumberFormat.duration(seconds: abs(value) / 1000)
            case 4: number = "\(value)"
            default: number = NumberFormat.compact(abs(value)) + "B/s"
            }
            let prefix = ["lag ", "{\"amount\":", "p3 ", "dedupe (window) "].randomElement(using: &random) ?? ""
            let text = prefix + number + [" msgs", ",\"n\":1}", "", " re-delivered"].randomElement(using: &random)!
            for width in 1...text.count {
                let clipped = TextLayout.clip(text, width: width, ellipsis: "…")
                #expect(clipped.count <= width)
                guard clipped != text else { continue }
                let shown = clipped.dropLast().count
                #expect(shown <= prefix.count || shown >= prefix.count + number.count,
                        "\(text) at width \(width) shows \(clipped)")
            }
        }
    }

    private func pow10(_ exponent: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(exponent) { result *= 10 }
        return result
    }
}
