/// Growable contiguous bytes with one owner: a segment's record bytes, or the buffer a
/// producer encodes a record into. Emptying keeps the memory, so reuse allocates nothing.
///
/// A class so that a segment and its free-pool slot hand the same memory around; the owner
/// never shares it across threads. Its state lives behind a constant pointer, so appending
/// needs no exclusivity check and inlines into callers.
public final class ByteArena {
    @usableFromInline
    struct State {
        @usableFromInline var base: UnsafeMutableRawPointer
        @usableFromInline var count: Int
        @usableFromInline var capacity: Int
    }

    @usableFromInline let state: UnsafeMutablePointer<State>

    /// An empty arena holding `capacity` bytes before it first grows.
    public init(capacity: Int = 256) {
        let capacity = max(16, capacity)
        state = .allocate(capacity: 1)
        state.initialize(to: State(base: .allocate(byteCount: capacity, alignment: 16), count: 0, capacity: capacity))
    }

    deinit {
        state.pointee.base.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The number of bytes written.
    @inlinable public var count: Int { state.pointee.count }

    /// The bytes it can hold before it grows.
    @inlinable public var capacity: Int { state.pointee.capacity }

    /// The bytes written so far, valid until the next write.
    @inlinable public var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: state.pointee.base, count: state.pointee.count)
    }

    /// Where the bytes start, for telling arenas apart (valid until the next write).
    public var baseAddress: UnsafeRawPointer { UnsafeRawPointer(state.pointee.base) }

    /// Forgets the bytes, keeping the memory.
    @inlinable public func removeAll() { state.pointee.count = 0 }

    /// Appends `bytes`.
    @inlinable @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        let count = state.pointee.count
        let needed = count + bytes.count
        if needed > state.pointee.capacity { grow(to: needed) }
        let target = state.pointee.base + count
        if bytes.count <= 32 {
            ByteArena.copySmall(from: source, to: target, count: bytes.count)
        } else if bytes.count <= 256 {
            ByteArena.copyMedium(from: source, to: target, count: bytes.count)
        } else {
            target.copyMemory(from: source, byteCount: bytes.count)
        }
        state.pointee.count = needed
    }

    /// Copies 1...32 bytes with at most four overlapping word loads and stores (no call).
    @inlinable @inline(__always)
    static func copySmall(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        if count > 16 {
            let head0 = source.loadUnaligned(as: UInt64.self)
            let head1 = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let tail0 = source.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            let tail1 = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head0, as: UInt64.self)
            target.storeBytes(of: head1, toByteOffset: 8, as: UInt64.self)
            target.storeBytes(of: tail0, toByteOffset: count - 16, as: UInt64.self)
            target.storeBytes(of: tail1, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            target.storeBytes(of: head, as: UInt64.self)
            target.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            target.storeBytes(of: head, as: UInt32.self)
            target.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            for index in 0..<count {
                target.storeBytes(of: source.load(fromByteOffset: index, as: UInt8.self), toByteOffset: index, as: UInt8.self)
            }
        }
    }

    /// Makes room for `extra` more bytes at the end without writing them; returns where the
    /// arena's bytes start (valid until it next grows). A writer fills the room through that
    /// pointer and then says with `commit(count:)` where its bytes end.
    @inlinable @inline(__always)
    public func reserve(_ extra: Int) -> UnsafeMutableRawPointer {
        let needed = state.pointee.count + extra
        if needed > state.pointee.capacity { grow(to: needed) }
        return state.pointee.base
    }

    /// Keeps the first `count` bytes (at most the capacity): the end of what was written into
    /// room from `reserve(_:)`.
    @inlinable @inline(__always)
    public func commit(count: Int) {
        precondition(count >= 0 && count <= state.pointee.capacity, "ByteArena.commit beyond the reserved room")
        state.pointee.count = count
    }

    /// Copies more than 16 bytes 16 at a time, the last 16 overlapping what was copied (no
    /// call; a record's value is usually under 256 bytes).
    @inlinable @inline(__always)
    static func copyMedium(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer, count: Int) {
        var offset = 0
        while offset < count &- 16 {
            target.storeBytes(
                of: source.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self), toByteOffset: offset,
                as: SIMD16<UInt8>.self)
            offset &+= 16
        }
        target.storeBytes(
            of: source.loadUnaligned(fromByteOffset: count &- 16, as: SIMD16<UInt8>.self), toByteOffset: count &- 16,
            as: SIMD16<UInt8>.self)
    }

    /// Appends one byte.
    @inlinable
    public func append(_ byte: UInt8) {
        let count = state.pointee.count
        if count == state.pointee.capacity { grow(to: count + 1) }
        state.pointee.base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        state.pointee.count = count + 1
    }

    /// Writes `value` in decimal at the start of `buffer` (at least 20 bytes); returns the length.
    @inlinable
    public static func writeDecimal(_ value: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let length = digitCount(value.magnitude) &+ (value < 0 ? 1 : 0)
        writeDigits(value.magnitude, endingAt: length, into: buffer)
        if value < 0 { buffer[0] = UInt8(ascii: "-") }
        return length
    }

    /// Writes `value`'s decimal digits so that the last one is just before index `end`, two
    /// digits a step.
    @inlinable @inline(__always)
    public static func writeDigits(_ value: UInt64, endingAt end: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) {
        let zero = UInt8(ascii: "0")
        var rest = value
        var index = end
        while rest >= 100 {
            let quotient = rest / 100
            let pair = rest &- quotient &* 100
            let tens = pair / 10
            index &-= 2
            buffer[index] = zero &+ UInt8(truncatingIfNeeded: tens)
            buffer[index &+ 1] = zero &+ UInt8(truncatingIfNeeded: pair &- tens &* 10)
            rest = quotient
        }
        if rest >= 10 {
            let tens = rest / 10
            buffer[index &- 2] = zero &+ UInt8(truncatingIfNeeded: tens)
            buffer[index &- 1] = zero &+ UInt8(truncatingIfNeeded: rest &- tens &* 10)
        } else {
            buffer[index &- 1] = zero &+ UInt8(truncatingIfNeeded: rest)
        }
    }

    /// The number of decimal digits of `value`.
    @inlinable
    public static func digitCount(_ value: UInt64) -> Int {
        if value < 10_000 { return value < 100 ? (value < 10 ? 1 : 2) : (value < 1_000 ? 3 : 4) }
        var count = 5
        var bound: UInt64 = 100_000
        while value >= bound {
            count &+= 1
            if count == 20 { break }
            bound &*= 10
        }
        return count
    }

    @usableFromInline
    func grow(to needed: Int) {
        var capacity = state.pointee.capacity
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        grown.copyMemory(from: state.pointee.base, byteCount: state.pointee.count)
        state.pointee.base.deallocate()
        state.pointee.base = grown
        state.pointee.capacity = capacity
    }
}
