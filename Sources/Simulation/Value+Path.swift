import StreamLog

extension Value {
    /// The value at a dotted field path (`source.ip`): each segment reads a field of the object
    /// the previous one found; nil when a segment is missing or not an object. A field whose
    /// own name contains the dots (a window's output `source.ip`) wins.
    func value(atPath path: String) -> Value? {
        if let direct = self[path] { return direct }
        guard path.contains(".") else { return nil }
        var current: Value? = self
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            current = current?[String(segment)]
        }
        return current
    }
}

extension Record {
    /// The value at a dotted field path of the record's JSON value, as `Value.value(atPath:)`
    /// reads it; a plain field is read without decoding the rest. nil when the value is not JSON.
    func value(atPath path: String) -> Value? {
        if let direct = field(path) { return direct }
        guard path.contains(".") else { return nil }
        return json?.value(atPath: path)
    }
}
