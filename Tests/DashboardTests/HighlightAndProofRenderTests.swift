import Dashboard
import Scenario
import Simulation
import Testing

/// `highlight:` marks its entity on screen, and `show:` values are drawn whole or not at all.
struct HighlightAndProofRenderTests {
    static let yaml = """
        scenario: 1
        id: hl
        title: Highlight
        seed: 3
        layout: log
        topics: { orders: { partitions: 2 } }
        producers:
          web: { topic: orders, rate: { constant: 20 }, record: { v: 1 } }
        groups:
          billing: { topic: orders, process: { per_record: 1ms }, commit: per_batch }
          shipping: { topic: orders, process: { per_record: 1ms }, commit: per_batch }
        script:
          - id: look
            say: Look at billing.
            show:
              - { label: "orders so far", value: "produced(orders)" }
              - { label: "billing lag", value: "lag(billing)" }
            do: [ { highlight: billing } ]
        """

    static func world() throws -> WorldSnapshot {
        let engine = try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: "hl.yaml"))
        engine.run(untilMs: 3_000)
        return engine.snapshot()
    }

    /// The cells of the first row holding `text` after `column`, as (x, y) of its first character.
    static func find(_ text: String, in grid: Grid, from column: Int = 0) -> (x: Int, y: Int)? {
        for y in 0..<grid.size.rows {
            let row = Array(grid.row(y))
            guard row.count >= text.count else { continue }
            for x in column...(row.count - text.count) where String(row[x..<x + text.count]) == text { return (x, y) }
        }
        return nil
    }

    @Test(arguments: [Theme(colors: .monochrome, glyphs: .ascii), Theme(colors: .palette256, glyphs: .braille)])
    func aHighlightedGroupIsMarkedReversedAndBoldWhereItIsDrawn(theme: Theme) throws {
        let world = try Self.world()
        #expect(world.highlights == ["billing"])
        var plain = world
        plain.highlights = []
        let size = TerminalSize(cols: 120, rows: 40)
        let marked = DashboardView.render(world, state: DashboardState(), size: size, theme: theme)
        let unmarked = DashboardView.render(plain, state: DashboardState(), size: size, theme: theme)
        let marker = theme.glyphTier == .ascii ? "*" : "▶"
        // The whiteboard row and the lag row of billing both carry the mark; shipping's do not.
        let rows = (0..<size.rows).filter { marked.row($0).contains("\(marker)billing") || marked.row($0).contains("\(marker) billing") }
        #expect(rows.count == 2)
        #expect(!marked.text.contains("\(marker)shipping") && !marked.text.contains("\(marker) shipping"))
        for y in rows {
            let x = try #require(Array(marked.row(y)).indices.first { String(Array(marked.row(y))[$0...].prefix(7)) == "billing" })
            #expect(marked[x, y].style.reverse && marked[x, y].style.bold)
            let before = try #require(Self.find("billing", in: unmarked))
            #expect(!unmarked[before.x, before.y].style.reverse)
        }
    }

    @Test func aHighlightedServiceHopIsMarkedInPlaceOfItsArrow() throws {
        let yaml = """
            scenario: 1
            id: chain
            title: Chain
            seed: 3
            layout: split
            topics: { orders: {} }
            chains:
              checkout:
                rate: { constant: 5 }
                timeout: 1s
                calls: [ { service: front, latency: 10ms }, { service: payment-svc, latency: 20ms } ]
            script:
              - { id: look, say: Look at payments., do: [ { highlight: payment-svc } ] }
            """
        let engine = try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: "chain.yaml"))
        engine.run(untilMs: 1_000)
        let grid = DashboardView.render(
            engine.snapshot(), state: DashboardState(), size: TerminalSize(cols: 80, rows: 24), theme: Theme(colors: .monochrome, glyphs: .ascii))
        let hop = try #require(Self.find("* payment-svc", in: grid))
        #expect(grid[hop.x + 2, hop.y].style.reverse && grid[hop.x + 2, hop.y].style.bold)
        let front = try #require(Self.find("front", in: grid))
        #expect(!grid[front.x, front.y].style.reverse)
        #expect(front.x == hop.x)
    }

    @Test func theProofStripDrawsLabelsAndValuesUnderTheNarration() throws {
        let world = try Self.world()
        let theme = Theme(colors: .monochrome, glyphs: .ascii)
        let grid = DashboardView.render(world, state: DashboardState(), size: TerminalSize(cols: 80, rows: 24), theme: theme)
        #expect(grid.row(1).hasPrefix(" Look at billing."))
        let produced = ShowFormat.count.text(world.proofs[0].value)
        #expect(grid.row(2).hasPrefix(" orders so far  \(produced)    billing lag  "))
        let value = try #require(Self.find(" \(produced) ", in: grid))
        #expect(value.y == 2 && grid[value.x, 2].style.reverse && grid[value.x, 2].style.bold)
    }

    static func proof(_ label: String, _ value: Double) -> ProofValue {
        ProofValue(label: label, value: value, format: .count)
    }

    @Test func itemsThatDoNotFitAreLeftOutWholeNeverCut() {
        let items = [Self.proof("aaaa", 1), Self.proof("bbbbbbbbbbbbbbbbbbbb", 22_000), Self.proof("c", 3)]
        // "aaaa  1 " is 8 wide, the b item 29, "c  3 " 5; 3 cells between items. Items keep their
        // order: one that fits neither after the last line's items nor on a new line is left out.
        #expect(ProofStrip.lines(items, width: 20, maxRows: 1).map { $0.map(\.label) } == [["aaaa", "c"]])
        #expect(ProofStrip.lines(items, width: 30, maxRows: 2).map { $0.map(\.label) } == [["aaaa"], ["bbbbbbbbbbbbbbbbbbbb"]])
        #expect(ProofStrip.lines(items, width: 50, maxRows: 1).map { $0.map(\.label) } == [["aaaa", "bbbbbbbbbbbbbbbbbbbb", "c"]])
        #expect(ProofStrip.lines([], width: 50, maxRows: 2).isEmpty)
    }
}
