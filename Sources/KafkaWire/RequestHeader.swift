/// Request header v1, which every non-flexible request carries: api key, version, correlation id, client id.
public struct RequestHeader: Equatable, Sendable {
    /// Which API the request calls (``ApiKey`` names the ones spoken).
    public var apiKey: Int16
    /// The version of that API's request body.
    public var apiVersion: Int16
    /// Echoed in the response so the client can match it.
    public var correlationId: Int32
    /// The client's `client.id`, or `nil` when it sent null.
    public var clientId: String?

    /// A header with the given fields.
    public init(apiKey: Int16, apiVersion: Int16, correlationId: Int32, clientId: String?) {
        self.apiKey = apiKey
        self.apiVersion = apiVersion
        self.correlationId = correlationId
        self.clientId = clientId
    }

    /// Reads the header at the front of a frame body; `reader` is left at the request body.
    ///
    /// Flexible versions (request header v2) add tagged fields after the client id; those stay
    /// unread here, which is enough to answer them with an UNSUPPORTED_VERSION fallback.
    public static func decode(from reader: inout WireReader) throws(WireError) -> RequestHeader {
        RequestHeader(
            apiKey: try reader.readInt16(), apiVersion: try reader.readInt16(),
            correlationId: try reader.readInt32(), clientId: try reader.readNullableString())
    }

    /// Appends the header (as a client would send it).
    public func encode(into writer: inout WireWriter) {
        writer.writeInt16(apiKey)
        writer.writeInt16(apiVersion)
        writer.writeInt32(correlationId)
        writer.writeNullableString(clientId)
    }
}

/// Response header v0, used for every non-flexible response: the request's correlation id.
public struct ResponseHeader: Equatable, Sendable {
    /// The correlation id of the request answered.
    public var correlationId: Int32

    /// A header answering `correlationId`.
    public init(correlationId: Int32) { self.correlationId = correlationId }

    /// Reads the header at the front of a response frame body.
    public static func decode(from reader: inout WireReader) throws(WireError) -> ResponseHeader {
        ResponseHeader(correlationId: try reader.readInt32())
    }

    /// A whole response frame: size prefix, this header, then `body`.
    public func frame(body: [UInt8]) -> [UInt8] {
        var writer = WireWriter()
        writer.writeInt32(correlationId)
        writer.writeBytes(body)
        return FrameSplitter.frame(writer.bytes)
    }

    /// A whole response frame built in one buffer: size prefix, this header, then what `body` appends.
    ///
    ///     header.frame(reservingCapacity: response.encodedByteCountBound) { response.encode(version: 11, into: &$0) }
    ///
    /// For large bodies (Fetch): nothing is copied after it is written.
    public func frame(reservingCapacity capacity: Int = 0, body: (inout WireWriter) -> Void) -> [UInt8] {
        var writer = WireWriter(reservingCapacity: 8 + capacity)
        writer.writeInt32(0)  // size, patched below
        writer.writeInt32(correlationId)
        body(&writer)
        writer.patchBigEndian(Int32(truncatingIfNeeded: writer.bytes.count - 4), at: 0)
        return writer.bytes
    }
}
