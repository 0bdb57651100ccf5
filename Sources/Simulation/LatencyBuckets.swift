/// The bucket layout of an hdrhistogram of microseconds up to one hour at two significant digits
/// (the layout `LatencyWindow.histogram()` has), so the window can keep plain counts it scans
/// without the histogram's generic code.
///
/// 256 sub-buckets of one microsecond cover 0…255 µs; each further bucket doubles the unit and
/// the range, using its upper 128 sub-buckets.
enum LatencyBuckets {
    /// The largest latency tracked, in microseconds (one hour).
    static let highest: UInt64 = 3_600_000_000
    /// log2 of the half sub-bucket count (128).
    private static let halfCountMagnitude = 7
    private static let halfCount = 1 << halfCountMagnitude
    /// The sub-bucket mask (255): values under 256 are bucket 0.
    private static let mask: UInt64 = 255
    /// 64 minus the bits of bucket 0's largest value.
    private static let leadingZeroBase = 56

    /// How many counts the layout needs to reach `highest`.
    static let length = index(highest) + 1

    /// The counts index of `value` microseconds.
    static func index(_ value: UInt64) -> Int {
        let bucket = leadingZeroBase - (value | mask).leadingZeroBitCount
        let subBucket = Int(value >> bucket)
        return ((bucket + 1) << halfCountMagnitude) + subBucket - halfCount
    }

    /// The largest value counted at `index`.
    static func highestEquivalent(ofIndex index: Int) -> UInt64 {
        var bucket = (index >> halfCountMagnitude) - 1
        var subBucket = (index & (halfCount - 1)) + halfCount
        if bucket < 0 {
            subBucket -= halfCount
            bucket = 0
        }
        return (UInt64(subBucket) << bucket) + (UInt64(1) << bucket) - 1
    }
}
