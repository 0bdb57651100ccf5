// swift-tools-version: 6.1
import PackageDescription

// No `platforms:` claim: streamstage is built and tested on Linux with glibc only (Terminal
// imports Glibc and ncursesw; the bench reads glibc's allocator), never on Apple platforms.
/// Every Swift target imports what it uses: no member reaches a file through another file's import.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "streamstage",
    products: [
        .executable(name: "streamstage", targets: ["streamstage"]),
        // The log, scenarios and engine as a library, for the Benchmarks/ package.
        .library(name: "StreamstageCore", targets: ["StreamLog", "Scenario", "Simulation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", exact: "0.2.0"),
        .package(url: "https://github.com/apple/swift-nio", .upToNextMinor(from: "2.101.0")),
        // gunzip for KafkaWireGzip (on SwiftNIO's ByteBuffer).
        .package(url: "https://github.com/adam-fowler/compress-nio", exact: "1.5.0"),
    ],
    targets: [
        // Pure core: the Kafka-faithful log. No IO, no wall clock.
        .target(name: "StreamLog", dependencies: [
            .product(name: "DequeModule", package: "swift-collections"),
        ], swiftSettings: swiftSettings),
        // Pure: scenario files (YAML) → validated model, generators, rate profiles.
        .target(name: "Scenario", dependencies: [
            "StreamLog",
            .product(name: "Yams", package: "Yams"),
        ], swiftSettings: swiftSettings),
        // The engine: virtual clock, producers, groups, processors, chains, metrics.
        .target(name: "Simulation", dependencies: [
            "StreamLog", "Scenario",
            .product(name: "DequeModule", package: "swift-collections"),
            .product(name: "HeapModule", package: "swift-collections"),
            .product(name: "Histogram", package: "hdrhistogram-swift"),
        ], swiftSettings: swiftSettings),
        // Pure: dashboard state, reducer and render into a cell grid.
        .target(name: "Dashboard", dependencies: ["Simulation", "StreamLog", "Scenario"], swiftSettings: swiftSettings),
        // Asciicast writer, frame encoder, input journal, exports.
        .target(name: "Recording", dependencies: ["Dashboard", "Simulation", "StreamLog", "Scenario"],
                swiftSettings: swiftSettings),
        // The only code that touches ncurses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "Terminal", dependencies: ["CNcursesw", "Dashboard"], swiftSettings: swiftSettings),
        // glibc's malloc tracing switches, for `streamstage bench`'s allocation count (declarations
        // only: the binary links the system allocator untouched).
        .systemLibrary(name: "CMallocTrace", path: "Sources/CMallocTrace"),
        // Pure: the Kafka wire codec (primitives, CRC-32C, framing, headers, RecordBatch v2, ApiVersions,
        // Metadata, Produce, Fetch, ListOffsets, InitProducerId, CreateTopics). No IO; standard library only.
        .target(name: "KafkaWire", swiftSettings: swiftSettings),
        // Gunzip for RecordBatch v2 codec 1, apart from KafkaWire because compress-nio needs SwiftNIO.
        .target(name: "KafkaWireGzip", dependencies: [
            "KafkaWire",
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        // The Kafka listener: a SwiftNIO server (framing, connections) handing decoded requests
        // to the log's one owner, and the broker's answers over the seam. The only NIO importer but KafkaWireGzip.
        .target(name: "KafkaListener", dependencies: [
            "KafkaWire", "KafkaWireGzip", "StreamLog", "Simulation",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ], swiftSettings: swiftSettings),
        // librdkafka's C API and its mock cluster (Debian's librdkafka-dev), for the cluster backend.
        .systemLibrary(name: "CRdkafka", pkgConfig: "rdkafka", providers: [.apt(["librdkafka-dev"])]),
        // A thin Swift wrapper of librdkafka: configuration, producer, consumer, admin, mock cluster.
        .target(name: "RdKafka", dependencies: ["CRdkafka"], swiftSettings: swiftSettings),
        // A real Kafka cluster behind the backend seam, through librdkafka.
        .target(name: "ClusterBackend", dependencies: ["StreamLog", "RdKafka"], swiftSettings: swiftSettings),
        // The command line.
        .executableTarget(name: "streamstage", dependencies: [
            "StreamLog", "Scenario", "Simulation", "Dashboard", "Recording", "Terminal", "CMallocTrace", "KafkaListener",
            "ClusterBackend", "RdKafka",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: swiftSettings),

        .testTarget(name: "StreamLogTests", dependencies: ["StreamLog"], swiftSettings: swiftSettings),
        // The Kafka-semantics suite, run against every backend (`Backend.all`).
        .testTarget(name: "ConformanceTests", dependencies: ["StreamLog", "Simulation", "ClusterBackend", "RdKafka"], swiftSettings: swiftSettings),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "StreamLog"], swiftSettings: swiftSettings),
        .testTarget(name: "SimulationTests", dependencies: ["Simulation", "Scenario", "StreamLog"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "Simulation", "Scenario"],
                    exclude: ["__Snapshots__"], swiftSettings: swiftSettings),
        .testTarget(name: "RecordingTests", dependencies: ["Recording", "Dashboard", "Simulation"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "KafkaWireTests", dependencies: ["KafkaWire"], swiftSettings: swiftSettings),
        .testTarget(name: "KafkaWireGzipTests", dependencies: ["KafkaWireGzip", "KafkaWire"], swiftSettings: swiftSettings),
        // Real Kafka clients (kcat, kafka-python, confluent-kafka) and hostile bytes against `streamstage serve`.
        .testTarget(name: "KafkaListenerTests", dependencies: ["streamstage", "KafkaListener", "KafkaWire", "Simulation", "Scenario", "StreamLog", .product(name: "NIOEmbedded", package: "swift-nio")],
                    swiftSettings: swiftSettings),
        // Test support for the Kafka tests: an independent broker process (noida-db) and bounded waits.
        .target(name: "KafkaTestSupport", path: "Tests/KafkaTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "RdKafkaTests", dependencies: ["RdKafka", "StreamLog", "KafkaTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "ClusterBackendTests", dependencies: ["ClusterBackend", "RdKafka", "Simulation", "Scenario", "StreamLog", "KafkaTestSupport"],
                    swiftSettings: swiftSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["streamstage", "Recording", "RdKafka", "KafkaTestSupport"], swiftSettings: swiftSettings),
    ]
)
