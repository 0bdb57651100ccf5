/// Growable contiguous bytes with one owner: a segment's record bytes, or the buffer a
/// producer encodes a record into. Emptying keeps the memory, so reuse allocates nothing.
///
/// A class so that a segment and its free-pool slot hand the same memory around; the owner
/// never shares it across threads.
public final class ByteArena {
    @exclusivity(unchecked) private var base: UnsafeMutableRawPointer
    /// The number of bytes written.
    @exclusivity(unchecked) public private(set) var count = 0
    /// The bytes it can hold before it grows.
    @exclusivity(unchecked) public private(set) var capacity: Int

    /// An empty arena holding `capacity` bytes before it first grows.
    public init(capacity: Int = 256) {
        self.capacity = max(16, capacity)
        base = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 16)
    }

    deinit { base.deallocate() }

    /// The bytes written so far, valid until the next write.
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Where the bytes start, for telling arenas apart (valid until the next write).
    public var baseAddress: UnsafeRawPointer { UnsafeRawPointer(base) }

    /// Forgets the bytes, keeping the memory.
    public func removeAll() { count = 0 }

    /// Appends `bytes`.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let needed = count + bytes.count
        if needed > capacity { grow(to: needed) }
        (base + count).copyMemory(from: source, byteCount: bytes.count)
        count = needed
    }

    /// Appends one byte.
    @inline(__always)
    public func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    /// Lets `body` write at most `maximum` bytes at the end and keeps as many as it returns.
    @inline(__always)
    public func write(atMost maximum: Int, _ body: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        if count + maximum > capacity { grow(to: count + maximum) }
        let written = body(UnsafeMutableBufferPointer(start: (base + count).assumingMemoryBound(to: UInt8.self), count: maximum))
        count += min(max(written, 0), maximum)
    }

    /// Appends `value` in decimal.
    public func appendDecimal(_ value: Int64) {
        write(atMost: 20) { buffer in
            let length = Value.decimalLength(value)
            var rest = value.magnitude
            var index = length - 1
            repeat {
                buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                index -= 1
            } while rest > 0
            if value < 0 { buffer[0] = UInt8(ascii: "-") }
            return length
        }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        grown.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}
