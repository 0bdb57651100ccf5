import CRdkafka

/// The consumer's rebalance callback: applies the assignment librdkafka hands over — all at once
/// for eager assignors, incrementally for cooperative-sticky — then tells the client's handler.
enum Rebalance {
    static func handle(
        _ rk: OpaquePointer, _ err: rd_kafka_resp_err_t, _ list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        _ callbacks: ClientCallbacks?
    ) {
        let partitions = list.map { TopicPartitionList.partitions(of: $0) } ?? []
        let protocolName = rd_kafka_rebalance_protocol(rk).map { String(cString: $0) } ?? "NONE"
        let rebalanceProtocol = RebalanceProtocol(rawValue: protocolName) ?? .eager
        let cooperative = rebalanceProtocol == .cooperative
        switch err {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if cooperative {
                report(rd_kafka_incremental_assign(rk, list), callbacks, "incremental assign")
            } else {
                report(rd_kafka_assign(rk, list), callbacks, "assign")
            }
            callbacks?.onEvent(.assigned(partitions, protocol: rebalanceProtocol))
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            callbacks?.onEvent(.revoked(partitions, protocol: rebalanceProtocol))
            if cooperative {
                report(rd_kafka_incremental_unassign(rk, list), callbacks, "incremental unassign")
            } else {
                report(rd_kafka_assign(rk, nil), callbacks, "unassign")
            }
        default:
            // An error during the rebalance: give everything up, as librdkafka's docs ask.
            callbacks?.onEvent(.error(KafkaError.from(err, "rebalance"), fatal: false))
            report(rd_kafka_assign(rk, nil), callbacks, "unassign")
        }
    }

    private static func report(_ result: OpaquePointer?, _ callbacks: ClientCallbacks?, _ what: String) {
        if let result { callbacks?.onEvent(.error(KafkaError.consuming(result, what), fatal: false)) }
    }

    private static func report(_ result: rd_kafka_resp_err_t, _ callbacks: ClientCallbacks?, _ what: String) {
        if result != RD_KAFKA_RESP_ERR_NO_ERROR { callbacks?.onEvent(.error(KafkaError.from(result, what), fatal: false)) }
    }
}
