#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Calls close(2), which `LineFile`'s own `close()` hides inside the class.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

/// Where a recorder's lines go: one call per complete line.
protocol LineSink: AnyObject {
    /// Appends `line` (which ends in a newline) durably or throws why it could not.
    func append(_ line: String) throws(LineSinkFailure)
    /// Releases the destination; later appends fail.
    func close()
}

/// A failed append, with a human-readable reason.
struct LineSinkFailure: Error, Equatable {
    let reason: String
}

/// A file written with one write(2) loop per line, so every completed line survives a kill.
///
/// When a line cannot be written completely the file is truncated back to the end of the last
/// complete line, so readers never see half a line.
final class LineFile: LineSink {
    /// write(2)'s shape: descriptor, bytes, count → bytes written, or -1 with `errno` set.
    typealias WriteCall = (Int32, UnsafeRawPointer, Int) -> Int

    private var descriptor: Int32
    private var committed: off_t = 0
    private let writeCall: WriteCall

    /// Creates or truncates the file at `path`; `writeCall` is write(2) except in tests that
    /// need a device that fills up halfway through a line.
    init(path: String, writeCall: @escaping WriteCall = { write($0, $1, $2) }) throws(RecordingError) {
        self.writeCall = writeCall
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR:
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
                throw .folderMissing(path: path, folder: folder)
            case EISDIR:
                throw .isFolder(path: path)
            default:
                throw .notWritable(path: path, reason: Self.message(code))
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        close()
    }

    func append(_ line: String) throws(LineSinkFailure) {
        guard descriptor >= 0 else { throw LineSinkFailure(reason: "the file is closed") }
        let bytes = Array(line.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { writeCall(descriptor, $0 + written, bytes.count - written) } ?? 0
            }
            if result < 0 {
                let code = errno
                if code == EINTR { continue }
                if written > 0 {
                    _ = ftruncate(descriptor, committed)
                    _ = lseek(descriptor, committed, SEEK_SET)
                }
                throw LineSinkFailure(reason: Self.message(code))
            }
            written += result
        }
        committed += off_t(bytes.count)
    }

    func close() {
        guard descriptor >= 0 else { return }
        _ = closeDescriptor(descriptor)
        descriptor = -1
    }

    private static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
