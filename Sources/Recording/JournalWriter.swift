import Foundation

/// Writes a journal as JSON Lines, one flushed line per action, so a killed run keeps every
/// action recorded before it.
///
/// Like `AsciicastWriter`, it never throws once started: the first failure — a write error, an
/// action that cannot be encoded, or a tick earlier than the previous one — stops the journal
/// and is explained in `warning`.
public final class JournalWriter<Action: Codable> {
    /// Where the journal goes.
    public let path: String
    /// What the first line says.
    public let header: JournalHeader
    /// Why the journal stopped early, or `nil` while all is well.
    public private(set) var warning: String?
    /// Actions written.
    public private(set) var actionCount = 0

    private let sink: LineSink
    private var isClosed = false
    private var lastTick: UInt64 = 0

    /// Creates (or truncates) the file at `path` and writes the header.
    ///
    /// - Throws: `RecordingError` when the folder is missing, the path is a folder or cannot be
    ///   written, or the header cannot be written.
    public convenience init(path: String, header: JournalHeader) throws(RecordingError) {
        try self.init(sink: LineFile(path: path), path: path, header: header)
    }

    init(sink: LineSink, path: String, header: JournalHeader) throws(RecordingError) {
        self.sink = sink
        self.path = path
        self.header = header
        do {
            try sink.append(Self.line(header))
        } catch let failure as LineSinkFailure {
            sink.close()
            throw .writeFailed(path: path, reason: failure.reason)
        } catch {
            sink.close()
            throw .writeFailed(path: path, reason: "the header cannot be encoded: \(error)")
        }
    }

    /// Appends `action`, which happened at simulation tick `tick`.
    public func append(_ action: Action, tick: UInt64) {
        guard warning == nil, !isClosed else { return }
        guard tick >= lastTick else {
            warning = "journal stopped: tick \(tick) is before the previous action's tick \(lastTick)"
            return
        }
        do {
            try sink.append(Self.line(JournalEntry(tick: tick, action: action)))
        } catch let failure as LineSinkFailure {
            warning = "journal stopped: \(failure.reason) — '\(path)' holds \(actionCount) action\(actionCount == 1 ? "" : "s")"
            return
        } catch {
            warning = "journal stopped: the action at tick \(tick) cannot be encoded: \(error)"
            return
        }
        lastTick = tick
        actionCount += 1
    }

    /// Closes the file; later actions are ignored.
    public func close() {
        isClosed = true
        sink.close()
    }

    /// `value` as one line of sorted-key JSON with its newline.
    private static func line(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
