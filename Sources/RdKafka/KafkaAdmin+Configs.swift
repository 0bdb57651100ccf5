import CRdkafka

/// Topic configs: read (DescribeConfigs) and replace (AlterConfigs).
extension KafkaAdmin {
    /// The configs set on topic `name` itself (source `DYNAMIC_TOPIC_CONFIG`), as DescribeConfigs
    /// reports them; the broker's defaults are left out.
    public func topicConfigs(_ name: String) throws(KafkaError) -> [String: String] {
        guard let resource = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name) else {
            throw .wrapper("configs of topic \(name): librdkafka could not allocate a request")
        }
        var resources: [OpaquePointer?] = [resource]
        defer { rd_kafka_ConfigResource_destroy(resource) }
        return try request(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, "configs of topic \(name)") { options, queue in
            resources.withUnsafeMutableBufferPointer {
                rd_kafka_DescribeConfigs(client.handle, $0.baseAddress, $0.count, options, queue)
            }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(event), &count),
                  count > 0, let result = results[0]
            else { return [:] }
            try Self.throwError(of: result, "configs of topic \(name)")
            var entryCount = 0
            guard let entries = rd_kafka_ConfigResource_configs(result, &entryCount) else { return [:] }
            var configs: [String: String] = [:]
            for index in 0..<entryCount {
                guard let entry = entries[index], rd_kafka_ConfigEntry_source(entry) == RD_KAFKA_CONFIG_SOURCE_DYNAMIC_TOPIC_CONFIG,
                      let value = rd_kafka_ConfigEntry_value(entry)
                else { continue }
                configs[String(cString: rd_kafka_ConfigEntry_name(entry))] = String(cString: value)
            }
            return configs
        }
    }

    /// Sets topic `name`'s dynamic configs to exactly `configs` (AlterConfigs, which is not
    /// incremental: a config left out goes back to the broker's default).
    public func replaceTopicConfigs(_ name: String, with configs: [String: String]) throws(KafkaError) {
        guard let resource = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, name) else {
            throw .wrapper("alter configs of topic \(name): librdkafka could not allocate a request")
        }
        var resources: [OpaquePointer?] = [resource]
        defer { rd_kafka_ConfigResource_destroy(resource) }
        for (key, value) in configs.sorted(by: { $0.key < $1.key }) {
            let err = rd_kafka_ConfigResource_set_config(resource, key, value)
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError.from(err, "alter configs of topic \(name): \(key)") }
        }
        try request(RD_KAFKA_ADMIN_OP_ALTERCONFIGS, "alter configs of topic \(name)") { options, queue in
            resources.withUnsafeMutableBufferPointer {
                rd_kafka_AlterConfigs(client.handle, $0.baseAddress, $0.count, options, queue)
            }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_AlterConfigs_result_resources(rd_kafka_event_AlterConfigs_result(event), &count),
                  count > 0, let result = results[0]
            else { return }
            try Self.throwError(of: result, "alter configs of topic \(name)")
        }
    }

    private static func throwError(of resource: OpaquePointer, _ what: String) throws(KafkaError) {
        let err = rd_kafka_ConfigResource_error(resource)
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
        let text = rd_kafka_ConfigResource_error_string(resource).map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(err))
        throw KafkaError(code: err.rawValue, message: "\(what): \(text)")
    }
}
