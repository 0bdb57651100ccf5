import KafkaListener
import Testing

/// `--listen [HOST:]PORT`: loopback by default, another host only when written, and a clear
/// reason for everything else.
struct ListenAddressTests {
    @Test func aPortAloneListensOnLoopbackOnly() throws {
        let address = try ListenAddress.parse("9092")
        #expect(address == ListenAddress(host: "127.0.0.1", port: 9092))
        #expect(address.isLoopback && address.reach == nil)
        #expect(address.description == "127.0.0.1:9092")
    }

    @Test func aWrittenHostIsUsedAndTheHeaderSaysWhoCanReachIt() throws {
        #expect(try ListenAddress.parse("localhost:9093") == ListenAddress(host: "localhost", port: 9093))
        #expect(try ListenAddress.parse("[::1]:9094").description == "[::1]:9094")
        #expect(try ListenAddress.parse("[::1]:9094").reach == nil)
        #expect(try ListenAddress.parse("0.0.0.0:9092").reach == "reachable from any machine")
        #expect(try ListenAddress.parse("192.0.2.7:9092").reach == "reachable via 192.0.2.7")
    }

    @Test(arguments: [
        ("", "--listen '': it is empty; expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        ("99999", "--listen '99999': '99999' is not a port number (0 to 65535); expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        ("localhost:", "--listen 'localhost:': '' is not a port number (0 to 65535); expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        (":9092", "--listen ':9092': the host before ':' is empty; expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        ("::1:9092", "--listen '::1:9092': an IPv6 host is written in brackets, as [::1]:9092; expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        ("ho st:1", "--listen 'ho st:1': 'ho st' is not a host name or IP address; expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
        ("[::1", "--listen '[::1': '[' has no ']'; expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"),
    ])
    func anUnreadableAddressSaysWhatWasExpected(_ text: String, _ message: String) {
        #expect(throws: ListenAddressError.self) { try ListenAddress.parse(text) }
        do {
            _ = try ListenAddress.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }
}
