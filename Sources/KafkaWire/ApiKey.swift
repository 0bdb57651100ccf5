/// The Kafka APIs the listener is to speak, with their wire keys.
public enum ApiKey: Int16, CaseIterable, Sendable {
    case produce = 0, fetch = 1, listOffsets = 2, metadata = 3
    case offsetCommit = 8, offsetFetch = 9, findCoordinator = 10, joinGroup = 11, heartbeat = 12
    case leaveGroup = 13, syncGroup = 14, apiVersions = 18, createTopics = 19, initProducerId = 22
}
