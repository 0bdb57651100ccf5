import Foundation

/// A fresh folder under the system's temporary folder, one per call.
func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("streamstage-recording-tests")
        .appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// The lines of a text file, without the final newline's empty line.
func lines(of path: String) throws -> [String] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var result = text.components(separatedBy: "\n")
    if result.last == "" { result.removeLast() }
    return result
}
