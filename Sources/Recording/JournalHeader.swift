import Dashboard

/// The first line of a journal: what is needed to start the same talk again.
public struct JournalHeader: Codable, Equatable, Sendable {
    /// The journal format this build writes and reads.
    public static let currentFormat = 1

    /// The journal format version.
    public var format: Int
    /// The scenario's name.
    public var scenarioName: String
    /// The scenario file's path, as given on the command line.
    public var scenarioPath: String
    /// The hash of the scenario file's bytes.
    public var scenarioHash: ContentHash
    /// The seed of the run's random source.
    public var seed: UInt64
    /// The simulation speed at the start.
    public var initialSpeed: Double
    /// The terminal size at the start.
    public var terminalSize: TerminalSize

    /// Creates a header in the current format unless told otherwise.
    public init(
        scenarioName: String, scenarioPath: String, scenarioHash: ContentHash,
        seed: UInt64, initialSpeed: Double, terminalSize: TerminalSize,
        format: Int = JournalHeader.currentFormat
    ) {
        self.format = format
        self.scenarioName = scenarioName
        self.scenarioPath = scenarioPath
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.initialSpeed = initialSpeed
        self.terminalSize = terminalSize
    }

    private enum CodingKeys: String, CodingKey {
        case format = "journal", scenarioName, scenarioPath, scenarioHash, seed, initialSpeed, cols, rows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        scenarioName = try container.decode(String.self, forKey: .scenarioName)
        scenarioPath = try container.decode(String.self, forKey: .scenarioPath)
        let hashText = try container.decode(String.self, forKey: .scenarioHash)
        guard let hash = ContentHash(hashText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .scenarioHash, in: container,
                debugDescription: "expected fnv1a64: and 16 lowercase hex digits")
        }
        scenarioHash = hash
        seed = try container.decode(UInt64.self, forKey: .seed)
        // Range-checked like --speed and --size: a journal is input too.
        initialSpeed = try Self.decode(Double.self, .initialSpeed, in: 0.1...20, container)
        terminalSize = TerminalSize(
            cols: try Self.decode(Int.self, .cols, in: 10...1000, container),
            rows: try Self.decode(Int.self, .rows, in: 5...500, container))
    }

    /// The value at `key`, or a decoding error naming the range it is outside of.
    private static func decode<Value: Decodable & Comparable>(
        _ type: Value.Type, _ key: CodingKeys, in range: ClosedRange<Value>, _ container: KeyedDecodingContainer<CodingKeys>
    ) throws -> Value {
        let value = try container.decode(Value.self, forKey: key)
        guard range.contains(value) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "expected \(range.lowerBound) to \(range.upperBound), found \(value)")
        }
        return value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(scenarioName, forKey: .scenarioName)
        try container.encode(scenarioPath, forKey: .scenarioPath)
        try container.encode(scenarioHash.description, forKey: .scenarioHash)
        try container.encode(seed, forKey: .seed)
        try container.encode(initialSpeed, forKey: .initialSpeed)
        try container.encode(terminalSize.cols, forKey: .cols)
        try container.encode(terminalSize.rows, forKey: .rows)
    }
}

/// One journal line after the header: an action and the simulation tick it happened at.
public struct JournalEntry<Action: Codable>: Codable {
    /// The simulation tick the action happened at.
    public var tick: UInt64
    /// The action, as the engine defines it.
    public var action: Action

    /// Creates an entry.
    public init(tick: UInt64, action: Action) {
        self.tick = tick
        self.action = action
    }
}

extension JournalEntry: Equatable where Action: Equatable {}
extension JournalEntry: Sendable where Action: Sendable {}
