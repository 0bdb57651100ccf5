/// Where a group's lag is heading, judged from how it moves (never from "records consumed").
public enum LagDirection: Equatable, Sendable {
    /// Lag is small (at most a second of input) and not growing.
    case keepingUp
    /// Lag falls; at its current slope it reaches 0 in about `seconds`.
    case catchingUp(seconds: Double)
    /// Lag grows.
    case fallingBehind
    /// Lag is large and flat: the group keeps pace but does not gain.
    case notCatchingUp
    /// The group does not consume (stopped, paused or without live members) and its lag is flat.
    case notConsuming

    /// The direction of a group with `lag` records to read whose lag changes by `slope` records
    /// per second; nil while the slope is not known yet and there is lag.
    ///
    /// A change within ±max(1, 5 % of `inRate`) records per second counts as flat; growing lag
    /// is falling behind, however small. Lag up to a second of input (+1) is small. A group
    /// that is not `consuming` is never keeping up.
    public static func judge(lag: Int64, slope: Double?, inRate: Double, consuming: Bool) -> LagDirection? {
        guard let slope else { return lag == 0 && consuming ? .keepingUp : nil }
        let tolerance = max(1, 0.05 * inRate)
        let small = Double(lag) <= max(0, inRate) + 1
        if !consuming { return slope > tolerance ? .fallingBehind : .notConsuming }
        if slope > tolerance { return .fallingBehind }
        if small { return .keepingUp }
        if slope < -tolerance { return .catchingUp(seconds: Double(lag) / -slope) }
        return .notCatchingUp
    }
}
