import Testing
@testable import KafkaWire

/// Feeds every proper prefix of a valid body to `decode` and records an issue unless each one
/// throws ``WireError/truncated(at:needed:available:)``: a short body is a clean error, never a trap.
func expectEveryPrefixIsTruncated<Decoded>(
    _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation,
    _ decode: (inout WireReader) throws(WireError) -> Decoded
) {
    for length in 0..<bytes.count {
        var reader = WireReader(Array(bytes[..<length]))
        do {
            _ = try decode(&reader)
            Issue.record("a \(length)-byte prefix of \(bytes.count) bytes decoded", sourceLocation: sourceLocation)
        } catch {
            guard case .truncated = error else {
                Issue.record("a \(length)-byte prefix threw \(error), expected truncated", sourceLocation: sourceLocation)
                continue
            }
        }
    }
}
