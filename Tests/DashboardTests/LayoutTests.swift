import Dashboard
import Foundation
import Scenario
import Simulation
import Testing

/// Layout that never lies by truncation: the describe table pages, the lag panel uses its rows,
/// the narration is whole at 80×24, the header says when the engine cannot keep up.
struct LayoutTests {
    static let theme = Theme(colors: .palette256, glyphs: .braille)
    static let projector = TerminalSize(cols: 80, rows: 24)
    static let laptop = TerminalSize(cols: 120, rows: 40)

    static let groups101: WorldSnapshot = {
        guard let world = try? DashboardRenderTests.world("consumer-groups-101", seconds: 25) else {
            preconditionFailure("consumer-groups-101 must load")
        }
        return world
    }()

    /// The text inside the panel whose title starts with `title`, one string per inner row.
    static func panel(_ title: String, in grid: Grid) -> [String] {
        for y in 0..<grid.size.rows {
            let row = Array(grid.row(y))
            guard let start = grid.row(y).range(of: title).map({ grid.row(y).distance(from: grid.row(y).startIndex, to: $0.lowerBound) - 2 }),
                  start >= 0, let right = row[(start + 1)...].firstIndex(where: { $0 == "┐" || $0 == "┓" }) else { continue }
            var lines: [String] = []
            var inner = y + 1
            while inner < grid.size.rows, !["└", "┗"].contains(grid[start, inner].glyph) {
                lines.append(String(Array(grid.row(inner))[(start + 1)..<right]))
                inner += 1
            }
            return lines
        }
        return []
    }

    @Test func theDescribeTableShowsAllTwelvePartitionsAt120x40() {
        var state = DashboardState()
        state.focusedGroup = "ledger-range"
        let grid = DashboardView.render(Self.groups101, state: state, size: Self.laptop, theme: Self.theme)
        assertSnapshot(grid, named: "dashboard-describe-ledger-range-120x40")
        let rows = Self.panel("ledger-range — describe", in: grid)
        let partitions = rows.dropFirst(2).map(Self.firstWord)
        #expect(partitions == (0..<12).map { "\($0)" })
        #expect(rows.dropFirst(2).allSatisfy { $0.contains("ledger-range-") && !$0.contains("…") })
        #expect(!grid.text.contains("rows 1"))
    }

    @Test func theDescribeTablePagesWithTheScrollKeysAt80x24() {
        var state = DashboardState()
        state.screenSize = Self.projector
        state.focusedGroup = "ledger-range"
        let page = DashboardView.pages(Self.groups101, state: state).describeRows
        // The step's proof strip takes one row of the 80×24 screen: four partitions a page.
        #expect(page == 4)
        _ = state.reduce(.character("]"), world: Self.groups101)
        #expect(state.describeFirstRow == 4)
        var grid = DashboardView.render(Self.groups101, state: state, size: Self.projector, theme: Self.theme)
        #expect(grid.text.contains("rows 5–8 of 12 ([ ])"))
        let panel = Self.panel("ledger-range — describe", in: grid)
        #expect(panel.dropFirst(2).map(Self.firstWord) == ["4", "5", "6", "7"])
        // 38 columns: LAG-S and END go whole so the owner's client id stays readable.
        #expect(panel.dropFirst().first?.split(separator: " ") == ["P", "OWNER", "COMMITTED", "LAG", "STATUS"])
        #expect(panel.dropFirst(2).allSatisfy { $0.contains("ledger-range-") })
        for _ in 0..<5 { _ = state.reduce(.pageDown, world: Self.groups101) }
        #expect(state.describeFirstRow == 8)  // the last page, not past it
        grid = DashboardView.render(Self.groups101, state: state, size: Self.projector, theme: Self.theme)
        #expect(grid.text.contains("rows 9–12 of 12"))
        _ = state.reduce(.character("["), world: Self.groups101)
        #expect(state.describeFirstRow == 4)
        _ = state.reduce(.tab, world: Self.groups101)
        #expect(state.focusedGroup == "ledger-coop")
        #expect(state.describeFirstRow == 0)
    }

    @Test func theScrollKeysAreInTheOneKeymap() {
        let panels = Keymap.standard.helpRows(glyphs: .braille).first { $0.group == .panels }?.rows ?? []
        #expect(panels.contains(KeyHelpRow(keys: "[ pgup", help: "page up")))
        #expect(panels.contains(KeyHelpRow(keys: "] pgdn", help: "page down")))
    }

    /// The first word of a row, blanks and a highlight marker before it skipped.
    static func firstWord(_ row: String) -> String {
        row.split(separator: " ").first { $0 != "▶" }.map(String.init) ?? ""
    }

    /// consumer-groups-101 with `extra` more groups, copies of its audit-keyed group.
    static func world(withExtraGroups extra: Int) -> WorldSnapshot {
        var world = groups101
        guard let template = world.groups.first(where: { $0.name == "audit-keyed" }) else { return world }
        for index in 1...extra {
            var group = template
            group.name = "audit-copy-\(index)"
            world.groups.append(group)
        }
        return world
    }

