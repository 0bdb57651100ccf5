import RdKafka
import Testing

/// Broker states from librdkafka's statistics JSON (the shape librdkafka 2.0.2 emits).
struct KafkaStatisticsTests {
    @Test func learnedBrokersByNodeIdBootstrapAndLogicalOnesLeftOut() {
        let json = """
            {"name":"rdkafka#producer-1","type":"producer","brokers":{
              "127.0.0.1:39201/bootstrap":{"name":"127.0.0.1:39201/bootstrap","nodeid":-1,"state":"UP","source":"configured"},
              "127.0.0.1:39201/1":{"name":"127.0.0.1:39201/1","nodeid":1,"state":"UP","source":"learned"},
              "127.0.0.1:39202/2":{"name":"127.0.0.1:39202/2","nodeid":2,"state":"CONNECT","source":"learned"},
              "GroupCoordinator":{"name":"GroupCoordinator","nodeid":-1,"state":"UP","source":"logical"}}}
            """
        #expect(KafkaStatistics.brokerStates(json) == [1: "UP", 2: "CONNECT"])
    }

    @Test func textThatIsNotStatisticsGivesNoStates() {
        #expect(KafkaStatistics.brokerStates("").isEmpty)
        #expect(KafkaStatistics.brokerStates("{\"brokers\":[1,2]}").isEmpty)
        #expect(KafkaStatistics.brokerStates("[]").isEmpty)
    }
}
