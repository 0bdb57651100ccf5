import Dashboard
import Simulation
import StreamLog
import Testing

/// The `streamstage watch` screen, rendered from an observer fed recorded samples of a cluster:
/// a SIEM pipeline (firewall → filter → siem) with two groups, one falling behind, a broker
/// down and a `--ratio`; snapshots at 80×24 and 120×40, and the watch's keys.
struct WatchScreenTests {
    static let t0: Int64 = 1_700_000_000_000

    /// Five samples a second apart of a cluster with three brokers (broker 3 goes down at the last).
    static func observer() throws -> ClusterObserver {
        let observer = ClusterObserver(
            bootstrap: "kafka-1:9092", selection: try WatchSelection(ratios: ["firewall:siem"]))
        let firewall = (0..<3).map { TopicPartition("firewall", $0) }
        let siem = TopicPartition("siem", 0)
        for second in Int64(0)..<5 {
            let firewallEnd = 10_000 + second * 1_200
            let siemEnd = 900 + second * 120
            let filterCommit = 9_000 + second * 900
            let brokers = (1...3).map {
                ClusterSample.Broker(id: $0, address: "kafka-\($0):9092", up: !($0 == 3 && second == 4))
            }
            let groups = [
                ClusterSample.Group(
                    name: "log-filter", state: "Stable", assignor: "range",
                    members: [ClusterSample.Member(memberId: "filter-1-5f0c", clientId: "filter-1", host: "/10.0.0.7",
                                                   partitions: Array(firewall.prefix(2))),
                              ClusterSample.Member(memberId: "filter-2-9a41", clientId: "filter-2", host: "/10.0.0.8",
                                                   partitions: [firewall[2]])],
                    committed: [firewall[0]: filterCommit, firewall[1]: filterCommit, firewall[2]: filterCommit]),
                ClusterSample.Group(
                    name: "siem-sink", state: "Stable", assignor: "cooperative-sticky",
                    members: [ClusterSample.Member(memberId: "sink-1-77aa", clientId: "sink-1", host: "/10.0.0.9", partitions: [siem])],
                    committed: [siem: siemEnd - 3]),
            ]
            let records = (0..<4).map { index in
                ClusterSample.Record(topic: "firewall", partition: index % 3, offset: firewallEnd - 4 + Int64(index),
                                     timestampMs: t0 + second * 1_000, key: Array("fw-\(index)".utf8),
                                     value: Array("{\"msg\":\"deny tcp 10.0.0.\(index)\",\"id\":106023}".utf8))
            } + [ClusterSample.Record(topic: "siem", partition: 0, offset: siemEnd - 1, timestampMs: t0 + second * 1_000, key: nil,
                                      value: Array("{\"alert\":\"port scan\"}".utf8))]
            let committedRecords = second == 0
                ? Dictionary(uniqueKeysWithValues: firewall.map { ($0, ClusterSample.Record(
                    topic: "firewall", partition: $0.partition, offset: filterCommit, timestampMs: t0 - 3_500, key: nil, value: [])) })
                : [:]
            observer.observe(ClusterSample(
                timeMs: t0 + second * 1_000, clusterId: "lkc-7Qm2", controllerId: 1, brokers: brokers,
                topics: [ClusterSample.Topic(name: "firewall", watermarks: (0..<3).map { _ in (0, firewallEnd) }),
                         ClusterSample.Topic(name: "siem", watermarks: [(0, siemEnd)]),
                         ClusterSample.Topic(name: "__consumer_offsets", watermarks: [(0, 0)])],
                groups: groups, records: records, committedRecords: committedRecords))
        }
        return observer
    }

    @Test(arguments: [TerminalSize(cols: 80, rows: 24), TerminalSize(cols: 120, rows: 40)])
    func watchScreen(size: TerminalSize) throws {
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let grid = DashboardView.render(try Self.observer().snapshot(), state: DashboardState(), size: size, theme: theme)
        assertSnapshot(grid, named: "watch-\(size.cols)x\(size.rows)")
    }

    @Test func describeTableOfAWatchedGroup() throws {
        let world = try Self.observer().snapshot()
        var state = DashboardState()
        _ = state.reduce(.tab, world: world, keymap: .watch)
        #expect(state.focusedGroup == "log-filter")
        let grid = DashboardView.render(world, state: state, size: TerminalSize(cols: 120, rows: 40),
                                        theme: Theme(colors: .palette256, glyphs: .braille))
        assertSnapshot(grid, named: "watch-describe-120x40")
    }

    @Test func aThousandPartitionsPageInTheDescribeTable() throws {
        let observer = ClusterObserver(bootstrap: "kafka-1:9092", selection: try WatchSelection())
        let partitions = (0..<1_000).map { TopicPartition("clicks", $0) }
        let group = ClusterSample.Group(
            name: "ads", state: "Stable", assignor: "range",
            members: [ClusterSample.Member(memberId: "ads-1-0001", clientId: "ads-1", host: "/10.0.0.1", partitions: partitions)],
            committed: Dictionary(uniqueKeysWithValues: partitions.map { ($0, Int64(90)) }))
        observer.observe(ClusterSample(
            timeMs: Self.t0, clusterId: "c", controllerId: 1, brokers: [ClusterSample.Broker(id: 1, address: "kafka-1:9092", up: true)],
            topics: [ClusterSample.Topic(name: "clicks", watermarks: partitions.map { _ in (0, 100) })], groups: [group]))
        let world = observer.snapshot()
        #expect(world.groups.first?.lag.totalLag == 10_000)
        var state = DashboardState()
        state.screenSize = TerminalSize(cols: 120, rows: 40)
        _ = state.reduce(.tab, world: world, keymap: .watch)
        let theme = Theme(colors: .palette256, glyphs: .braille)
        let first = DashboardView.render(world, state: state, size: state.screenSize, theme: theme).text
        #expect(first.contains("rows 1–23 of 1000 ([ ])"))
        for _ in 0..<2 { _ = state.reduce(.character("]"), world: world, keymap: .watch) }
        let third = DashboardView.render(world, state: state, size: state.screenSize, theme: theme).text
        #expect(third.contains("rows 47–69 of 1000 ([ ])"))
        _ = state.reduce(.pageUp, world: world, keymap: .watch)
        #expect(DashboardView.render(world, state: state, size: state.screenSize, theme: theme).text.contains("rows 24–46 of 1000"))
    }

    @Test func theWatchKeymapMarksOnlyWhileRecordingAndDrivesNoSteps() throws {
        let world = try Self.observer().snapshot()
        var state = DashboardState()
        #expect(state.reduce(.character("m"), world: world, keymap: .watch) == [])
        state.recording = .recording
        #expect(state.reduce(.character("m"), world: world, keymap: .watch) == [.mark])
        #expect(state.reduce(.character("n"), world: world, keymap: .watch) == [])
        #expect(state.reduce(.character("k"), world: world, keymap: .watch) == [])
        #expect(state.reduce(.character("q"), world: world, keymap: .watch) == [.quit])
        // Scenario runs keep their keys: `m` does nothing there.
        #expect(state.reduce(.character("m"), world: world) == [])
    }
}
