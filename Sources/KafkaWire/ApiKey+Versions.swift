extension ApiKey {
    /// Throws ``WireError/unsupportedVersion(apiKey:version:)`` unless `versions` holds `version`.
    func check(_ version: Int16, in versions: ClosedRange<Int16>) throws(WireError) {
        guard versions.contains(version) else { throw .unsupportedVersion(apiKey: rawValue, version: version) }
    }
}
