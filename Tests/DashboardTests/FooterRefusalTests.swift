import Dashboard
import Simulation
import Testing

/// A key that moves in time but cannot (a log that cannot go back) says why in the footer.
struct FooterRefusalTests {
    @Test func aRefusedPreviousStepIsSaidInTheFooterInsteadOfHowTheStepEnds() {
        let world = LayoutTests.groups101
        var state = DashboardState()
        let before = DashboardView.render(world, state: state, size: LayoutTests.projector, theme: LayoutTests.theme)
        let footer = { (grid: Grid) in grid.text.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(footer(before).contains(world.script.advance))
        state.refusal = "this log cannot go back"
        let after = DashboardView.render(world, state: state, size: LayoutTests.projector, theme: LayoutTests.theme)
        #expect(footer(after).hasPrefix(" this log cannot go back"))
        #expect(!footer(after).contains(world.script.advance))
    }
}
