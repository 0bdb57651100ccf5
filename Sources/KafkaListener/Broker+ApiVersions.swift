import KafkaWire

extension Broker {
    /// ApiVersions: the advertised ranges; a version above v2 gets KIP-511's v0-format
    /// UNSUPPORTED_VERSION answer, and the client asks again lower.
    func handleApiVersions(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let (version, response) = ApiVersionsResponse.answer(requestVersion: request.version, supported: Self.advertisedVersions)
        // v3+ bodies are flexible (client software name and version): not read, the answer is the fallback.
        if ApiVersionsRequest.versions.contains(request.version) { try ApiVersionsRequest.decode(version: request.version, from: &body) }
        return .respond(response.encoded(version: version))
    }
}
