import Simulation
import StreamLog

/// One appended record as a line of `--export-events`, in the style of `kcat -J`.
///
///     {"topic":"orders","partition":2,"offset":41,"tstype":"create","ts":10250,"key":"c-017","payload":{…},"headers":{}}
public enum EventExport {
    /// The JSON line for `record` (timestamps in ms of simulated time).
    public static func line(_ record: AppendedRecord) -> String {
        var out = "{\"topic\":"
        Value.appendJSONString(record.topic, to: &out)
        out += ",\"partition\":\(record.partition),\"offset\":\(record.offset),\"tstype\":"
        out += record.timestampType == .logAppendTime ? "\"logappend\"" : "\"create\""
        out += ",\"ts\":\(record.timestamp),\"key\":"
        if let key = record.key { Value.appendJSONString(key, to: &out) } else { out += "null" }
        out += ",\"payload\":"
        record.value.appendJSON(to: &out)
        out += ",\"headers\":{"
        for (index, header) in record.headers.enumerated() {
            if index > 0 { out += "," }
            Value.appendJSONString(header.key, to: &out)
            out += ":"
            Value.appendJSONString(header.value, to: &out)
        }
        out += "}}"
        return out
    }
}
