import Foundation
import Testing

/// `streamstage bench --quick --json` produces every figure as a number: a smoke test of the
/// command, with no timing thresholds (speed depends on the machine and its load).
struct BenchSmokeTests {
    /// One object of the JSON array; decoding fails unless `value` is a number.
    struct Figure: Decodable {
        var name: String
        var value: Double
        var unit: String
        var baseline: Double?
        var ratio: Double?
        var goal: String
        var met: Bool
    }

    static let names = Set([
        "log.append", "log.append.vs-memory", "log.read", "log.allocs-per-record", "engine.events",
        "engine.vs-log-append", "engine.allocs-per-record",
        "render.p50.80x24", "render.p99.80x24", "render.p50.200x60", "render.p99.200x60", "terminal.bytes-per-frame",
        "memory.rss-peak", "memory.rss-growth",
        "cluster.produced", "cluster.delivered", "cluster.cpu.streamstage", "cluster.cpu.librdkafka",
    ]).union([
        "batch-vs-streaming", "command-vs-events", "consumer-groups-101", "kappa-replay", "siem-reduction",
        "whiteboard-integration",
    ].flatMap { ["memory.scenario.\($0).rss-peak", "memory.scenario.\($0).rss-growth"] })

    @Test func quickBenchProducesEveryFigureAsAPositiveNumber() throws {
        let result = try Binary.run(["bench", "--quick", "--json"])
        #expect(result.status == 0, "\(result.err)")

        let figures = try JSONDecoder().decode([Figure].self, from: Data(result.out.utf8))
        #expect(Set(figures.map(\.name)) == Self.names)
        #expect(figures.count == Self.names.count)
        for figure in figures {
            #expect(figure.value.isFinite, "\(figure.name)")
            #expect(!figure.unit.isEmpty && !figure.goal.isEmpty, "\(figure.name)")
            switch figure.name {
            case "log.allocs-per-record", "engine.allocs-per-record":
                #expect(figure.value >= 0)
            case let name where name.hasSuffix("rss-growth"):
                // A change in RSS between two samples: zero or negative when memory is flat.
                break
            default:
                #expect(figure.value > 0, "\(figure.name) = \(figure.value)")
            }
            if let baseline = figure.baseline { #expect(baseline > 0, "\(figure.name) baseline") }
        }
    }
}

/// `scripts/live-cpu.sh` runs the binary and htop live in tmux and reports both (a short run of
/// the debug build: the goals decide only its exit status, 0 or 1, not the test).
struct LiveCPUScriptSmokeTests {
    @Test func scriptReportsCPUAndTerminalBytesForTheAppAndHtop() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("live-cpu-\(UUID().uuidString).out").path
        defer { unlink(output) }
        let script = Binary.packageRoot.appendingPathComponent("scripts/live-cpu.sh").path
        let status = try Self.run(script, environment: ["DURATION=2", "WARMUP=1", "STREAMSTAGE=\(Binary.path)"], output: output)
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""

        #expect([0, 1].contains(status), "\(text)")
        for name in ["streamstage run", "htop -d 15"] {
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix(name) }, "\(text)")
            let numbers = line.dropFirst(name.count).split(separator: " ").prefix(2).compactMap { Double($0) }
            #expect(numbers.count == 2, "\(line)")
        }
    }

    /// Runs `path` with extra environment entries, stdout and stderr to `output`; its exit status.
    ///
    /// Spawned and awaited directly: the script starts a tmux server, and Foundation's `Process`
    /// would wait on descriptors the server inherits. The child starts with no signal blocked
    /// (the test thread's mask would otherwise make the script's processes deaf to SIGTERM).
    static func run(_ path: String, environment: [String], output: String) throws -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup(path), nil]
        let inherited = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let envp: [UnsafeMutablePointer<CChar>?] = (inherited + environment).map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, &attributes, argv, envp)
        try #require(spawned == 0, "could not run \(path): error \(spawned)")
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1, errno == EINTR {}
        return (status >> 8) & 0xff
    }
}
