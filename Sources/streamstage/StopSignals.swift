import Glibc
import Synchronization

/// Set by SIGINT or SIGTERM: `serve` stops at its next pass and exits 0.
private let stopRequested = Atomic<Bool>(false)

/// The termination signals of a run without a terminal, recorded for the loop to read.
struct StopSignals {
    /// Installs the handlers (SIGINT, SIGTERM) and returns the flag they set. The signals are
    /// unblocked too: a parent that blocks them (some test runners do) would make them pending forever.
    static func install() -> StopSignals {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in stopRequested.store(true, ordering: .relaxed) }
            sigaddset(&set, number)
        }
        sigprocmask(SIG_UNBLOCK, &set, nil)
        return StopSignals()
    }

    /// Whether a stop was asked for.
    var requested: Bool { stopRequested.load(ordering: .relaxed) }
}
