import KafkaWire

/// The one place a request finds its handler: a `switch` over the API key, each case calling a
/// `handleX` function in `Broker+X.swift`. A new API is a new case here, a new file, and its
/// versions in `ApiKey.supportedVersions` (KafkaWire).
extension Broker {
    /// The APIs and versions ApiVersions advertises: KafkaWire's one table.
    public static let advertisedVersions: [ApiVersionRange] = ApiKey.supported

    /// Answers a request whose header has been read; `body` is at the request body.
    func answer(_ request: Request, body: inout WireReader) -> Answer {
        guard let api = ApiKey(rawValue: request.header.apiKey) else {
            return .refuse("API key \(request.header.apiKey) is not a Kafka API this listener speaks")
        }
        if api != .apiVersions, let refusal = Self.versionRefusal(api, request.version) { return .refuse(refusal) }
        do {
            switch api {
            case .apiVersions: return try handleApiVersions(request, body: &body)
            case .metadata: return try handleMetadata(request, body: &body)
            case .produce: return try handleProduce(request, body: &body)
            case .fetch: return try handleFetch(request, body: &body)
            case .listOffsets: return try handleListOffsets(request, body: &body)
            case .initProducerId: return try handleInitProducerId(request, body: &body)
            case .createTopics: return try handleCreateTopics(request, body: &body)
            case .findCoordinator: return try handleFindCoordinator(request, body: &body)
            case .joinGroup: return try handleJoinGroup(request, body: &body)
            case .syncGroup: return try handleSyncGroup(request, body: &body)
            case .heartbeat: return try handleHeartbeat(request, body: &body)
            case .leaveGroup: return try handleLeaveGroup(request, body: &body)
            case .offsetCommit: return try handleOffsetCommit(request, body: &body)
            case .offsetFetch: return try handleOffsetFetch(request, body: &body)
            }
        } catch {
            return .refuse("\(api) v\(request.version) body unreadable: \(error)")
        }
    }

    /// Why `version` of `api` is not answered (outside the advertised range), or nil.
    static func versionRefusal(_ api: ApiKey, _ version: Int16) -> String? {
        guard let range = advertisedVersions.first(where: { $0.apiKey == api.rawValue }) else {
            return "\(api) is not answered by this listener"
        }
        guard version < range.minVersion || version > range.maxVersion else { return nil }
        return "\(api) v\(version) is not supported (answered: v\(range.minVersion)–v\(range.maxVersion))"
    }
}
