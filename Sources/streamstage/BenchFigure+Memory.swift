/// The two memory figures every memory run reports.
extension BenchFigure {
    /// `PREFIX.rss-peak` (held to 150 MB) and `PREFIX.rss-growth` (RSS now against `halfMB`, the
    /// RSS at the run's half, held to < 5 %), read from /proc right after the run.
    static func memory(prefix: String, halfMB: Double?, during: String) throws(UserFacingError) -> [BenchFigure] {
        guard let half = halfMB, let end = ProcessMemory.residentMB, let peak = ProcessMemory.peakMB else {
            throw UserFacingError(message: "bench: /proc/self/status is not readable; memory figures need Linux")
        }
        let growth = (end - half) / half * 100
        return [
            BenchFigure(
                name: "\(prefix).rss-peak", value: peak, unit: "MB", baseline: nil, ratio: nil,
                goal: "≤ 150 MB after \(during)", met: peak <= 150),
            BenchFigure(
                name: "\(prefix).rss-growth", value: growth, unit: "%", baseline: half, ratio: end / half,
                goal: "< 5 % over the second half (baseline: RSS MB at the half)", met: growth < 5),
        ]
    }
}
