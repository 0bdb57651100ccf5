import Glibc
import Synchronization

/// Set by SIGINT or SIGTERM: `serve` stops at its next pass and exits 0.
private let stopRequested = Atomic<Bool>(false)

/// The termination signals of a run without a terminal, recorded for the loop to read.
struct StopSignals {
    /// Installs the handlers (SIGINT, SIGTERM) and returns the flag they set.
    static func install() -> StopSignals {
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in stopRequested.store(true, ordering: .relaxed) }
        }
        return StopSignals()
    }

    /// Whether a stop was asked for.
    var requested: Bool { stopRequested.load(ordering: .relaxed) }
}
