/// Where a binding is listed in the help overlay.
public enum KeyGroup: String, Hashable, Sendable, CaseIterable {
    case steps = "Steps"
    case playback = "Playback"
    case panels = "Panels"
    case feed = "Feed"
    case general = "General"
}

/// Keys that trigger one command, and how the help overlay describes them.
public struct KeyBinding: Hashable, Sendable {
    public var keys: [Key]
    public var command: DashboardCommand
    public var help: String
    public var group: KeyGroup

    public init(_ keys: [Key], _ command: DashboardCommand, help: String, group: KeyGroup) {
        self.keys = keys
        self.command = command
        self.help = help
        self.group = group
    }
}

/// The one table of key bindings: the input handler looks keys up in it and the `?` overlay is
/// drawn from it, so the two never disagree.
public struct Keymap: Hashable, Sendable {
    /// Bindings in help order.
    public var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command `key` triggers, if any (the first binding that lists it wins).
    public func command(for key: Key) -> DashboardCommand? {
        for binding in bindings where binding.keys.contains(key) { return binding.command }
        return nil
    }

    /// The dashboard's keys.
    public static let standard = Keymap(
        [
            KeyBinding([.right, .character("n")], .nextStep, help: "next step", group: .steps),
            KeyBinding([.left, .character("p")], .previousStep, help: "previous step", group: .steps),
        ]
        + (1...9).map { step in
            KeyBinding([.character(Character(String(step)))], .jumpToStep(step), help: "jump to step", group: .steps)
        }
        + [
            KeyBinding([.character("r")], .restart, help: "restart", group: .steps),
            KeyBinding([.character(" ")], .togglePause, help: "pause / resume", group: .playback),
            KeyBinding([.character("+"), .character("=")], .faster, help: "faster", group: .playback),
            KeyBinding([.character("-")], .slower, help: "slower", group: .playback),
            KeyBinding([.tab], .focusNext, help: "next panel or group", group: .panels),
            KeyBinding([.backTab], .focusPrevious, help: "previous panel or group", group: .panels),
            KeyBinding([.character("["), .pageUp], .scrollUp, help: "page up", group: .panels),
            KeyBinding([.character("]"), .pageDown], .scrollDown, help: "page down", group: .panels),
            KeyBinding([.character("a")], .addMember, help: "add a group member", group: .panels),
            KeyBinding([.character("k")], .killMember, help: "kill a group member", group: .panels),
            KeyBinding([.character("f")], .toggleFeedFreeze, help: "freeze the feed", group: .feed),
            KeyBinding([.character("/")], .filterFeed, help: "filter the feed", group: .feed),
            KeyBinding([.character("R")], .toggleRecordingPause, help: "pause recording", group: .general),
            KeyBinding([.character("?"), .function(1)], .toggleHelp, help: "this help", group: .general),
            KeyBinding([.escape], .escape, help: "close / cancel", group: .general),
            KeyBinding([.character("q"), .controlC], .quit, help: "quit", group: .general),
        ]
    )
}
