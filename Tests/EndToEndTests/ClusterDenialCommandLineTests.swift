import Foundation
import KafkaTestSupport
import RdKafka
import Testing

/// A cluster that refuses the run: an ACL denial and a wrong password are each one message naming
/// the cause within 15 s, exit code 2, nothing on standard output, and never the password.
@Suite(.serialized) struct ClusterDenialCommandLineTests {
    @Test func anACLDenialIsOneMessageAndExitCode2() throws {
        let cluster = try MockCluster(brokers: 1)
        try cluster.createTopic("streamstage.orders", partitions: 3)  // the mock answers no CreateTopics
        // A principal without Describe on the topic: the broker answers TOPIC_AUTHORIZATION_FAILED (29)
        // to ListOffsets (2), which the run asks first for each partition's log end.
        cluster.failNext(20, requestsOf: 2, with: 29)
        let folder = try ClusterCommandLineTests.files(bootstrap: cluster.bootstrapServers)
        defer { try? FileManager.default.removeItem(at: folder) }
        let started = Date()
        let run = try Binary.run(["run", folder.appendingPathComponent("cluster-cli.yaml").path, "--headless",
                                  "--kafka-config", folder.appendingPathComponent("client.properties").path])
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        #expect(run.err == "streamstage: the Kafka cluster at \(cluster.bootstrapServers) denied access: watermarks of "
                + "streamstage.orders-0: Broker: Topic authorization failed (check the ACLs for the prefix's topics and groups)\n")
        #expect(!run.err.contains(ClusterCommandLineTests.secret))
    }
}
