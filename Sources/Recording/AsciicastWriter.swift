import Dashboard

/// Records a talk as an asciicast v2 file, one flushed line per event.
///
/// Times are readings of the caller's clock — simulated seconds when rendering headless, wall
/// seconds when live — and are recorded relative to `timeOrigin`, rounded to microseconds and
/// clamped so they never go backwards. Every event is written with its own write(2) calls, so a
/// killed process leaves a playable file.
///
/// A failed write does not throw: the writer stops writing, keeps the file valid up to the last
/// complete event, and explains what happened in `warning` for the caller to show.
public final class AsciicastWriter {
    /// Where the recording goes.
    public let path: String
    /// What the first line says.
    public let header: AsciicastHeader
    /// The caller's clock reading that counts as time zero.
    public let timeOrigin: Double
    /// Why recording stopped early, or `nil` while all is well.
    public private(set) var warning: String?
    /// Whether frames, output and markers are currently dropped.
    public private(set) var isPaused = false
    /// The terminal size the recording is at.
    public private(set) var size: TerminalSize
    /// Events written after the header.
    public private(set) var eventCount = 0
    /// Bytes written to the file, header included.
    public private(set) var bytesWritten = 0
    /// The time of the last event written, in recorded seconds.
    public var elapsed: Double { Double(lastMicros) / 1_000_000 }

    private let sink: LineSink
    private var isClosed = false
    private var encoder = FrameEncoder()
    private var latestGrid: Grid?
    /// The terminal's size as last reported, recorded or not.
    private var latestSize: TerminalSize
    private var lastMicros: Int64 = 0

    /// Creates (or truncates) the file at `path` and writes the header.
    ///
    /// - Throws: `RecordingError` when the folder is missing, the path is a folder or cannot be
    ///   written, or the header cannot be written — before anything is recorded.
    public convenience init(path: String, header: AsciicastHeader, timeOrigin: Double = 0) throws(RecordingError) {
        try self.init(sink: LineFile(path: path), path: path, header: header, timeOrigin: timeOrigin)
    }

    init(sink: LineSink, path: String, header: AsciicastHeader, timeOrigin: Double) throws(RecordingError) {
        self.sink = sink
        self.path = path
        self.header = header
        self.timeOrigin = timeOrigin
        self.size = header.size
        self.latestSize = header.size
        let line = header.jsonLine + "\n"
        do {
            try sink.append(line)
        } catch {
            sink.close()
            throw .writeFailed(path: path, reason: error.reason)
        }
        bytesWritten = line.utf8.count
    }

    /// Records one dashboard frame: a `"r"` event first if its size differs, then an `"o"` event
    /// with the diff (or full repaint); nothing when nothing changed or while paused.
    public func frame(_ grid: Grid, at time: Double) {
        latestGrid = grid
        latestSize = grid.size
        guard !isPaused else { return }
        if grid.size != size {
            emit("r", "\(grid.size.cols)x\(grid.size.rows)", at: time)
            size = grid.size
        }
        let data = encoder.encode(grid)
        if !data.isEmpty { emit("o", data, at: time) }
    }

    /// Records terminal output produced elsewhere (for example captured from ncurses); the next
    /// frame is then a full repaint, since the screen is no longer what the encoder drew.
    public func output(_ data: String, at time: Double) {
        guard !isPaused, !data.isEmpty else { return }
        encoder.invalidate()
        emit("o", data, at: time)
    }

    /// Records a resize to `newSize` when it differs from the current size; the next frame is
    /// then a full repaint. While paused, the size is remembered for `resume`.
    public func resize(to newSize: TerminalSize, at time: Double) {
        latestSize = newSize
        guard !isPaused, newSize != size else { return }
        emit("r", "\(newSize.cols)x\(newSize.rows)", at: time)
        size = newSize
        encoder.invalidate()
    }

    /// Records a `"m"` marker (a chapter, e.g. a script step); dropped while paused.
    public func marker(_ label: String, at time: Double) {
        guard !isPaused else { return }
        emit("m", label, at: time)
    }

    /// Stops recording frames, output, resizes and markers until `resume`.
    public func pause() {
        isPaused = true
    }

    /// Starts recording again: a resize if the size changed, a full repaint of `grid` (by
    /// default the last grid passed to `frame`, paused or not), then a marker labelled `label`.
    ///
    /// Without any grid (output recorded only through `output`) there is nothing to repaint.
    public func resume(at time: Double, repainting grid: Grid? = nil, label: String = "resumed") {
        guard isPaused else { return }
        isPaused = false
        let current = grid ?? latestGrid
        let target = current?.size ?? latestSize
        if target != size {
            emit("r", "\(target.cols)x\(target.rows)", at: time)
            size = target
        }
        if let current {
            latestGrid = current
            latestSize = current.size
            emit("o", encoder.repaint(current), at: time)
        }
        emit("m", label, at: time)
    }

    /// Closes the file; later events are ignored.
    public func close() {
        isClosed = true
        sink.close()
    }

    /// Writes one `[time, code, data]` line unless an earlier write failed.
    private func emit(_ code: String, _ data: String, at time: Double) {
        guard warning == nil, !isClosed else { return }
        let micros = max(lastMicros, JSONText.micros(time - timeOrigin) ?? lastMicros)
        let line = "[" + JSONText.seconds(micros: micros) + ",\"" + code + "\"," + JSONText.string(data) + "]\n"
        do {
            try sink.append(line)
        } catch {
            warning = "recording stopped: \(error.reason) — '\(path)' holds the talk up to "
                + JSONText.seconds(micros: lastMicros) + " s"
            return
        }
        lastMicros = micros
        eventCount += 1
        bytesWritten += line.utf8.count
    }
}
