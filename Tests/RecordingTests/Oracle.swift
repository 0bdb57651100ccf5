import Foundation
import Testing
import Dashboard

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a finished process did.
struct ProcessResult {
    var status: Int32
    var stdout: Data
    var stderr: String
}

/// Runs `executable` with `arguments`, stdin from /dev/null, and waits for it.
func runProcess(_ executable: String, _ arguments: [String]) throws -> ProcessResult {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: try Data(contentsOf: outURL),
        stderr: try String(contentsOf: errURL, encoding: .utf8))
}

/// The oracle venv's python, created with Tests/oracle/setup.sh when missing.
func oraclePython() throws -> String {
    let python = packageRoot.appendingPathComponent(".venv-oracle/bin/python").path
    let setup = try runProcess("/bin/bash", [packageRoot.appendingPathComponent("Tests/oracle/setup.sh").path])
    #expect(setup.status == 0, "Tests/oracle/setup.sh failed: \(setup.stderr)")
    return python
}

/// The screen pyte shows at one marker or at the end of a recording.
struct ScreenSnapshot: Decodable {
    struct Cursor: Decodable {
        var x: Int
        var y: Int
        var hidden: Bool
    }
    var at: String
    var label: String?
    var time: Double?
    var cols: Int
    var rows: Int
    var cursor: Cursor
    var display: [String]
    var attrs: [[String]]?
}

/// Replays `cast` through pyte (Tests/oracle/screen.py) and returns its snapshots.
func emulate(_ cast: String, attributes: Bool = false) throws -> [ScreenSnapshot] {
    let script = packageRoot.appendingPathComponent("Tests/oracle/screen.py").path
    let result = try runProcess(try oraclePython(), [script, cast] + (attributes ? ["--attrs"] : []))
    #expect(result.status == 0, "screen.py failed: \(result.stderr)")
    return try result.stdout.split(separator: UInt8(ascii: "\n")).map {
        try JSONDecoder().decode(ScreenSnapshot.self, from: Data($0))
    }
}

/// Runs the venv's asciinema 2.4.0 with `arguments`.
func asciinema(_ arguments: [String]) throws -> ProcessResult {
    _ = try oraclePython()
    return try runProcess(packageRoot.appendingPathComponent(".venv-oracle/bin/asciinema").path, arguments)
}

/// The rows pyte should display for `grid`: its text, one entry per row.
func expectedDisplay(_ grid: Grid) -> [String] {
    grid.text.components(separatedBy: "\n")
}

/// The per-cell attributes screen.py prints for `grid`: "fg|bg|flags" in pyte's names.
///
/// pyte ignores dim, so it has no flag here.
func expectedAttributes(_ grid: Grid) -> [[String]] {
    (0..<grid.size.rows).map { y in
        (0..<grid.size.cols).map { x in
            let style = grid[x, y].style
            let flags = (style.bold ? "b" : "") + (style.underline ? "u" : "") + (style.reverse ? "r" : "")
            return pyteColor(style.foreground, foreground: true) + "|"
                + pyteColor(style.background, foreground: false) + "|" + flags
        }
    }
}

private let pyteNames = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]

/// pyte 0.8.2's name for a colour; its table misspells bright magenta backgrounds.
private func pyteColor(_ color: CellColor, foreground: Bool) -> String {
    switch color {
    case .terminalDefault:
        return "default"
    case .ansi(let index) where index < 8:
        return pyteNames[Int(index)]
    case .ansi(let index) where index < 16:
        return !foreground && index == 13 ? "bfightmagenta" : "bright" + pyteNames[Int(index) - 8]
    case .ansi(let index), .palette(let index):
        return paletteHex(Int(index))
    }
}

/// The xterm palette entry pyte uses for 256-colour index `index`.
private func paletteHex(_ index: Int) -> String {
    let system = [
        "000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
        "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff",
    ]
    if index < 16 { return system[index] }
    let levels = [0x00, 0x5f, 0x87, 0xaf, 0xd7, 0xff]
    let components = index < 232
        ? [levels[(index - 16) / 36], levels[(index - 16) / 6 % 6], levels[(index - 16) % 6]]
        : Array(repeating: 8 + (index - 232) * 10, count: 3)
    return components.map { String(format: "%02x", $0) }.joined()
}
