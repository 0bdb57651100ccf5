import KafkaWire

/// The one place a request finds its handler: a `switch` over the API key, each case calling a
/// `handleX` function in `Broker+X.swift`. A new API is a new case here, a new file, and a row
/// in ``Broker/advertisedVersions``.
extension Broker {
    /// The APIs and versions the listener answers, as ApiVersions advertises them.
    public static let advertisedVersions: [ApiVersionRange] = [
        ApiVersionRange(apiKey: ApiKey.apiVersions.rawValue, minVersion: 0, maxVersion: 2),
        ApiVersionRange(apiKey: ApiKey.metadata.rawValue, minVersion: 1, maxVersion: 1),
    ]

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
            case .produce, .fetch, .listOffsets, .initProducerId, .createTopics,
                 .findCoordinator, .joinGroup, .syncGroup, .heartbeat, .leaveGroup, .offsetCommit, .offsetFetch:
                return .refuse("\(api) is not answered yet")
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
