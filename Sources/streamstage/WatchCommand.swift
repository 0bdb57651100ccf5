import ArgumentParser
import Dashboard
import Foundation
import Scenario
import RdKafka
import Simulation

/// `streamstage watch`: the dashboard on an existing Kafka cluster's topics and groups.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch a real Kafka cluster: throughput, lag per group, rebalances and sampled records, full-screen.")

    @Option(name: .customLong("bootstrap-servers"), help: "The cluster's brokers, HOST:PORT[,HOST:PORT…].")
    var bootstrapServers: String

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file (security.protocol, sasl.*, ssl.*, …).")
    var kafkaConfig: String?

    @Option(help: "Only topics whose whole name matches this regular expression (internal topics only when named).")
    var topics: String?

    @Option(help: "Only consumer groups whose whole name matches this regular expression.")
    var groups: String?

    @Option(help: "IN:OUT — show what share of IN's bytes and records OUT keeps (repeatable).")
    var ratio: [String] = []

    @Flag(help: "No terminal: sample until --duration or a signal; use with --export-metrics or --record.")
    var headless = false

    @Option(parsing: .unconditional, help: "Headless: stop after this much wall time (e.g. 30s, 5m; at most 24h).")
    var duration: String?

    @Option(name: .customLong("export-metrics"), help: "Headless: write one CSV row per second per topic and group.")
    var exportMetrics: String?

    @Option(help: "Record the session as an asciicast v2 file.")
    var record: String?

    @Option(parsing: .unconditional, help: "Headless recording: the terminal size to render, e.g. 120x40.")
    var size: String?

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    func run() throws {
        let durationMs = try durationOption(duration, "--duration")
        let renderSize = try size.map { text throws(UserFacingError) in
            try option { () throws(OptionValueError) in try OptionValue.size(text, option: "--size") }
        }
        if !headless, exportMetrics != nil || duration != nil {
            throw UserFacingError(message: "--export-metrics and --duration need --headless (a live watch runs until q)")
        }
        if headless, durationMs == nil {
            throw UserFacingError(message: "--headless needs --duration (e.g. --duration 60s): a headless watch must end by itself")
        }
        let selection: WatchSelection
        do {
            selection = try WatchSelection(topics: topics, groups: groups, ratios: ratio)
        } catch {
            throw UserFacingError(message: error.description)
        }
        let config = try Self.config(bootstrap: bootstrapServers, file: kafkaConfig)
        let watch = WatchSession(
            bootstrap: bootstrapServers, config: config, selection: selection, theme: (ascii, noColor))
        if headless {
            try watch.runHeadless(durationMs: durationMs ?? 0, exportMetrics: exportMetrics, record: record,
                                  size: TerminalSize(cols: renderSize?.cols ?? 120, rows: renderSize?.rows ?? 40))
        } else {
            try watch.runLive(record: record)
        }
    }

    /// The client configuration: the properties file, then `bootstrap.servers` from the flag,
    /// each address checked as HOST:PORT.
    static func config(bootstrap: String, file: String?) throws(UserFacingError) -> KafkaConfig {
        let addresses = bootstrap.split(separator: ",", omittingEmptySubsequences: false)
        for address in addresses {
            let parts = address.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2, !(parts.dropLast().joined(separator: ":").isEmpty), let port = Int(parts[parts.count - 1]),
                  (1...65_535).contains(port) else {
                throw UserFacingError(
                    message: "--bootstrap-servers '\(bootstrap)': expected HOST:PORT[,HOST:PORT…] with ports 1 to 65535, found '\(address)'")
            }
        }
        var config = KafkaConfig()
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw UserFacingError(message: "--kafka-config \(file): cannot read the file")
            }
            do {
                config = try KafkaConfig.parseProperties(String(decoding: data, as: UTF8.self), path: file)
            } catch {
                throw UserFacingError(message: "--kafka-config \(error.description)")
            }
        }
        config.set("bootstrap.servers", bootstrap)
        config.set("client.id", "streamstage-watch")
        // librdkafka's own log lines would land on the dashboard's terminal.
        config.set("log_level", "0")
        return config
    }
}
