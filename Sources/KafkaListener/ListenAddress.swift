/// Where the Kafka listener binds and what it advertises: `--listen [HOST:]PORT`.
///
///     try ListenAddress.parse("9092")            // 127.0.0.1:9092, loopback
///     try ListenAddress.parse("0.0.0.0:9092")    // every interface, said in the header
///
/// HOST defaults to 127.0.0.1; another host is used only when written out, and then
/// ``reach`` says who can connect.
public struct ListenAddress: Equatable, Sendable, CustomStringConvertible {
    /// The host or IP address bound (and advertised in Metadata).
    public var host: String
    /// The TCP port; 0 lets the system pick one (tests), and the server reports the bound port.
    public var port: Int

    /// An address with the given host and port.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// `host:port`, IPv6 hosts in brackets.
    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Whether only this machine can connect (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Who can reach the listener, for the header: nil on loopback.
    public var reach: String? {
        guard !isLoopback else { return nil }
        if host == "0.0.0.0" || host == "::" { return "reachable from any machine" }
        return "reachable via \(host)"
    }

    /// Reads `[HOST:]PORT` (`[::1]:9092` for IPv6); throws a message saying what was expected.
    public static func parse(_ text: String) throws(ListenAddressError) -> ListenAddress {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw ListenAddressError(text: text, reason: "it is empty") }
        var host = "127.0.0.1"
        var portText = Substring(trimmed)
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else { throw ListenAddressError(text: text, reason: "'[' has no ']'") }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let rest = trimmed[trimmed.index(after: close)...]
            guard rest.hasPrefix(":") else { throw ListenAddressError(text: text, reason: "no ':PORT' after ']'") }
            portText = rest.dropFirst()
        } else if let colon = trimmed.lastIndex(of: ":") {
            host = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
            guard !host.contains(":") else {
                throw ListenAddressError(text: text, reason: "an IPv6 host is written in brackets, as [::1]:9092")
            }
        }
        guard !host.isEmpty else { throw ListenAddressError(text: text, reason: "the host before ':' is empty") }
        guard host.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":" }) else {
            throw ListenAddressError(text: text, reason: "'\(host)' is not a host name or IP address")
        }
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw ListenAddressError(text: text, reason: "'\(portText)' is not a port number (0 to 65535)")
        }
        return ListenAddress(host: host, port: port)
    }
}

/// An unreadable `--listen` value: what was given and why it is not `[HOST:]PORT`.
public struct ListenAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    /// One line for the command line.
    public var description: String {
        "--listen '\(text)': \(reason); expected [HOST:]PORT, e.g. 9092 or 127.0.0.1:9092"
    }
}

extension String {
    /// The text without leading and trailing spaces (no Foundation here).
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
