import StreamLog

/// The last records appended to one topic, oldest first, for `ref` generators.
///
/// A ring of fixed capacity held by reference, so the produce loop looks it up once per tick
/// and appends without copying: after `capacity` records each append overwrites the oldest.
final class RecentValues {
    /// How many records are kept.
    static let capacity = 64

    private var ring: ContiguousArray<(key: String?, value: Value)> = []
    /// The ring index of the oldest entry once the ring is full.
    private var oldest = 0

    init() {
        ring.reserveCapacity(Self.capacity)
    }

    /// The number of records kept.
    var count: Int { ring.count }

    /// The `index`th oldest record kept.
    subscript(index: Int) -> (key: String?, value: Value) {
        ring[(oldest + index) % ring.count]
    }

    /// Keeps a record, dropping the oldest when full.
    func append(key: String?, value: Value) {
        if ring.count < Self.capacity {
            ring.append((key, value))
        } else {
            ring[oldest] = (key, value)
            oldest = (oldest + 1) % Self.capacity
        }
    }
}
