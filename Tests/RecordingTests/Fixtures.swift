import Dashboard

/// A small dashboard-like frame: a box, a title in colour, counters, a braille sparkline and
/// a line of every colour kind and attribute.
func dashboardGrid(size: TerminalSize, tick: Int) -> Grid {
    var grid = Grid(size: size)
    let border = CellStyle(foreground: .ansi(6))
    let inner = size.cols - 2
    grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: 0, y: 0, style: border)
    for y in 1..<(size.rows - 1) {
        grid.put("│", x: 0, y: y, style: border)
        grid.put("│", x: size.cols - 1, y: y, style: border)
    }
    grid.put("└" + String(repeating: "─", count: inner) + "┘", x: 0, y: size.rows - 1, style: border)
    grid.put(" orders ", x: 2, y: 0, style: CellStyle(foreground: .ansi(11), bold: true))
    grid.put("produced \(1000 + tick * 37)", x: 2, y: 1)
    grid.put("lag \(tick % 7)", x: 2, y: 2, style: CellStyle(foreground: .palette(196), underline: true))
    let braille: [Character] = ["⠀", "⣀", "⣤", "⣶", "⣿", "⡇"]
    for x in 0..<min(12, inner - 2) {
        grid[2 + x, 3] = Cell(braille[(x + tick) % braille.count], style: CellStyle(foreground: .palette(UInt8(40 + x))))
    }
    grid.put("é✓█▌", x: 2, y: 4, style: CellStyle(background: .palette(236)))
    grid.put("R", x: 8, y: 4, style: CellStyle(reverse: true))
    grid.put("d", x: 9, y: 4, style: CellStyle(dim: true))
    grid.put("B", x: 10, y: 4, style: CellStyle(foreground: .ansi(13), background: .ansi(13)))
    grid.put("g", x: 11, y: 4, style: CellStyle(foreground: .ansi(0), background: .ansi(2), bold: true, dim: true))
    grid.put("w", x: 12, y: 4, style: CellStyle(background: .ansi(9)))
    grid.put("z", x: 13, y: 4, style: CellStyle(background: .palette(250), underline: true))
    return grid
}

/// A deterministic random source for test sequences (a 64-bit LCG).
struct TestRandom {
    var state: UInt64

    mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
}

/// A random style drawn from every colour kind and attribute.
func randomStyle(_ random: inout TestRandom) -> CellStyle {
    func color(_ random: inout TestRandom) -> CellColor {
        switch random.next(3) {
        case 0: .terminalDefault
        case 1: .ansi(UInt8(random.next(16)))
        default: .palette(UInt8(random.next(256)))
        }
    }
    return CellStyle(
        foreground: color(&random), background: color(&random),
        bold: random.next(4) == 0, dim: random.next(4) == 0,
        reverse: random.next(5) == 0, underline: random.next(5) == 0)
}
