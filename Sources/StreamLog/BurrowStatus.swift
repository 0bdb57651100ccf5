/// Burrow's status codes (NOTFOUND=0 … REWIND=6); `err` is the group-level roll-up of STOP,
/// STALL and REWIND.
public enum BurrowStatus: Int, Comparable, Equatable, Sendable, CustomStringConvertible {
    case notFound = 0
    case ok = 1
    case warn = 2
    case err = 3
    case stop = 4
    case stall = 5
    case rewind = 6

    public var description: String {
        switch self {
        case .notFound: "NOTFOUND"
        case .ok: "OK"
        case .warn: "WARN"
        case .err: "ERR"
        case .stop: "STOP"
        case .stall: "STALL"
        case .rewind: "REWIND"
        }
    }

    public static func < (lhs: BurrowStatus, rhs: BurrowStatus) -> Bool { lhs.rawValue < rhs.rawValue }
}
