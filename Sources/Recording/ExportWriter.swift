/// A text export (events JSON Lines, metrics CSV) written in 64 KiB chunks.
///
/// Opening fails before a run starts when the path cannot be written. A write error later sets
/// `warning` and stops the export, keeping every complete line written so far.
public final class ExportWriter {
    public let path: String
    /// Why the export stopped early, if it did.
    public private(set) var warning: String?
    /// Lines accepted so far.
    public private(set) var lineCount = 0
    private let file: LineFile
    private var buffer = ""
    private static let chunkBytes = 65_536

    /// Creates (or truncates) the file at `path`.
    public init(path: String) throws(RecordingError) {
        self.path = path
        file = try LineFile(path: path)
        buffer.reserveCapacity(Self.chunkBytes + 4_096)
    }

    /// Appends one line (a newline is added).
    public func write(_ line: String) {
        guard warning == nil else { return }
        buffer += line
        buffer += "\n"
        lineCount += 1
        if buffer.utf8.count >= Self.chunkBytes { flush() }
    }

    /// Writes what is buffered.
    public func flush() {
        guard warning == nil, !buffer.isEmpty else { return }
        do {
            try file.append(buffer)
        } catch {
            warning = "export stopped: \(error.reason) — '\(path)' holds the lines written before"
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    public func close() {
        flush()
        file.close()
    }
}
