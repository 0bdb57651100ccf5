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
        let frame = Frame(world, state: state, size: size)
        grid.drawHeader(world, state: state, in: frame.header, theme: theme)
        grid.drawNarration(frame.narration, in: frame.narrationRect.inset(left: 1, right: 1), theme: theme)
        grid.drawProofs(frame.proofLines, in: frame.proofRect.inset(left: 1, right: 1), theme: theme)
        for (panel, rect) in frame.panels {
            grid.draw(panel, world: world, state: state, in: rect, theme: theme)
        }
        grid.drawFooter(world, state: state, in: frame.footer, theme: theme)
        if state.helpVisible {
            grid.drawHelpOverlay(world.cluster == nil ? .standard : .watch, in: frame.body, theme: theme)
        }
        return grid
    }

    /// Where everything goes in one frame: header, narration, the proof strip, the panels, the
    /// footer. `render` draws into it and `pages` measures it, so a page is what the screen shows.
    struct Frame {
        let narration: NarrationLayout
        let proofLines: [[ProofValue]]
        let header: Rect
        let narrationRect: Rect
        let proofRect: Rect
        let body: Rect
        let footer: Rect
        let panels: [(Panel, Rect)]

        init(_ world: WorldSnapshot, state: DashboardState, size: TerminalSize) {
            narration = NarrationLayout(world, state: state, size: size)
            proofLines = ProofStrip.lines(world.proofs, width: size.cols - 2, maxRows: ProofStrip.maxRows(screenRows: size.rows))
            let parts = Rect(size: size).rows([.fixed(1), .fixed(narration.rows), .fixed(proofLines.count), .fill(), .fixed(1)])
            (header, narrationRect, proofRect, body, footer) = (parts[0], parts[1], parts[2], parts[3], parts[4])
            panels = PanelLayout.arrange(world, focused: state.focusedGroup, in: body)
        }
    }

    /// What one page holds at `state.screenSize`: the focused group's describe table rows and
    /// the narration's rows (and all its lines), so a scroll key moves by a page.
    public static func pages(_ world: WorldSnapshot, state: DashboardState) -> (describeRows: Int, narrationRows: Int, narrationLines: Int) {
        let frame = Frame(world, state: state, size: state.screenSize)
        let lag = frame.panels.first { $0.0 == .lag }?.1
        return (max(1, (lag?.height ?? 0) - Grid.describeChromeRows), frame.narration.rows, frame.narration.lines.count)
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
