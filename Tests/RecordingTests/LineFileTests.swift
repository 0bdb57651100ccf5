#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import Recording
import Testing

@Suite("Line file")
struct LineFileTests {
    @Test("a line cut short by a full device is taken back, leaving only complete lines")
    func partialLineRolledBack() throws {
        let path = try temporaryFolder().appendingPathComponent("partial.cast").path
        var calls = 0
        let file = try LineFile(path: path) { descriptor, bytes, count in
            calls += 1
            switch calls {
            case 1: return write(descriptor, bytes, count)
            case 2: return write(descriptor, bytes, min(count, 4))
            default:
                errno = ENOSPC
                return -1
            }
        }
        try file.append("[0.0,\"m\",\"a\"]\n")
        #expect(throws: LineSinkFailure(reason: "No space left on device")) {
            try file.append("[1.0,\"m\",\"b\"]\n")
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "[0.0,\"m\",\"a\"]\n")
        #expect(calls == 3)
    }

    @Test("writes interrupted by a signal are retried")
    func interruptedWriteRetried() throws {
        let path = try temporaryFolder().appendingPathComponent("eintr.cast").path
        var interrupted = false
        let file = try LineFile(path: path) { descriptor, bytes, count in
            if !interrupted {
                interrupted = true
                errno = EINTR
                return -1
            }
            return write(descriptor, bytes, count)
        }
        try file.append("line\n")
        file.close()
        #expect(throws: LineSinkFailure(reason: "the file is closed")) { try file.append("late\n") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line\n")
    }
}
