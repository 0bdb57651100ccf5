import KafkaWire

extension Broker {
    /// InitProducerId: a fresh producer id at epoch 0, which an idempotent producer (kafka-python's
    /// default) needs before its first Produce. Transactions are not offered: a transactional id
    /// is answered UNSUPPORTED_VERSION.
    func handleInitProducerId(_ request: Request, body: inout WireReader) throws(WireError) -> Answer {
        let asked = try InitProducerIdRequest.decode(version: request.version, from: &body)
        guard asked.transactionalId == nil else {
            return .respond(InitProducerIdResponse(errorCode: .unsupportedVersion, producerId: -1, producerEpoch: -1)
                .encoded(version: request.version))
        }
        nextProducerId += 1
        return .respond(InitProducerIdResponse(producerId: nextProducerId, producerEpoch: 0).encoded(version: request.version))
    }
}
