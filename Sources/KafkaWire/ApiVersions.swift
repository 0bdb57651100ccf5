/// One advertised API: its key and the (non-flexible) versions answered.
public struct ApiVersionRange: Equatable, Sendable {
    /// The API's wire key.
    public var apiKey: Int16
    /// The lowest version answered.
    public var minVersion: Int16
    /// The highest version answered.
    public var maxVersion: Int16

    /// A range for `apiKey`.
    public init(apiKey: Int16, minVersion: Int16, maxVersion: Int16) {
        self.apiKey = apiKey
        self.minVersion = minVersion
        self.maxVersion = maxVersion
    }
}

/// The ApiVersions request (key 18): v0–v2 have an empty body.
///
/// Clients open with v3 or v4 (flexible); those are answered by ``ApiVersionsResponse/answer(requestVersion:supported:)``
/// with the v0-format UNSUPPORTED_VERSION fallback of KIP-511, and the client retries at v2 or v0.
public enum ApiVersionsRequest {
    /// The versions whose body this codec decodes.
    public static let versions: ClosedRange<Int16> = 0...2

    /// Checks the body of an ApiVersions request at `version` (empty for v0–v2).
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: ApiKey.apiVersions.rawValue, version: version) }
        try reader.expectEnd()
    }
}

/// The ApiVersions response: error code, advertised ranges, and from v1 a throttle time.
public struct ApiVersionsResponse: Equatable, Sendable {
    /// NONE, or UNSUPPORTED_VERSION in the fallback answer.
    public var errorCode: KafkaErrorCode
    /// The APIs advertised.
    public var apiKeys: [ApiVersionRange]
    /// Milliseconds the client is throttled (v1+; always 0 here).
    public var throttleTimeMs: Int32

    /// A response with the given fields.
    public init(errorCode: KafkaErrorCode, apiKeys: [ApiVersionRange], throttleTimeMs: Int32 = 0) {
        self.errorCode = errorCode
        self.apiKeys = apiKeys
        self.throttleTimeMs = throttleTimeMs
    }

    /// The answer to an ApiVersions request at `requestVersion`, and the version its body is written at.
    ///
    /// Within ``ApiVersionsRequest/versions``: NONE at the request's version. Above: the KIP-511
    /// fallback, a v0-format body with UNSUPPORTED_VERSION and the full list, so the client retries lower.
    /// `supported` defaults to ``ApiKey/supported``, the listener's table.
    public static func answer(
        requestVersion: Int16, supported: [ApiVersionRange] = ApiKey.supported
    ) -> (version: Int16, response: ApiVersionsResponse) {
        if ApiVersionsRequest.versions.contains(requestVersion) {
            return (requestVersion, ApiVersionsResponse(errorCode: .none, apiKeys: supported))
        }
        return (0, ApiVersionsResponse(errorCode: .unsupportedVersion, apiKeys: supported))
    }

    /// The response body at `version` (0–2).
    public func encoded(version: Int16) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt16(errorCode.rawValue)
        writer.writeNullableArray(apiKeys) { writer, range in
            writer.writeInt16(range.apiKey)
            writer.writeInt16(range.minVersion)
            writer.writeInt16(range.maxVersion)
        }
        if version >= 1 { writer.writeInt32(throttleTimeMs) }
        return writer.bytes
    }

    /// Reads a response body at `version` (0–2), as a client would.
    public static func decode(version: Int16, from reader: inout WireReader) throws(WireError) -> ApiVersionsResponse {
        guard ApiVersionsRequest.versions.contains(version) else {
            throw .unsupportedVersion(apiKey: ApiKey.apiVersions.rawValue, version: version)
        }
        let errorCode = KafkaErrorCode(rawValue: try reader.readInt16())
        let apiKeys = try reader.readArray { (reader: inout WireReader) throws(WireError) in
            ApiVersionRange(apiKey: try reader.readInt16(), minVersion: try reader.readInt16(), maxVersion: try reader.readInt16())
        }
        let throttle = version >= 1 ? try reader.readInt32() : 0
        try reader.expectEnd()
        return ApiVersionsResponse(errorCode: errorCode, apiKeys: apiKeys, throttleTimeMs: throttle)
    }
}
