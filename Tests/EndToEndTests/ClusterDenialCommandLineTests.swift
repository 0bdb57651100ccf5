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

    @Test func aWrongPasswordIsOneMessageAndExitCode2() throws {
        let port = try NoidaBroker.freePort()
        let broker = try Self.startCredentialChecker(port: port, user: "presenter", password: "the-right-one")
        defer {
            kill(broker.processIdentifier, SIGKILL)
            broker.waitUntilExit()
        }
        let folder = try ClusterCommandLineTests.files(bootstrap: "127.0.0.1:\(port)",
                                                       extraLine: "security.protocol=SASL_PLAINTEXT\nsasl.mechanisms=PLAIN")
        defer { try? FileManager.default.removeItem(at: folder) }
        let properties = folder.appendingPathComponent("client.properties").path
        let started = Date()
        let run = try Binary.run(["run", folder.appendingPathComponent("cluster-cli.yaml").path, "--headless", "--kafka-config", properties])
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(run.status == 2)
        #expect(run.out.isEmpty)
        // librdkafka's own words carry how long the refused state lasted ("after 0ms"): the rest is exact.
        #expect(run.err.hasPrefix("streamstage: the Kafka cluster at 127.0.0.1:\(port) refused the credentials: sasl_plaintext://"
                                  + "127.0.0.1:\(port)/bootstrap: SASL authentication error: Authentication failed: Invalid username or password"))
        #expect(run.err.hasSuffix(" (check sasl.mechanisms, sasl.username and sasl.password in \(properties))\n"))
        #expect(run.err.split(separator: "\n").count == 1)
        #expect(!run.err.contains(ClusterCommandLineTests.secret))
    }

    /// `Tests/kafka/sasl_plain_broker.py` on 127.0.0.1:`port`, once it accepts connections (at most 10 s).
    static func startCredentialChecker(port: Int, user: String, password: String) throws -> Process {
        let python = NoidaBroker.venv.appendingPathComponent("bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "run Tests/kafka/setup.sh to make .venv-kafka")
        let process = Process()
        process.executableURL = python
        process.arguments = [Binary.packageRoot.appendingPathComponent("Tests/kafka/sasl_plain_broker.py").path, "\(port)", user, password]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while !NoidaBroker.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                throw CheckerDidNotListen(port: port)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return process
    }
}

/// The credential checker did not listen within 10 s.
struct CheckerDidNotListen: Error, CustomStringConvertible {
    let port: Int
    var description: String { "sasl_plain_broker.py did not listen on 127.0.0.1:\(port) within 10 s" }
}
