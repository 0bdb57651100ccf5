import Simulation
import StreamLog

extension GroupStatus {
    /// How many members are real Kafka clients that joined over the wire.
    var externalMembers: Int { membership.members.filter(\.isExternal).count }

    /// The mark of a group real clients are in: `ext` when only they are, `+2 ext` beside
    /// simulated members, "" for none. Words, not a glyph: it reads in ASCII and at 80×24.
    var externalTag: String {
        let count = externalMembers
        guard count > 0 else { return "" }
        return count == membership.members.count ? "ext" : "+\(count) ext"
    }

    /// The mark where room is short: `ext` for any group real clients are in.
    var shortExternalTag: String { externalMembers > 0 ? "ext" : "" }
}