    @Test(arguments: [projector, laptop])
    func fiveGroupsLeaveNoBlankRowInTheLagPanel(size: TerminalSize) {
        let world = Self.world(withExtraGroups: 1)
        let grid = DashboardView.render(world, state: DashboardState(), size: size, theme: Self.theme)
        assertSnapshot(grid, named: "dashboard-five-groups-\(size.cols)x\(size.rows)")
        let rows = Self.panel("Consumer lag", in: grid)
        #expect(rows.count >= 5)
        #expect(rows.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        for group in world.groups { #expect(rows.contains { Self.firstWord($0).hasPrefix(String(group.name.prefix(12))) }) }
    }

    @Test func groupsThatDoNotFitAreCountedNotHidden() {
        let world = Self.world(withExtraGroups: 8)  // 12 groups
        let grid = DashboardView.render(world, state: DashboardState(), size: Self.projector, theme: Self.theme)
        let rows = Self.panel("Consumer lag", in: grid)
        let shown = rows.count - 1
        #expect(rows.last?.hasPrefix("+\(12 - shown) more (tab: each group)") == true)
        #expect(rows.dropLast().map(Self.firstWord) == world.groups.prefix(shown).map(\.name))
    }

    @Test func everyNarrationReadsWholeAt80x24() throws {
        for scenario in DashboardRenderTests.scenarios {
            let spec = try ScenarioLoader.load(path: DashboardRenderTests.demoData + "/\(scenario).yaml")
            var world = try DashboardRenderTests.world(scenario, seconds: 1)
            for step in spec.script {
                world.script.say = step.say
                var state = DashboardState()
                state.screenSize = Self.projector
                var seen: [String] = []
                for _ in 0..<4 {
                    let grid = DashboardView.render(world, state: state, size: Self.projector, theme: Self.theme)
                    let rows = DashboardView.pages(world, state: state).narrationRows
                    seen += (1...rows).map { grid.row($0).trimmingCharacters(in: .whitespaces) }
                    _ = state.reduce(.character("]"), world: world)
                }
                let words = step.say.split(whereSeparator: \.isWhitespace).map(String.init)
                let shown = seen.joined(separator: " ").split(separator: " ").map(String.init).filter { !["▼", "▲", "]", "["].contains($0) }
                #expect(words.allSatisfy { shown.contains($0) }, "\(scenario) step \(step.id)")
            }
        }
    }

    @Test func aLongNarrationScrollsWithAMarker() {
        var world = Self.groups101
        world.script.say = Array(repeating: "Every word of this narration must reach the audience whole.", count: 7).joined(separator: " ")
        var state = DashboardState()
        state.screenSize = Self.projector
        var grid = DashboardView.render(world, state: state, size: Self.projector, theme: Self.theme)
        #expect(grid.row(4).hasSuffix("▼ ] "))
        #expect(grid.row(1).hasPrefix(" Every word of this narration must reach the audience whole. Every word of"))
        _ = state.reduce(.character("]"), world: world)
        grid = DashboardView.render(world, state: state, size: Self.projector, theme: Self.theme)
        #expect(grid.row(4).hasSuffix("▲ [ "))
        #expect(grid.row(4).hasPrefix(" word of this narration must reach the audience whole.  "))
    }

    @Test(arguments: DashboardRenderTests.scenarios)
    func noNumberOrStatusIsCutAtAnySize(_ scenario: String) throws {
        let statuses = ["OK", "WARN", "ERR", "STOP", "STALL", "REWIND", "PAUSED", "NO MEMBERS", "REBALANCING", "DOWN — every call fails"]
        for seconds: Int64 in [5, 25, 45] {
            let world = try DashboardRenderTests.world(scenario, seconds: seconds)
            for size in DashboardRenderTests.sizes {
                let text = DashboardView.render(world, state: DashboardState(), size: size, theme: Self.theme).text
                let lines = text.split(separator: "\n")
                let cutNumber = lines.first { line in
                    zip(line, line.dropFirst()).contains { $0.isNumber && $0.isASCII && $1 == "…" }
                }
                #expect(cutNumber == nil, "\(scenario) at \(seconds) s, \(size): \(cutNumber ?? "")")
                for status in statuses {
                    for length in 2..<status.count {
                        let cut = String(status.prefix(length)) + "…"
                        #expect(!text.contains(cut), "\(scenario) at \(seconds) s, \(size): \(cut)")
                    }
                }
            }
        }
    }

    @Test func theBatchJobWritesItsOutputTopicOnTheWhiteboard() throws {
        let world = try DashboardRenderTests.world("batch-vs-streaming", seconds: 25)
        let grid = DashboardView.render(world, state: DashboardState(), size: Self.laptop, theme: Self.theme)
        let board = Self.panel("Whiteboard", in: grid)
        #expect(board.contains { $0.hasPrefix("nightly-batch batch ●───►report (nightly batch)[1]") })
    }

    @Test func theHeaderSaysWhenTheEngineCannotKeepUp() {
        var state = DashboardState(speed: 2)
        state.achievedSpeed = 1.1
        var grid = DashboardView.render(Self.groups101, state: state, size: Self.laptop, theme: Self.theme)
        #expect(grid.row(0).hasSuffix("00:25.0  ×2 (×1.1 achieved) "))
        state.achievedSpeed = 1.95
        grid = DashboardView.render(Self.groups101, state: state, size: Self.laptop, theme: Self.theme)
        #expect(grid.row(0).hasSuffix("00:25.0  ×2 "))
    }
}
