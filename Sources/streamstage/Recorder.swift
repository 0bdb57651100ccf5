import Dashboard
import Foundation
import Recording
import Simulation

/// The asciicast recording of a run: frames, step markers, resizes, pause and resume.
final class Recorder {
    let writer: AsciicastWriter
    private var lastStep = -1
    /// Markers written on `m` so far.
    private var marks = 0

    /// Opens `path` before anything is drawn, so a bad path is an error before the screen switches.
    init(path: String, size: TerminalSize, title: String) throws(UserFacingError) {
        let environment = ProcessInfo.processInfo.environment
        let header = AsciicastHeader(
            size: size, timestamp: Int(Date().timeIntervalSince1970), idleTimeLimit: 2.0, title: title,
            term: environment["TERM"], shell: environment["SHELL"])
        do {
            writer = try AsciicastWriter(path: path, header: header)
        } catch {
            throw UserFacingError(message: error.description)
        }
    }

    /// Records a frame; the first frame of a step is followed by the step's marker.
    func frame(_ grid: Grid, world: WorldSnapshot, at seconds: Double) {
        writer.frame(grid, at: seconds)
        if world.script.stepIndex != lastStep, world.script.stepCount > 0 {
            lastStep = world.script.stepIndex
            writer.marker(world.script.marker, at: seconds)
        }
    }

    /// The header's recording light.
    var indicator: RecordingIndicator {
        if let warning = writer.warning { return .failed(warning) }
        return writer.isPaused ? .paused : .recording
    }

    /// Pauses, or resumes with a full repaint and a marker.
    func toggle(at seconds: Double) {
        if writer.isPaused {
            writer.resume(at: seconds, label: "resumed")
        } else {
            writer.pause()
        }
    }

    /// Writes a marker the presenter asked for (`m`), numbered from 1: `mark 1`, `mark 2`, …
    func mark(at seconds: Double) {
        marks += 1
        writer.marker("mark \(marks)", at: seconds)
    }

    /// Forgets the last step, so the next frame writes a marker (after going back a step).
    func stepChanged() {
        lastStep = -1
    }

    func close() {
        writer.close()
    }
}
