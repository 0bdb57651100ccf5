import Dashboard
import Foundation
@testable import Recording
import Testing

private let header = AsciicastHeader(
    size: TerminalSize(cols: 4, rows: 1), timestamp: 1_700_000_000, idleTimeLimit: 2,
    title: "Command vs events", term: "xterm-256color", shell: "/bin/zsh")

private func line(_ text: String, cols: Int = 4) -> Grid {
    var grid = Grid(size: TerminalSize(cols: cols, rows: 1))
    grid.put(text, x: 0, y: 0)
    return grid
}

@Suite("Asciicast writer")
struct AsciicastWriterTests {
    @Test("the header holds version, size, timestamp, idle limit, title and only TERM and SHELL")
    func headerLine() {
        #expect(header.jsonLine == #"{"version":2,"width":4,"height":1,"timestamp":1700000000,"#
            + #""idle_time_limit":2.0,"title":"Command vs events","env":{"SHELL":"/bin/zsh","TERM":"xterm-256color"}}"#)
        let bare = AsciicastHeader(size: TerminalSize(cols: 80, rows: 24), timestamp: 0, idleTimeLimit: nil)
        #expect(bare.jsonLine == #"{"version":2,"width":80,"height":24,"timestamp":0,"env":{}}"#)
    }

    @Test("frames, markers and times: six decimals at most, relative to the origin, never backwards")
    func events() throws {
        let path = try temporaryFolder().appendingPathComponent("talk.cast").path
        let writer = try AsciicastWriter(path: path, header: header, timeOrigin: 100)
        writer.frame(line("ab"), at: 100)
        writer.marker("step 1", at: 100.5)
        writer.frame(line("ac"), at: 101.000_000_4)
        writer.frame(line("ac"), at: 101.2)
        writer.marker("late", at: 100.3)
        writer.frame(line("xc"), at: 102.333_333_3)
        writer.close()
        writer.marker("after close", at: 103)
        #expect(try lines(of: path) == [
            header.jsonLine,
            #"[0.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jab  "]"#,
            #"[0.5,"m","step 1"]"#,
            #"[1.0,"o","\u001b[1;2Hc"]"#,
            #"[1.0,"m","late"]"#,
            #"[2.333333,"o","\u001b[Hx"]"#,
        ])
        #expect(writer.eventCount == 5)
        #expect(writer.elapsed == 2.333333)
        #expect(writer.warning == nil)
        #expect(writer.bytesWritten == (try Data(contentsOf: URL(fileURLWithPath: path))).count)
        #expect(AsciicastCheck.validate(contentsOf: URL(fileURLWithPath: path)) == [])
    }

    @Test("control characters, quotes and backslashes are escaped; other text stays UTF-8")
    func escaping() throws {
        let path = try temporaryFolder().appendingPathComponent("escape.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        let text = "\u{1B}[1m\"q\"\\\n\r\t\u{8}\u{C}\u{0}\u{7F}\u{85}é⣿─\u{2028}/"
        writer.output(text, at: 0)
        let event = try #require(try lines(of: path).last)
        #expect(event == #"[0.0,"o","\u001b[1m\"q\"\\\n\r\t\b\f\u0000\u007f\u0085é⣿─\u2028/"]"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(event.utf8)) as? [Any])
        #expect(parsed[2] as? String == text)
    }

    @Test("every scalar of the first planes and a sample of the astral ones survives a JSON round trip")
    func escapingRoundTrip() throws {
        let scalars = (0..<0xD800).compactMap(Unicode.Scalar.init)
            + stride(from: 0xE000, through: 0x10FFFF, by: 97).compactMap(Unicode.Scalar.init)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        let literal = JSONText.string(text)
        #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        let parsed = try JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
        #expect(parsed == [text])
    }

    @Test("seconds are written with one to six decimals")
    func secondsFormat() {
        #expect(JSONText.seconds(micros: 0) == "0.0")
        #expect(JSONText.seconds(micros: 1_500_000) == "1.5")
        #expect(JSONText.seconds(micros: 33_333) == "0.033333")
        #expect(JSONText.seconds(micros: 61_000_001) == "61.000001")
        #expect(JSONText.micros(.nan) == nil)
        #expect(JSONText.micros(0.000_000_6) == 1)
    }

    @Test("a frame of another size is preceded by a resize event and repainted")
    func resizeFromFrame() throws {
        let path = try temporaryFolder().appendingPathComponent("resize.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        writer.frame(line("ab"), at: 0)
        writer.frame(line("ab", cols: 3), at: 1)
        writer.resize(to: TerminalSize(cols: 3, rows: 1), at: 2)
        writer.resize(to: TerminalSize(cols: 5, rows: 2), at: 3)
        writer.frame(line("ab", cols: 3), at: 4)
        #expect(try lines(of: path).dropFirst(2) == [
            #"[1.0,"r","3x1"]"#,
            #"[1.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jab "]"#,
            #"[3.0,"r","5x2"]"#,
            #"[4.0,"r","3x1"]"#,
            #"[4.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jab "]"#,
        ])
    }

    @Test("while paused nothing is written; resume repaints the latest grid, then marks")
    func pauseResume() throws {
        let path = try temporaryFolder().appendingPathComponent("pause.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        writer.frame(line("ab"), at: 0)
        writer.pause()
        #expect(writer.isPaused)
        writer.frame(line("cd"), at: 1)
        writer.marker("hidden", at: 1)
        writer.output("raw", at: 1)
        writer.frame(line("ef", cols: 2), at: 2)
        writer.resume(at: 3)
        writer.resume(at: 3.5)
        writer.frame(line("eg", cols: 2), at: 4)
        #expect(!writer.isPaused)
        #expect(try lines(of: path).dropFirst(2) == [
            #"[3.0,"r","2x1"]"#,
            #"[3.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jef"]"#,
            #"[3.0,"m","resumed"]"#,
            #"[4.0,"o","\u001b[1;2Hg"]"#,
        ])
    }

    @Test("resume repaints the grid it is given, under the label it is given")
    func resumeWithGrid() throws {
        let path = try temporaryFolder().appendingPathComponent("resume.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        writer.pause()
        writer.resume(at: 1, repainting: line("zz"), label: "back")
        #expect(try lines(of: path).dropFirst() == [
            #"[1.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jzz  "]"#,
            #"[1.0,"m","back"]"#,
        ])
    }

    @Test("without any grid, resume records the size reached while paused and a marker")
    func resumeWithoutGrid() throws {
        let path = try temporaryFolder().appendingPathComponent("raw-pause.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        writer.output("a", at: 0)
        writer.pause()
        writer.resize(to: TerminalSize(cols: 9, rows: 3), at: 1)
        writer.output("b", at: 1)
        writer.resume(at: 2)
        #expect(writer.size == TerminalSize(cols: 9, rows: 3))
        #expect(try lines(of: path).dropFirst() == [
            #"[0.0,"o","a"]"#,
            #"[2.0,"r","9x3"]"#,
            #"[2.0,"m","resumed"]"#,
        ])
    }

    @Test("raw output is recorded as is and makes the next frame a full repaint")
    func rawOutput() throws {
        let path = try temporaryFolder().appendingPathComponent("raw.cast").path
        let writer = try AsciicastWriter(path: path, header: header)
        writer.frame(line("ab"), at: 0)
        writer.output("", at: 0.5)
        writer.output("\u{1B}[2J", at: 1)
        writer.frame(line("ab"), at: 2)
        #expect(try lines(of: path).dropFirst(2) == [
            #"[1.0,"o","\u001b[2J"]"#,
            #"[2.0,"o","\u001b[?25l\u001b[0m\u001b[H\u001b[2Jab  "]"#,
        ])
    }

    @Test("a missing folder is a typed error before anything is written")
    func missingFolder() throws {
        let folder = try temporaryFolder().appendingPathComponent("nope").path
        #expect(throws: RecordingError.folderMissing(path: folder + "/talk.cast", folder: folder)) {
            try AsciicastWriter(path: folder + "/talk.cast", header: header)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(RecordingError.folderMissing(path: folder + "/talk.cast", folder: folder).description
            == "cannot write '\(folder)/talk.cast': folder '\(folder)' does not exist")
    }

    @Test("a folder as path, an unusable name and a full device are typed errors")
    func unwritable() throws {
        let folder = try temporaryFolder().path
        #expect(throws: RecordingError.isFolder(path: folder)) {
            try AsciicastWriter(path: folder, header: header)
        }
        let tooLong = folder + "/" + String(repeating: "x", count: 300) + ".cast"
        #expect(throws: RecordingError.notWritable(path: tooLong, reason: "File name too long")) {
            try AsciicastWriter(path: tooLong, header: header)
        }
        #expect(throws: RecordingError.writeFailed(path: "/dev/full", reason: "No space left on device")) {
            try AsciicastWriter(path: "/dev/full", header: header)
        }
    }

    @Test("a write error mid-talk stops recording with a warning; what was written stays")
    func diskFullMidTalk() throws {
        let disk = FullDisk(capacity: 3)
        let writer = try AsciicastWriter(sink: disk, path: "talk.cast", header: header, timeOrigin: 0)
        writer.frame(line("ab"), at: 0)
        writer.marker("one", at: 1.25)
        writer.frame(line("cd"), at: 2)
        writer.marker("two", at: 3)
        writer.frame(line("ef"), at: 4)
        #expect(writer.warning == "recording stopped: No space left on device — 'talk.cast' holds the talk up to 1.25 s")
        #expect(writer.eventCount == 2)
        #expect(disk.lines.count == 3)
        #expect(AsciicastCheck.validate(Data(disk.lines.joined().utf8)) == [])
    }

    @Test("a full disk at the header is a typed error")
    func diskFullAtHeader() {
        #expect(throws: RecordingError.writeFailed(path: "talk.cast", reason: "No space left on device")) {
            try AsciicastWriter(sink: FullDisk(capacity: 0), path: "talk.cast", header: header, timeOrigin: 0)
        }
    }
}
