/// The keys of `streamstage watch`: what a live cluster lets the presenter do (no steps, speed
/// or members to drive), plus `m` for a marker in the recording.
extension Keymap {
    /// The watch's keys, in help order.
    public static let watch = Keymap([
        KeyBinding([.tab], .focusNext, help: "next group (describe)", group: .panels),
        KeyBinding([.backTab], .focusPrevious, help: "previous group", group: .panels),
        KeyBinding([.character("["), .pageUp], .scrollUp, help: "page up", group: .panels),
        KeyBinding([.character("]"), .pageDown], .scrollDown, help: "page down", group: .panels),
        KeyBinding([.character("f")], .toggleFeedFreeze, help: "freeze the feed", group: .feed),
        KeyBinding([.character("/")], .filterFeed, help: "filter the feed", group: .feed),
        KeyBinding([.character("m")], .mark, help: "marker in the recording", group: .general),
        KeyBinding([.character("R")], .toggleRecordingPause, help: "pause recording", group: .general),
        KeyBinding([.character("?"), .function(1)], .toggleHelp, help: "this help", group: .general),
        KeyBinding([.escape], .escape, help: "close / cancel", group: .general),
        KeyBinding([.character("q"), .controlC], .quit, help: "quit", group: .general),
    ])
}
