import Dashboard
import Simulation
import Testing

/// While a Kafka listener serves the log: the header says where and how many clients, and the
/// speed keys are refused with the reason instead of changing the speed.
struct ListenerHeaderTests {
    static func header(_ state: DashboardState) -> String {
        let grid = DashboardView.render(LayoutTests.groups101, state: state, size: LayoutTests.projector, theme: LayoutTests.theme)
        return grid.text.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func theHeaderShowsTheAddressAndTheClientCount() {
        var state = DashboardState()
        #expect(!Self.header(state).contains("kafka"))
        state.listener = ListenerIndicator(address: "127.0.0.1:9092", clients: 1, reach: nil)
        #expect(Self.header(state).contains(" kafka 127.0.0.1:9092 · 1 client "))
        state.listener = ListenerIndicator(address: "0.0.0.0:9092", clients: 3, reach: "reachable from any machine")
        #expect(Self.header(state).contains(" kafka 0.0.0.0:9092 · 3 clients  reachable from any machine "))
    }

    @Test func speedKeysAreRefusedWhileListening() {
        var state = DashboardState()
        state.listener = ListenerIndicator(address: "127.0.0.1:9092", clients: 0, reach: nil)
        #expect(state.reduce(.faster, world: LayoutTests.groups101).isEmpty)
        #expect(state.reduce(.slower, world: LayoutTests.groups101).isEmpty)
        #expect(state.speed == 1)
        #expect(state.refusal == "speed stays ×1 while listening: Kafka clients see wall-clock time")
        var unlistened = DashboardState()
        _ = unlistened.reduce(.faster, world: LayoutTests.groups101)
        #expect(unlistened.speed == 2 && unlistened.refusal == nil)
    }
}
