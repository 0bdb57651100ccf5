import Dashboard
import Recording
import Testing

@Suite("SGR changes")
struct SGRTests {
    @Test("colours map to 30–37, 90–97, 38;5;n and their backgrounds")
    func colours() {
        let plain = CellStyle.plain
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(foreground: .ansi(1))) == "\u{1B}[31m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(foreground: .ansi(9))) == "\u{1B}[91m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(foreground: .palette(196))) == "\u{1B}[38;5;196m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(background: .ansi(4))) == "\u{1B}[44m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(background: .ansi(15))) == "\u{1B}[107m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(background: .palette(17))) == "\u{1B}[48;5;17m")
        #expect(FrameEncoder.sgr(from: plain, to: CellStyle(foreground: .ansi(200))) == "\u{1B}[38;5;200m")
    }

    @Test("attributes map to 1, 2, 4, 7 and back with 22, 24, 27")
    func attributes() {
        let all = CellStyle(bold: true, dim: true, reverse: true, underline: true)
        #expect(FrameEncoder.sgr(from: .plain, to: all) == "\u{1B}[1;2;4;7m")
        #expect(FrameEncoder.sgr(from: all, to: CellStyle(bold: true, dim: true, reverse: true)) == "\u{1B}[24m")
        #expect(FrameEncoder.sgr(from: all, to: CellStyle(bold: true, dim: true, underline: true)) == "\u{1B}[27m")
        // 22 clears bold and dim together, so the one staying on is set again.
        #expect(FrameEncoder.sgr(from: all, to: CellStyle(dim: true, reverse: true, underline: true)) == "\u{1B}[22;2m")
    }

    @Test("the shorter of incremental change and reset wins; a tie resets")
    func shortest() {
        let red = CellStyle(foreground: .ansi(1))
        #expect(FrameEncoder.sgr(from: red, to: .plain) == "\u{1B}[0m")
        #expect(FrameEncoder.sgr(from: CellStyle(foreground: .ansi(1), bold: true), to: red) == "\u{1B}[22m")
        let busy = CellStyle(foreground: .palette(100), background: .palette(200), underline: true)
        #expect(FrameEncoder.sgr(from: busy, to: CellStyle(foreground: .palette(100), background: .palette(200)))
            == "\u{1B}[24m")
        #expect(FrameEncoder.sgr(from: busy, to: CellStyle(bold: true)) == "\u{1B}[0;1m")
        #expect(FrameEncoder.sgr(from: red, to: red) == "")
    }
}
