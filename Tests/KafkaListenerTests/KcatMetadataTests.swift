import Foundation
import Testing

/// kcat's metadata view: the scenario's topics with their partition counts, and this listener
/// as the one broker (node 0, the controller).
@Suite(.serialized) struct KcatMetadataTests {
    @Test func kcatListsTheScenariosTopicsAndPartitionCounts() throws {
        let serve = try ServeProcess("consumer-groups-101")
        defer { serve.stop() }
        let result = try KafkaClient.kcat(["-b", serve.bootstrap, "-L", "-J", "-m", "10"])
        #expect(result.status == 0, "\(result.out)")
        let json = try #require(result.out.split(separator: "\n").first { $0.hasPrefix("{") })
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let brokers = try #require(metadata["brokers"] as? [[String: Any]])
        #expect(brokers.count == 1)
        #expect(brokers.first?["id"] as? Int == 0)
        #expect(brokers.first?["name"] as? String == serve.bootstrap)
        let topics = try #require(metadata["topics"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: topics.compactMap { topic -> (String, Int)? in
            guard let name = topic["topic"] as? String, let partitions = topic["partitions"] as? [Any] else { return nil }
            return (name, partitions.count)
        })
        #expect(counts == ["payments": 12, "payments-keyless": 12])
        #expect(serve.stop() == 0)
        #expect(serve.output.contains("] stopped by signal after "))
    }
}
