import CRdkafka

extension KafkaClient {
    /// Polls a consumer-type client for up to `maxRecords` records, waiting up to `timeoutMs` for
    /// the first; `body` sees each record's bytes during the call only. Rebalances and events are
    /// served on the way; consumer errors (other than reaching a partition's end) go to `onEvent`.
    func consume(maxRecords: Int, timeoutMs: Int32, each body: (ConsumedRecord) -> Void) -> Int {
        var count = 0
        var wait = timeoutMs
        while count < maxRecords, let message = rd_kafka_consumer_poll(handle, wait) {
            defer { rd_kafka_message_destroy(message) }
            wait = 0
            let err = message.pointee.err
            guard err == RD_KAFKA_RESP_ERR_NO_ERROR else {
                if err != RD_KAFKA_RESP_ERR__PARTITION_EOF { report(.error(KafkaError.from(err, "consume"), fatal: false)) }
                continue
            }
            body(ConsumedRecord(message))
            count += 1
        }
        return count
    }
}
