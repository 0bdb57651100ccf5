import Scenario
import StreamLog

/// Where a producer's records or a chain's requests come from: a rate profile, switched on or
/// off, turned into whole arrivals per tick.
///
/// A profile counts its time from the moment it took effect, so a `set_rate` burst or a `start`
/// begins at the start of its cycle.
struct ArrivalSource {
    private(set) var enabled: Bool
    private var profile: RateProfile
    private var profileStartMs: Int64 = 0
    private var process: ArrivalProcess
    private var random: SeededRandom

    init(profile: RateProfile, mode: ArrivalMode, enabled: Bool, random: SeededRandom) {
        self.profile = profile
        self.enabled = enabled
        process = ArrivalProcess(mode: mode)
        self.random = random
    }

    /// The configured rate per second right now (0 while switched off).
    func configuredRate(nowMs: Int64) -> Double {
        enabled ? profile.rate(atMs: nowMs - profileStartMs) : 0
    }

    /// How many arrivals fall in the tick starting at `nowMs`.
    mutating func due(nowMs: Int64, tickMs: Int64) -> Int {
        guard enabled else { return 0 }
        return process.arrivals(rate: configuredRate(nowMs: nowMs), tickMs: tickMs, random: &random)
    }

    /// Replaces the profile from `nowMs` on.
    mutating func setProfile(_ newProfile: RateProfile, atMs nowMs: Int64) {
        profile = newProfile
        profileStartMs = nowMs
    }

    /// Switches arrivals on or off; the profile's clock restarts.
    mutating func setEnabled(_ on: Bool, atMs nowMs: Int64) {
        enabled = on
        profileStartMs = nowMs
    }
}
