import CRdkafka

/// The Swift side of a client's C callbacks, passed to librdkafka as the configuration's opaque
/// pointer.
///
/// Ownership: the client retains it once (`Unmanaged.passRetained`) before `rd_kafka_new` and
/// releases it once after `rd_kafka_destroy` returned — librdkafka calls no callback after that.
/// Its handlers are immutable `@Sendable` closures, so calls from librdkafka's threads (delivery
/// reports and errors on the polling thread, rebalances inside the consumer's poll) race on nothing.
final class ClientCallbacks: Sendable {
    let onEvent: @Sendable (KafkaEvent) -> Void
    let onDelivery: @Sendable (DeliveryReport) -> Void

    init(onEvent: @escaping @Sendable (KafkaEvent) -> Void, onDelivery: @escaping @Sendable (DeliveryReport) -> Void) {
        self.onEvent = onEvent
        self.onDelivery = onDelivery
    }

    /// The callbacks behind a configuration opaque.
    static func from(_ opaque: UnsafeMutableRawPointer?) -> ClientCallbacks? {
        opaque.map { Unmanaged<ClientCallbacks>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Installs the C trampolines on `conf` and the retained opaque; returns it for the release.
    func install(on conf: OpaquePointer, consumer: Bool) -> UnsafeMutableRawPointer {
        let opaque = Unmanaged.passRetained(self).toOpaque()
        rd_kafka_conf_set_opaque(conf, opaque)
        rd_kafka_conf_set_error_cb(conf) { _, err, reason, opaque in
            guard let callbacks = ClientCallbacks.from(opaque) else { return }
            let code = rd_kafka_resp_err_t(err)
            let text = reason.map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(code))
            callbacks.onEvent(.error(KafkaError(code: err, message: text), fatal: code == RD_KAFKA_RESP_ERR__FATAL))
        }
        rd_kafka_conf_set_stats_cb(conf) { _, json, length, opaque in
            guard let callbacks = ClientCallbacks.from(opaque), let json else { return 0 }
            let text = json.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }
            callbacks.onEvent(.statistics(text))
            return 0  // librdkafka frees the JSON
        }
        if consumer {
            rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
                guard let rk else { return }
                Rebalance.handle(rk, err, partitions, ClientCallbacks.from(opaque))
            }
            rd_kafka_conf_set_offset_commit_cb(conf) { _, err, list, opaque in
                guard let callbacks = ClientCallbacks.from(opaque), err != RD_KAFKA_RESP_ERR__NO_OFFSET else { return }
                // An asynchronous commit's answer: the offsets kept, then any refusal (of the
                // request, or of one partition). _NO_OFFSET (nothing to commit) is no failure.
                var kept: [TopicPartition: Int64] = [:]
                var refusal = err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : err
                for entry in list.map({ TopicPartitionList.entries(of: $0) }) ?? [] {
                    if err == RD_KAFKA_RESP_ERR_NO_ERROR, entry.err == RD_KAFKA_RESP_ERR_NO_ERROR, entry.offset >= 0 {
                        kept[entry.0] = entry.offset
                    } else if entry.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                        refusal = refusal ?? entry.err
                    }
                }
                if !kept.isEmpty { callbacks.onEvent(.committed(kept)) }
                if let refusal { callbacks.onEvent(.error(KafkaError.from(refusal, "commit"), fatal: false)) }
            }
        } else {
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
                guard let callbacks = ClientCallbacks.from(opaque), let message else { return }
                callbacks.onDelivery(DeliveryReport(message.pointee))
            }
        }
        return opaque
    }
}

extension DeliveryReport {
    /// The report of a delivered (or failed) message; its per-message opaque is the tag.
    init(_ message: rd_kafka_message_t) {
        let topic = message.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let failed = message.err != RD_KAFKA_RESP_ERR_NO_ERROR
        self.init(
            topic: topic, partition: message.partition, offset: failed ? -1 : message.offset,
            error: failed ? KafkaError.from(message.err, "delivery to \(topic) failed") : nil,
            tag: Int(bitPattern: message._private))
    }
}
