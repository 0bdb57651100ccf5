@testable import Recording

/// A sink that keeps lines in memory and fails every append after the first `capacity` lines.
final class FullDisk: LineSink {
    let capacity: Int
    private(set) var lines: [String] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    func append(_ line: String) throws(LineSinkFailure) {
        guard lines.count < capacity else { throw LineSinkFailure(reason: "No space left on device") }
        lines.append(line)
    }

    func close() {}
}
