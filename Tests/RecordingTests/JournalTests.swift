import Dashboard
import Foundation
@testable import Recording
import Testing

/// Stands in for the engine's action enum.
private enum DemoAction: Codable, Equatable {
    case setSpeed(Double)
    case killConsumer(group: String, member: Int)
    case marker(String)
}

private let header = JournalHeader(
    scenarioName: "command-vs-events", scenarioPath: "demo-data/command-vs-events.yaml",
    scenarioHash: ContentHash(of: Array("topics: []\n".utf8)), seed: .max, initialSpeed: 1.5,
    terminalSize: TerminalSize(cols: 120, rows: 40))

private let headerLine = #"{"cols":120,"initialSpeed":1.5,"journal":1,"rows":40,"#
    + #""scenarioHash":"fnv1a64:\#(ContentHash(of: Array("topics: []\n".utf8)).description.dropFirst(8))","#
    + #""scenarioName":"command-vs-events","scenarioPath":"demo-data/command-vs-events.yaml","seed":18446744073709551615}"#

private func parse(_ text: String) throws(JournalError) -> Journal<DemoAction> {
    try Journal<DemoAction>(parsing: Data(text.utf8))
}

private func error(of text: String) -> JournalError? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("Journal")
struct JournalTests {
    @Test("written and read back, every action with its tick")
    func roundTrip() throws {
        let path = try temporaryFolder().appendingPathComponent("talk.journal").path
        let writer = try JournalWriter<DemoAction>(path: path, header: header)
        let entries = [
            JournalEntry(tick: 0, action: DemoAction.marker("start \"quoted\" é")),
            JournalEntry(tick: 30, action: .setSpeed(0.25)),
            JournalEntry(tick: 30, action: .killConsumer(group: "billing", member: 2)),
        ]
        for entry in entries { writer.append(entry.action, tick: entry.tick) }
        writer.close()
        writer.append(.marker("after close"), tick: 40)
        #expect(writer.actionCount == 3)
        #expect(writer.warning == nil)
        let text = try lines(of: path)
        #expect(text.first == headerLine)
        #expect(text[2] == #"{"action":{"setSpeed":{"_0":0.25}},"tick":30}"#)
        let journal = try Journal<DemoAction>.read(contentsOf: URL(fileURLWithPath: path))
        #expect(journal == Journal(header: header, entries: entries))
        #expect(journal.header.terminalSize == TerminalSize(cols: 120, rows: 40))
    }

    @Test("a killed writer leaves every appended action readable")
    func killed() throws {
        let path = try temporaryFolder().appendingPathComponent("killed.journal").path
        let writer = try JournalWriter<DemoAction>(path: path, header: header)
        writer.append(.setSpeed(2), tick: 5)
        let journal = try Journal<DemoAction>.read(contentsOf: URL(fileURLWithPath: path))
        #expect(journal.entries == [JournalEntry(tick: 5, action: .setSpeed(2))])
        withExtendedLifetime(writer) {}
    }

    @Test("a tick going backwards stops the journal with a warning")
    func backwards() throws {
        let path = try temporaryFolder().appendingPathComponent("back.journal").path
        let writer = try JournalWriter<DemoAction>(path: path, header: header)
        writer.append(.setSpeed(2), tick: 5)
        writer.append(.setSpeed(3), tick: 4)
        writer.append(.setSpeed(4), tick: 6)
        #expect(writer.warning == "journal stopped: tick 4 is before the previous action's tick 5")
        #expect(try Journal<DemoAction>.read(contentsOf: URL(fileURLWithPath: path)).entries.count == 1)
    }

    @Test("an action that cannot be encoded stops the journal with a warning")
    func unencodable() throws {
        let path = try temporaryFolder().appendingPathComponent("nan.journal").path
        let writer = try JournalWriter<DemoAction>(path: path, header: header)
        writer.append(.setSpeed(.nan), tick: 1)
        #expect(writer.warning?.hasPrefix("journal stopped: the action at tick 1 cannot be encoded: ") == true)
        #expect(writer.actionCount == 0)
    }

    @Test("a write error stops the journal with a warning; the actions before it stay")
    func diskFull() throws {
        let disk = FullDisk(capacity: 2)
        let writer = try JournalWriter<DemoAction>(sink: disk, path: "talk.journal", header: header)
        writer.append(.setSpeed(2), tick: 5)
        writer.append(.setSpeed(3), tick: 6)
        writer.append(.setSpeed(4), tick: 7)
        #expect(writer.warning == "journal stopped: No space left on device — 'talk.journal' holds 1 action")
        #expect(writer.actionCount == 1)
        let journal = try Journal<DemoAction>(parsing: Data(disk.lines.joined().utf8))
        #expect(journal.entries == [JournalEntry(tick: 5, action: .setSpeed(2))])
    }

