import Simulation
import StreamLog

/// One appended record as a line of `--export-events`, in the style of `kcat -J`.
///
///     {"topic":"orders","partition":2,"offset":41,"tstype":"create","ts":10250,"key":"c-017","payload":{…},"headers":{}}
public enum EventExport {
    /// The JSON line for `record` (timestamps in ms of simulated time). A payload that is JSON
    /// is written as is; any other payload, the key and header values as JSON strings (bytes
    /// that are not UTF-8 as `\u00XX`).
    public static func line(_ record: AppendedRecord) -> String {
        var out = ContiguousArray<UInt8>()
        out.reserveCapacity(record.value.count + 128)
        out.append(contentsOf: "{\"topic\":".utf8)
        Value.appendJSONString(record.topic, to: &out)
        out.append(contentsOf: ",\"partition\":\(record.partition),\"offset\":\(record.offset),\"tstype\":".utf8)
        out.append(contentsOf: (record.timestampType == .logAppendTime ? "\"logappend\"" : "\"create\"").utf8)
        out.append(contentsOf: ",\"ts\":\(record.timestamp),\"key\":".utf8)
        if let key = record.key {
            key.withUnsafeBytes { Value.appendJSONString(bytes: $0, to: &out) }
        } else {
            out.append(contentsOf: "null".utf8)
        }
        out.append(contentsOf: ",\"payload\":".utf8)
        record.value.withUnsafeBytes { payload in
            if JSONFieldReader.isJSON(payload) {
                out.append(contentsOf: payload)
            } else {
                Value.appendJSONString(bytes: payload, to: &out)
            }
        }
        out.append(contentsOf: ",\"headers\":{".utf8)
        for (index, header) in record.headers.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            Value.appendJSONString(header.key, to: &out)
            out.append(UInt8(ascii: ":"))
            header.value.withUnsafeBytes { Value.appendJSONString(bytes: $0, to: &out) }
        }
        out.append(contentsOf: "}}".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
