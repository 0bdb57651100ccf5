import Dashboard
import Scenario
import Simulation
import StreamLog
import Testing

/// Real Kafka clients on the dashboard: a group only they are in (`fraud`) and one beside a
/// scenario's simulated members (`ledger-range`), drawn like any other group with an `ext` mark.
struct ExternalGroupRenderTests {
    /// Stands in for the listener's wire member: leads its own group with every partition, as a
    /// range leader alone would, and follows otherwise.
    final class RealClient: GroupMemberClient {
        func rebalanceStarted(group: String, nowMs: Int64) {}
        func joined(_ response: JoinResponse, nowMs: Int64) -> [String: [TopicPartition]]? {
            guard response.isLeader else { return nil }
            return response.strategy.assignor.assign(members: response.members, partitionCounts: ["payments": 12])
        }
        func assigned(_ partitions: [TopicPartition], generation: Int, nowMs: Int64) -> Bool { false }
    }

    /// consumer-groups-101 after 2 s, then a real client `py-fraud` in its own group and `kcat-ledger` in ledger-range, 3 s on.
    static func world() throws -> WorldSnapshot {
        let spec = try ScenarioLoader.load(path: DashboardRenderTests.demoData + "/consumer-groups-101.yaml")
        let engine = try Engine(scenario: spec, seed: 7)
        engine.run(untilMs: 2_000)
        for (group, client) in [("fraud", "py-fraud"), ("ledger-range", "kcat-ledger")] {
            var options = ConsumerOptions(topics: ["payments"])
            options.clientId = client
            options.sessionTimeoutMs = 30_000
            options.protocols = [JoinProtocol(name: "range", metadata: [])]
            _ = try engine.log.joinGroup(group, memberId: nil, options: options, ownedPartitions: [], client: RealClient(), nowMs: engine.nowMs)
        }
        engine.run(untilMs: 5_000)
        return engine.snapshot()
    }

    @Test func externalGroupsAreDrawnLikeAnyOtherWithTheirMark() throws {
        let world = try Self.world()
        #expect(world.groups.map(\.name) == ["ledger-range", "ledger-coop", "audit-keyed", "audit-keyless", "fraud"])
        let fraud = try #require(world.groups.last)
        #expect(fraud.liveMembers == 1 && fraud.membership.members.map(\.clientId) == ["py-fraud"])
        #expect(world.groups.first?.liveMembers == 4)
        for (size, theme) in [(TerminalSize(cols: 80, rows: 24), Theme(colors: .palette256, glyphs: .braille)),
                              (TerminalSize(cols: 120, rows: 40), Theme(colors: .palette256, glyphs: .braille)),
                              (TerminalSize(cols: 80, rows: 24), Theme(colors: .monochrome, glyphs: .ascii))] {
            let grid = DashboardView.render(world, state: DashboardState(), size: size, theme: theme)
            assertSnapshot(grid, named: "dashboard-external-groups-\(size.cols)x\(size.rows)-\(theme.glyphTier)")
            #expect(grid.text.contains("fraud ext"))
            // Room permitting "+1 ext" beside the simulated members; at 80×24 "ext", the name clipped.
            #expect(grid.text.matches(of: /ledg\S* ext/).count == (size.cols >= 120 ? 0 : 2))
            #expect(grid.text.matches(of: /ledger-range \+1 ext/).count == (size.cols >= 120 ? 2 : 0))
        }
    }

    @Test func theDescribeTableNamesTheRealClient() throws {
        let world = try Self.world()
        var state = DashboardState()
        state.focusedGroup = "ledger-range"
        let grid = DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        assertSnapshot(grid, named: "dashboard-external-describe-ledger-range-120x40")
        let owners = (0..<40).map { grid.row($0) }.filter { $0.contains("ext kcat-ledger") }
        #expect(owners.count == 3)
    }
}
