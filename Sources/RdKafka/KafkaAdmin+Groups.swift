import CRdkafka
import Glibc

/// A consumer group as ListConsumerGroups / DescribeConsumerGroups report it.
public struct GroupDescription: Equatable, Sendable {
    /// One member and the partitions assigned to it.
    public struct Member: Equatable, Sendable {
        public var memberId: String
        public var clientId: String
        public var host: String
        public var partitions: [TopicPartition]
    }

    public var groupId: String
    /// `Stable`, `PreparingRebalance`, `CompletingRebalance`, `Empty`, `Dead` or `Unknown`.
    public var state: String
    /// The assignor in use (`range`, `roundrobin`, `cooperative-sticky`), "" when empty.
    public var assignor: String
    public var members: [Member]
}

/// Consumer groups: list, describe, committed offsets, delete.
extension KafkaAdmin {
    /// The group ids on the cluster, sorted.
    public func listGroups() throws(KafkaError) -> [String] {
        try request(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, "list groups") { options, queue in
            rd_kafka_ListConsumerGroups(client.handle, options, queue)
        } read: { event in
            var count = 0
            guard let listings = rd_kafka_ListConsumerGroups_result_valid(rd_kafka_event_ListConsumerGroups_result(event), &count)
            else { return [] }
            return (0..<count).compactMap { listings[$0] }.map {
                String(cString: rd_kafka_ConsumerGroupListing_group_id($0))
            }.sorted()
        }
    }

    /// Describes `groups`: state, assignor, members and their partitions.
    public func describeGroups(_ groups: [String]) throws(KafkaError) -> [GroupDescription] {
        var names = groups.map { strdup($0) }
        defer { names.forEach { free($0) } }
        return try request(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, "describe groups") { options, queue in
            names.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress?.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                    rd_kafka_DescribeConsumerGroups(client.handle, $0, buffer.count, options, queue)
                }
            }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_DescribeConsumerGroups_result_groups(
                rd_kafka_event_DescribeConsumerGroups_result(event), &count) else { return [] }
            var descriptions: [GroupDescription] = []
            for index in 0..<count {
                guard let group = results[index] else { continue }
                let id = String(cString: rd_kafka_ConsumerGroupDescription_group_id(group))
                if let error = rd_kafka_ConsumerGroupDescription_error(group) {
                    throw KafkaError(code: rd_kafka_error_code(error).rawValue,
                                     message: "describe group \(id): \(String(cString: rd_kafka_error_string(error)))")
                }
                descriptions.append(Self.description(of: group, id: id))
            }
            return descriptions
        }
    }

    private static func description(of group: OpaquePointer, id: String) -> GroupDescription {
        let members = (0..<rd_kafka_ConsumerGroupDescription_member_count(group)).compactMap { index -> GroupDescription.Member? in
            guard let member = rd_kafka_ConsumerGroupDescription_member(group, index) else { return nil }
            var partitions: [TopicPartition] = []
            if let assignment = rd_kafka_MemberDescription_assignment(member),
               let list = rd_kafka_MemberAssignment_partitions(assignment) {
                partitions = TopicPartitionList.partitions(of: list).sorted()
            }
            return GroupDescription.Member(
                memberId: String(cString: rd_kafka_MemberDescription_consumer_id(member)),
                clientId: String(cString: rd_kafka_MemberDescription_client_id(member)),
                host: String(cString: rd_kafka_MemberDescription_host(member)), partitions: partitions)
        }
        let state = String(cString: rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(group)))
        let assignor = rd_kafka_ConsumerGroupDescription_partition_assignor(group).map { String(cString: $0) } ?? ""
        return GroupDescription(groupId: id, state: state, assignor: assignor,
                                members: members.sorted { $0.memberId < $1.memberId })
    }

    /// The group's committed offsets (OffsetFetch for all its partitions); partitions without a
    /// commit are left out.
    public func committedOffsets(group: String) throws(KafkaError) -> [TopicPartition: Int64] {
        try committedOffsets(group: group, partitions: nil)
    }

    /// The group's committed offsets of `partitions` (nil: all of them; some brokers, such as
    /// librdkafka's mock cluster, answer only for named partitions).
    public func committedOffsets(group: String, partitions: [TopicPartition]?) throws(KafkaError) -> [TopicPartition: Int64] {
        let list = partitions.map { TopicPartitionList.make($0) }
        defer { if let list { rd_kafka_topic_partition_list_destroy(list) } }
        guard let query = rd_kafka_ListConsumerGroupOffsets_new(group, list) else {
            throw .wrapper("committed offsets of \(group): librdkafka could not allocate a request")
        }
        var queries: [OpaquePointer?] = [query]
        defer { rd_kafka_ListConsumerGroupOffsets_destroy(query) }
        return try request(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, "committed offsets of \(group)") { options, queue in
            queries.withUnsafeMutableBufferPointer {
                rd_kafka_ListConsumerGroupOffsets(client.handle, $0.baseAddress, $0.count, options, queue)
            }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_ListConsumerGroupOffsets_result_groups(
                rd_kafka_event_ListConsumerGroupOffsets_result(event), &count), count > 0, let result = results[0]
            else { return [:] }
            try Self.throwError(ofGroup: result, "committed offsets of \(group)")
            var offsets: [TopicPartition: Int64] = [:]
            if let list = rd_kafka_group_result_partitions(result) {
                for (partition, offset, _) in TopicPartitionList.entries(of: list) where offset >= 0 { offsets[partition] = offset }
            }
            return offsets
        }
    }

    /// Deletes `groups` (they must be empty); throws the first group's error.
    public func deleteGroups(_ groups: [String]) throws(KafkaError) {
        var handles: [OpaquePointer?] = groups.map { rd_kafka_DeleteGroup_new($0) }
        defer { handles.withUnsafeMutableBufferPointer { rd_kafka_DeleteGroup_destroy_array($0.baseAddress, $0.count) } }
        try request(RD_KAFKA_ADMIN_OP_DELETEGROUPS, "delete groups") { options, queue in
            handles.withUnsafeMutableBufferPointer { rd_kafka_DeleteGroups(client.handle, $0.baseAddress, $0.count, options, queue) }
        } read: { (event) throws(KafkaError) in
            var count = 0
            guard let results = rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(event), &count) else { return }
            for index in 0..<count {
                guard let result = results[index] else { continue }
                try Self.throwError(ofGroup: result, "delete group \(String(cString: rd_kafka_group_result_name(result)))")
            }
        }
    }

    /// Throws the error a group result of an admin request carries, if any, as "`what`: reason".
    static func throwError(ofGroup result: OpaquePointer, _ what: String) throws(KafkaError) {
        guard let error = rd_kafka_group_result_error(result) else { return }
        throw KafkaError(code: rd_kafka_error_code(error).rawValue, message: "\(what): \(String(cString: rd_kafka_error_string(error)))")
    }
}
