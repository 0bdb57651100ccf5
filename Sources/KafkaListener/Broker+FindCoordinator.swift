import KafkaWire

extension Broker {
    /// FindCoordinator: this listener coordinates every group (node 0, the advertised address).
    func handleFindCoordinator(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        _ = try FindCoordinatorRequest.decode(version: request.version, from: &body)
        let response = FindCoordinatorResponse(
            errorMessage: request.version >= 1 ? "NONE" : nil, nodeId: Self.nodeId, host: advertised.host, port: Int32(advertised.port))
        return .respond(response.encoded(version: request.version))
    }
}
