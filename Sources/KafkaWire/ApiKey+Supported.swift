/// The versions the listener answers for each API: the one table ApiVersions advertises.
///
/// Every range stops below the API's first flexible version (no tagged fields are spoken), and
/// starts low enough for librdkafka 2.0.2 (Metadata ≤ 4, ListOffsets ≤ 2). Measured against
/// kafka-python 3.0.12, confluent-kafka 2.16.1 and kcat 1.7.1; see the team's kafka-wire reference, §1.
extension ApiKey {
    /// The versions answered for this API.
    public var supportedVersions: ClosedRange<Int16> {
        switch self {
        case .produce: ProduceRequest.versions
        case .fetch: FetchRequest.versions
        case .listOffsets: ListOffsetsRequest.versions
        case .metadata: MetadataRequest.versions
        case .offsetCommit: OffsetCommitRequest.versions
        case .offsetFetch: OffsetFetchRequest.versions
        case .findCoordinator: FindCoordinatorRequest.versions
        case .joinGroup: JoinGroupRequest.versions
        case .heartbeat: HeartbeatRequest.versions
        case .leaveGroup: LeaveGroupRequest.versions
        case .syncGroup: SyncGroupRequest.versions
        case .apiVersions: ApiVersionsRequest.versions
        case .createTopics: CreateTopicsRequest.versions
        case .initProducerId: InitProducerIdRequest.versions
        }
    }

    /// Every API with its versions, in key order: the body of the ApiVersions answer.
    public static let supported: [ApiVersionRange] = allCases.map {
        ApiVersionRange(apiKey: $0.rawValue, minVersion: $0.supportedVersions.lowerBound, maxVersion: $0.supportedVersions.upperBound)
    }
}
