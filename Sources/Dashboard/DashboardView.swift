import Simulation

/// The whole dashboard frame: a pure function of the world, the dashboard state, the size and the
/// theme.
///
///     let grid = DashboardView.render(engine.snapshot(), state: state, size: TerminalSize(cols: 120, rows: 40),
///                                     theme: Theme(colors: .palette256, glyphs: .braille))
public enum DashboardView {
    /// The smallest terminal the dashboard lays out in: the projector's 80×24.
    public static let minimumSize = TerminalSize(cols: 80, rows: 24)

    /// Renders one frame.
    public static func render(_ world: WorldSnapshot, state: DashboardState, size: TerminalSize, theme: Theme) -> Grid {
        guard size.cols >= minimumSize.cols, size.rows >= minimumSize.rows else {
            return TooSmallScreen.render(have: size, need: minimumSize, theme: theme)
        }
        var grid = Grid(size: size)
        let narration = NarrationLayout(world, state: state, size: size)
        let proofLines = ProofStrip.lines(world.proofs, width: size.cols - 2, maxRows: ProofStrip.maxRows(screenRows: size.rows))
        let parts = Rect(size: size).rows([.fixed(1), .fixed(narration.rows), .fixed(proofLines.count), .fill(), .fixed(1)])
        grid.drawHeader(world, state: state, in: parts[0], theme: theme)
        grid.drawNarration(narration, in: parts[1].inset(left: 1, right: 1), theme: theme)
        grid.drawProofs(proofLines, in: parts[2].inset(left: 1, right: 1), theme: theme)
        let layout = PanelLayout.arrange(world, focused: state.focusedGroup, in: parts[3])
        for (panel, rect) in layout {
            grid.draw(panel, world: world, state: state, in: rect, theme: theme)
        }
        grid.drawFooter(world, state: state, in: parts[4], theme: theme)
        if state.helpVisible {
            grid.drawHelpOverlay(.standard, in: parts[3], theme: theme)
        }
        return grid
    }

    /// What one page holds at `state.screenSize`: the focused group's describe table rows and
    /// the narration's rows (and all its lines), so a scroll key moves by a page.
    public static func pages(_ world: WorldSnapshot, state: DashboardState) -> (describeRows: Int, narrationRows: Int, narrationLines: Int) {
        let size = state.screenSize
        let narration = NarrationLayout(world, state: state, size: size)
        let body = Rect(size: size).rows([.fixed(1), .fixed(narration.rows), .fill(), .fixed(1)])[2]
        let lag = PanelLayout.arrange(world, focused: state.focusedGroup, in: body).first { $0.0 == .lag }?.1
        return (max(1, (lag?.height ?? 0) - Grid.describeChromeRows), narration.rows, narration.lines.count)
    }
}

/// The panels a frame can hold.
enum Panel: Hashable {
    case chains, whiteboard, lag, throughput, feed, batches
}

extension Grid {
    /// Draws `panel` into `rect`.
    mutating func draw(_ panel: Panel, world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        switch panel {
        case .chains: drawChains(world, state: state, in: rect, theme: theme)
        case .whiteboard: drawWhiteboard(world, state: state, in: rect, theme: theme)
        case .lag: drawLag(world, state: state, in: rect, theme: theme)
        case .throughput: drawThroughput(world, state: state, in: rect, theme: theme)
        case .feed: drawFeed(world, state: state, in: rect, theme: theme)
        case .batches: drawBatches(world, state: state, in: rect, theme: theme)
        }
    }
}
