/// How much of a row or column split one part takes.
public enum Extent: Hashable, Sendable {
    /// Exactly this many cells (less only when the space runs out).
    case fixed(Int)
    /// This share (0…1) of the space to split, rounded down, but at least `minimum` cells.
    case fraction(Double, minimum: Int = 0)
    /// An equal share (by `weight`) of whatever the other parts leave, but at least `minimum` cells.
    case fill(minimum: Int = 0, weight: Int = 1)

    /// The fewest cells this part wants.
    public var minimum: Int {
        switch self {
        case .fixed(let n): max(0, n)
        case .fraction(_, let minimum), .fill(let minimum, _): max(0, minimum)
        }
    }
}

extension Rect {
    /// Splits the rectangle top to bottom into rows sized by `extents`, `spacing` rows apart.
    ///
    /// Fixed parts are served first, then fractions, then fills share what is left (earlier fills
    /// get the remainder cells). When the space is too small, later parts shrink first, down to 0.
    ///
    ///     Rect(x: 0, y: 0, width: 80, height: 24).rows([.fixed(1), .fill(), .fixed(1)])
    ///     // header row, body of 22 rows, footer row
    ///
    /// - Returns: one rectangle per extent, in order.
    public func rows(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Extent.lengths(extents, total: height, spacing: spacing).map { span in
            Rect(x: x, y: y + span.offset, width: width, height: span.length)
        }
    }

    /// Splits the rectangle left to right into columns sized by `extents`, `spacing` columns apart.
    ///
    /// The rules are those of ``rows(_:spacing:)``.
    ///
    /// - Returns: one rectangle per extent, in order.
    public func columns(_ extents: [Extent], spacing: Int = 0) -> [Rect] {
        Extent.lengths(extents, total: width, spacing: spacing).map { span in
            Rect(x: x + span.offset, y: y, width: span.length, height: height)
        }
    }
}

extension Extent {
    /// The smallest length a split into `extents` needs to give every part its minimum.
    public static func minimumLength(_ extents: [Extent], spacing: Int = 0) -> Int {
        extents.reduce(0) { $0 + $1.minimum } + max(0, extents.count - 1) * max(0, spacing)
    }

    /// Offsets and lengths of the parts of a `total`-long split.
    static func lengths(_ extents: [Extent], total: Int, spacing: Int) -> [(offset: Int, length: Int)] {
        guard !extents.isEmpty else { return [] }
        let gap = max(0, spacing)
        let available = max(0, total - gap * (extents.count - 1))
        var lengths = extents.map { extent -> Int in
            switch extent {
            case .fixed(let n): max(0, n)
            case .fraction(let share, let minimum):
                max(max(0, minimum), Int((Double(available) * min(max(share, 0), 1)).rounded(.down)))
            case .fill(let minimum, _): max(0, minimum)
            }
        }
        var remaining = available - lengths.reduce(0, +)
        let fills = extents.indices.compactMap { index -> (index: Int, weight: Int)? in
            if case .fill(_, let weight) = extents[index] { return (index, max(1, weight)) }
            return nil
        }
        if remaining > 0, !fills.isEmpty {
            let totalWeight = fills.reduce(0) { $0 + $1.weight }
            let share = remaining
            for fill in fills {
                let extra = share * fill.weight / totalWeight
                lengths[fill.index] += extra
                remaining -= extra
            }
            for fill in fills where remaining > 0 {
                lengths[fill.index] += 1
                remaining -= 1
            }
        }
        var overflow = -remaining
        for index in lengths.indices.reversed() where overflow > 0 {
            let cut = min(lengths[index], overflow)
            lengths[index] -= cut
            overflow -= cut
        }
        var offset = 0
        return lengths.map { length in
            defer { offset += length + gap }
            return (offset, length)
        }
    }
}
