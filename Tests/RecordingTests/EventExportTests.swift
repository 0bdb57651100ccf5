import Recording
import Scenario
import StreamLog
import Testing

@testable import Simulation

/// `--export-events` lines in the style of `kcat -J`: a JSON payload as is, any other payload
/// (text, binary), the key and header values as JSON strings.
struct EventExportTests {
    func line(key: [UInt8]?, value: [UInt8], headers: [Header] = []) -> String {
        EventExport.line(AppendedRecord(
            topic: "raw", partition: 2, offset: 41, timestamp: 10_250, timestampType: .createTime,
            key: key, value: value, headers: headers))
    }

    @Test func aJSONPayloadIsWrittenAsIs() {
        #expect(line(key: Array("c-017".utf8), value: Array(#"{"amount":42.5,"tags":["a"]}"#.utf8))
            == #"{"topic":"raw","partition":2,"offset":41,"tstype":"create","ts":10250,"key":"c-017","payload":{"amount":42.5,"tags":["a"]},"headers":{}}"#)
    }

    @Test func textIsAJSONStringAndBytesThatAreNotUTF8AreEscaped() {
        #expect(line(key: nil, value: Array("amount=42\t\"ok\"".utf8))
            == #"{"topic":"raw","partition":2,"offset":41,"tstype":"create","ts":10250,"key":null,"payload":"amount=42\t\"ok\"","headers":{}}"#)
        #expect(line(key: [0xC0], value: [0x00, 0xFF, 0xC3, 0xA9, 0x7B], headers: [Header("trace", [0x01, 0x41])])
            == #"{"topic":"raw","partition":2,"offset":41,"tstype":"create","ts":10250,"key":"\u00c0","payload":"\u0000\u00ffé{","headers":{"trace":"\u0001A"}}"#)
    }

    @Test func anEngineExportsWhatItAppendedByteForByte() throws {
        let yaml = """
            scenario: 1
            id: export
            title: "Export"
            story: "Exports."
            seed: 1
            topics:
              raw: { partitions: 1 }
            script:
              - id: one
                say: "Export."
            """
        let engine = try Engine(scenario: try ScenarioLoader.parse(yaml: yaml, file: "export.yaml"))
        var lines: [String] = []
        engine.onAppend = { lines.append(EventExport.line($0)) }
        engine.append(OutputRecord(topic: "raw", key: nil, value: [0xFF, 0x0A]), now: 5)
        engine.append(OutputRecord(topic: "raw", key: Array("k".utf8), value: Array("[1,2]".utf8)), now: 6)
        #expect(lines == [
            #"{"topic":"raw","partition":0,"offset":0,"tstype":"create","ts":5,"key":null,"payload":"\u00ff\n","headers":{}}"#,
            #"{"topic":"raw","partition":0,"offset":1,"tstype":"create","ts":6,"key":"k","payload":[1,2],"headers":{}}"#,
        ])
    }
}
