import Foundation
import Recording
import Testing

/// The real binary, full-screen in tmux, driven by keys like a presenter would.
@Suite(.serialized)
struct LiveDashboardTests {
    static func start(_ arguments: [String] = [], cols: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession.start([Binary.path, "run"] + arguments, cols: cols, rows: rows,
                              environment: ["STREAMSTAGE_DATA": Binary.packageRoot.appendingPathComponent("demo-data").path].merging(environment) { $1 })
    }

    @Test func aPresenterStepsPausesResizesAndQuits() throws {
        let session = try Self.start()
        defer { session.kill() }
        try session.waitForText("Events on a log", timeout: .seconds(20))
        #expect(try session.capture().contains("step 1/7 Two checkouts"))
        try session.sendKeys("n")
        try session.waitForText("step 2/7 Payments gets slow")
        try session.sendKeys("p")
        try session.waitForText("step 1/7 Two checkouts")
        try session.sendKeys("Space")
        try session.waitForText("PAUSED")
        try session.sendKeys("?")
        let help = try session.waitForText("previous step")
        #expect(help.contains("pause / resume"))
        try session.sendKeys("Escape", "Space", "+")
        let faster = try session.waitForText("×2")
        #expect(!faster.split(separator: "\n")[0].contains("PAUSED"))
        try session.resize(cols: 80, rows: 24)
        try session.waitUntil(timeout: .seconds(5), "the 80×24 layout") { screen in
            screen.contains("Consumer lag") && screen.split(separator: "\n").first.map { $0.count <= 80 } == true
        }
        try session.resize(cols: 30, rows: 10)
        try session.waitForText("need 80×24")
        try session.resize(cols: 120, rows: 40)
        try session.waitForText("Event feed")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test func controlCQuitsAndRestoresTheTerminal() throws {
        let session = try Self.start()
        defer { session.kill() }
        try session.waitForText("Events on a log", timeout: .seconds(20))
        try session.sendKeys("C-c")
        #expect(try session.waitForExit() == 0)
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test func sigtermRestoresTheTerminalAndEndsAsSignalled() throws {
        let session = try Self.start()
        defer { session.kill() }
        try session.waitForText("Events on a log", timeout: .seconds(20))
        kill(try session.pid(), SIGTERM)
        #expect(try session.waitForExit() == 128 + Int(SIGTERM))
        #expect(try session.terminalState() == .init(alternateScreen: false, cursorVisible: true))
    }

    @Test func aDumbTerminalGetsOneClearMessageAndExitCode2() throws {
        let session = try Self.start(environment: ["TERM": "dumb"])
        defer { session.kill() }
        #expect(try session.waitForExit() == 2)
        #expect(try session.capture().contains("--headless"))
    }

    @Test func aLiveRecordingIsAValidCastWithAMarkerPerStepAndAJournal() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamstage-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cast = folder.appendingPathComponent("talk.cast")
        let session = try Self.start(["--record", cast.path], cols: 100, rows: 30)
        defer { session.kill() }
        try session.waitForText("REC", timeout: .seconds(20))
        try session.sendKeys("n")
        try session.waitForText("step 2/7")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(AsciicastCheck.validate(try Data(contentsOf: cast)).isEmpty)
        let text = try String(contentsOf: cast, encoding: .utf8)
        #expect(text.contains("\"m\",\"Two checkouts\""))
        #expect(text.contains("\"m\",\"Payments gets slow\""))
        let journal = try String(contentsOf: folder.appendingPathComponent("talk.journal"), encoding: .utf8)
        #expect(journal.contains("nextStep"))
        #expect(journal.contains("\"end\""))
    }

    @Test func anUnwritableJournalPathFailsBeforeTheScreenSwitches() throws {
        let result = try Binary.run(["run", "--journal", "/nonexistent-folder/talk.journal"])
        #expect(result.status == 2)
        #expect(result.err.contains("/nonexistent-folder/talk.journal"))
        #expect(!result.err.contains("terminal"))
    }

    @Test func anUnwritableRecordingPathFailsBeforeTheScreenSwitches() throws {
        let result = try Binary.run(["run", "--record", "/nonexistent-folder/talk.cast"])
        #expect(result.status == 2)
        #expect(result.err.contains("/nonexistent-folder"))
    }
}
