import Foundation

/// The JSON type of a value produced by JSONSerialization.
enum JSONKind: Equatable {
    case integer, float, bool, string, array, object, null

    init(_ value: Any) {
        switch value {
        case let number as NSNumber:
            // JSONSerialization keeps the literal's type in objCType: "c"/"B" for true/false,
            // "d"/"f" for literals with a fraction or exponent, integer codes otherwise.
            switch String(cString: number.objCType) {
            case "c", "B": self = .bool
            case "d", "f": self = .float
            default: self = .integer
            }
        case is String: self = .string
        case is [Any]: self = .array
        case is [String: Any]: self = .object
        default: self = .null
        }
    }

    var isNumber: Bool { self == .integer || self == .float }
}
