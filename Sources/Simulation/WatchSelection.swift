/// Which topics and groups `streamstage watch` follows, and the `--ratio` pairs it reports.
///
/// Patterns match whole names (as Kafka's tools do). Internal topics (names starting with `_`,
/// such as `__consumer_offsets` or `_schemas`) are hidden unless the topics pattern names them.
///
/// Sendable by hand: every property is immutable, and the compiled patterns are only matched.
public struct WatchSelection: @unchecked Sendable {
    /// `--topics`, as given; nil follows every topic.
    public let topicPattern: String?
    /// `--groups`, as given; nil follows every group.
    public let groupPattern: String?
    /// `--ratio IN:OUT`, in the order given.
    public let ratios: [(input: String, output: String)]
    private let topicRegex: Regex<AnyRegexOutput>?
    private let groupRegex: Regex<AnyRegexOutput>?

    /// A pattern that is not a regular expression, or a ratio that is not `IN:OUT`.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Compiles the patterns and reads the ratios; throws a message naming the flag and what was expected.
    public init(topics: String? = nil, groups: String? = nil, ratios: [String] = []) throws(Problem) {
        topicPattern = topics
        groupPattern = groups
        topicRegex = try Self.compile(topics, flag: "--topics")
        groupRegex = try Self.compile(groups, flag: "--groups")
        var pairs: [(String, String)] = []
        for ratio in ratios {
            let parts = ratio.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw Problem(description: "--ratio '\(ratio)': expected IN:OUT, two topic names, e.g. firewall:siem")
            }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        self.ratios = pairs
    }

    private static func compile(_ pattern: String?, flag: String) throws(Problem) -> Regex<AnyRegexOutput>? {
        guard let pattern else { return nil }
        do {
            return try Regex(pattern)
        } catch {
            throw Problem(description: "\(flag) '\(pattern)': not a regular expression (\(error))")
        }
    }

    /// Whether the watch shows `topic`: it matches `--topics` (or there is none), and an internal
    /// topic only when the pattern names it. `--ratio` topics are always shown.
    public func showsTopic(_ topic: String) -> Bool {
        if ratios.contains(where: { $0.input == topic || $0.output == topic }) { return true }
        if topic.hasPrefix("_"), !(topicPattern?.contains(topic) ?? false) { return false }
        guard let topicRegex else { return true }
        return (try? topicRegex.wholeMatch(in: topic)) != nil
    }

    /// Whether the watch follows `group`.
    public func followsGroup(_ group: String) -> Bool {
        guard let groupRegex else { return true }
        return (try? groupRegex.wholeMatch(in: group)) != nil
    }
}
