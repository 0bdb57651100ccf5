import Foundation
import KafkaTestSupport
import RdKafka

/// Polls every consumer (their rebalances and records are served only while polled) until
/// `condition` holds or `seconds` pass.
func pollAll(_ consumers: [KafkaConsumer], within seconds: Double, each: (Int, ConsumedRecord) -> Void = { _, _ in },
             until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        for (index, consumer) in consumers.enumerated() {
            consumer.poll(maxRecords: 500, timeoutMs: 10) { each(index, $0) }
        }
        if condition() { return true }
    }
    return condition()
}

/// Client settings for tests on loopback: quiet logs, quick metadata and group timings.
func testConfig(_ bootstrap: String, _ extra: [String: String] = [:]) -> KafkaConfig {
    var config = KafkaConfig([
        "bootstrap.servers": bootstrap, "log_level": "0", "topic.metadata.refresh.interval.ms": "1000",
    ])
    for (key, value) in extra.sorted(by: { $0.key < $1.key }) { config.set(key, value) }
    return config
}

/// A consumer configuration for `group` with `strategy`, reading from the earliest offset.
func consumerConfig(_ bootstrap: String, group: String, strategy: String = "range", extra: [String: String] = [:]) -> KafkaConfig {
    testConfig(bootstrap, [
        "group.id": group, "partition.assignment.strategy": strategy, "auto.offset.reset": "earliest",
        "enable.auto.commit": "false", "session.timeout.ms": "6000", "heartbeat.interval.ms": "500",
    ].merging(extra) { $1 })
}
