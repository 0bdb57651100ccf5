import KafkaTestSupport
import RdKafka
import Testing

/// Properties files as Confluent Cloud hands them out, and secrets kept out of every message.
@Suite struct KafkaConfigTests {
    @Test func readsKeyValueLinesSkippingCommentsAndBlanks() throws {
        let text = """
            # Confluent Cloud
            bootstrap.servers=pkc-1.example:9092
            ! another comment

            security.protocol = SASL_SSL
            sasl.mechanisms: PLAIN
            sasl.password=s3cr3t=with=equals\r
            """
        let config = try KafkaConfig.parseProperties(text, path: "client.properties")
        #expect(config.properties.map(\.key) == ["bootstrap.servers", "security.protocol", "sasl.mechanisms", "sasl.password"])
        #expect(config["security.protocol"] == "SASL_SSL")
        #expect(config["sasl.mechanisms"] == "PLAIN")
        #expect(config["sasl.password"] == "s3cr3t=with=equals")
        #expect(config.properties[1].origin == "client.properties:5")
    }

    @Test func malformedLineIsNamedByNumberWithoutItsText() {
        let text = "bootstrap.servers=localhost:9092\nsasl.password hunter2\n"
        #expect(throws: KafkaConfig.PropertiesFileError(path: "c.properties", line: 2, problem: "expected key=value, found no '='")) {
            try KafkaConfig.parseProperties(text, path: "c.properties")
        }
        do {
            _ = try KafkaConfig.parseProperties(text, path: "c.properties")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test func keyWithSpacesIsRejected() {
        #expect(throws: KafkaConfig.PropertiesFileError(
            path: "p", line: 1, problem: "expected a property name of letters, digits, '.', '_' or '-' before '='")) {
            try KafkaConfig.parseProperties("sasl password=x", path: "p")
        }
    }

    @Test func secretsAreRedactedInDescriptionAndMessages() {
        var config = KafkaConfig(["bootstrap.servers": "b:9092"])
        config.set("sasl.password", "hunter2")
        config.set("ssl.key.password", "k3y")
        #expect(config.description == "bootstrap.servers=b:9092 sasl.password=*** ssl.key.password=***")
        #expect(config.redact("auth failed for hunter2 and k3y") == "auth failed for *** and ***")
    }

    @Test func unknownPropertyFailsWithItsFileLine() throws {
        let config = try KafkaConfig.parseProperties("bootstrap.servers=127.0.0.1:1\nno.such.thing=1\n", path: "p.properties")
        #expect(throws: KafkaError.self) { try KafkaClient(role: .producer, config: config) }
        do {
            _ = try KafkaClient(role: .producer, config: config)
        } catch {
            #expect(error.message == "p.properties:2: No such configuration property: \"no.such.thing\"")
            #expect(error.kind == .configuration)
        }
    }

    @Test func invalidSecretValueNeverEchoesTheSecret() {
        var config = KafkaConfig(["bootstrap.servers": "127.0.0.1:1"])
        config.set("sasl.password", "hunter2")
        config.set("security.protocol", "hunter2")  // an invalid value that happens to equal the secret
        do {
            _ = try KafkaClient(role: .producer, config: config)
            Issue.record("an invalid security.protocol was accepted")
        } catch {
            #expect(!error.message.contains("hunter2"))
            #expect(error.message.contains("security.protocol"))
        }
    }
}