    @Test("opening a journal in a missing folder is a typed error")
    func missingFolder() throws {
        let folder = try temporaryFolder().appendingPathComponent("nope").path
        #expect(throws: RecordingError.folderMissing(path: folder + "/j.journal", folder: folder)) {
            try JournalWriter<DemoAction>(path: folder + "/j.journal", header: header)
        }
    }

    @Test("an empty file and a blank header line are positioned errors")
    func emptyFile() {
        #expect(error(of: "") == JournalError(line: 1, message: "expected a journal header, found an empty file"))
        #expect(error(of: "\n") == JournalError(line: 1, message: "expected a journal header, found a blank line"))
    }

    @Test("a header that is not an object, lacks a key or has the wrong type names it")
    func badHeader() {
        #expect(error(of: "[1]\n")
            == JournalError(line: 1, message: "expected a journal header, found JSON that is not an object"))
        let noSeed = headerLine.replacingOccurrences(of: #","seed":18446744073709551615"#, with: "")
        #expect(error(of: noSeed + "\n")
            == JournalError(line: 1, message: "expected a journal header: missing key 'seed'"))
        let textRows = headerLine.replacingOccurrences(of: #""rows":40"#, with: #""rows":"40""#)
        #expect(error(of: textRows + "\n")
            == JournalError(line: 1, message: "expected a journal header: 'rows' is not of type Int"))
        let badHash = headerLine.replacingOccurrences(of: "fnv1a64:", with: "md5:")
        #expect(error(of: badHash + "\n") == JournalError(
            line: 1, message: "expected a journal header: 'scenarioHash' is invalid: expected fnv1a64: and 16 lowercase hex digits"))
    }

    @Test("a journal of another format version is refused")
    func format() {
        let future = headerLine.replacingOccurrences(of: #""journal":1"#, with: #""journal":2"#)
        #expect(error(of: future + "\n")
            == JournalError(line: 1, message: "unsupported journal format 2; this build reads format 1"))
    }

    @Test("a malformed action line names its line and what was expected")
    func badAction() {
        let expected = #"expected an action {"tick": n, "action": …}"#
        #expect(error(of: headerLine + "\n" + #"{"tick":1,"action":{"setSpeed":{"_0":1}}}"# + "\n" + #"{"tick":2,"#)
            == JournalError(line: 3, message: expected + ", found text that is not JSON"))
        #expect(error(of: headerLine + "\n" + #"{"action":{"setSpeed":{"_0":1}}}"#)
            == JournalError(line: 2, message: expected + ": missing key 'tick'"))
        #expect(error(of: headerLine + "\n" + #"{"tick":1,"action":{"setSpeed":{"_0":"fast"}}}"#)
            == JournalError(line: 2, message: expected + ": 'action.setSpeed._0' is not of type Double"))
        #expect(error(of: headerLine + "\n\n" + #"{"tick":1,"action":{"setSpeed":{"_0":1}}}"#)
            == JournalError(line: 2, message: expected + ", found a blank line"))
    }

    @Test("ticks must not go backwards")
    func tickOrder() {
        let text = headerLine + "\n" + #"{"tick":7,"action":{"marker":{"_0":"a"}}}"# + "\n"
            + #"{"tick":5,"action":{"marker":{"_0":"b"}}}"# + "\n"
        #expect(error(of: text) == JournalError(line: 3, message: "tick 5 is before the previous action's tick 7"))
    }

    @Test("a missing file is an error about the file, without a line")
    func unreadable() throws {
        let url = try temporaryFolder().appendingPathComponent("missing.journal")
        #expect(throws: JournalError(line: 0, message: "cannot read the journal: there is no such file")) {
            try Journal<DemoAction>.read(contentsOf: url)
        }
        #expect(JournalError(line: 0, message: "cannot read the journal: there is no such file").description
            == "cannot read the journal: there is no such file")
    }

    @Test("a header with a size no terminal has, or speed 0, is refused on line 1")
    func headerRanges() {
        let zeroSize = headerLine.replacingOccurrences(of: #""cols":120"#, with: #""cols":0"#)
            .replacingOccurrences(of: #""rows":40"#, with: #""rows":-3"#)
        #expect(error(of: zeroSize + "\n") == JournalError(
            line: 1, message: "expected a journal header: 'cols' is invalid: expected 10 to 1000, found 0"))
        let stopped = headerLine.replacingOccurrences(of: #""initialSpeed":1.5"#, with: #""initialSpeed":0"#)
        #expect(error(of: stopped + "\n") == JournalError(
            line: 1, message: "expected a journal header: 'initialSpeed' is invalid: expected 0.1 to 20.0, found 0.0"))
    }
}
