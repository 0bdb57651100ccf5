import Simulation
import StreamLog

/// The reducer: keys become state changes and effects.
extension DashboardState {
    /// Handles one key against the keymap; `world` is what is on screen (its groups are the focus
    /// cycle, its feed is what a freeze keeps).
    ///
    /// While a feed filter is being typed, printable keys edit it, enter applies it and escape
    /// cancels it; no other command fires.
    public mutating func reduce(_ key: Key, world: WorldSnapshot, keymap: Keymap = .standard) -> [DashboardEffect] {
        if let draft = filterDraft {
            switch key {
            case .enter:
                feedFilter = draft.isEmpty ? nil : draft
                filterDraft = nil
            case .escape:
                filterDraft = nil
            case .backspace, .delete:
                filterDraft = String(draft.dropLast())
            case .character(let character):
                filterDraft = draft + String(character)
            case .controlC:
                return reduce(.quit, world: world)
            default:
                break
            }
            return []
        }
        guard let command = keymap.command(for: key) else { return [] }
        return reduce(command, world: world)
    }

    /// Applies one command.
    public mutating func reduce(_ command: DashboardCommand, world: WorldSnapshot) -> [DashboardEffect] {
        let groups = world.groups.map(\.name)
        switch command {
        case .nextStep:
            return [.control(.nextStep)]
        case .previousStep:
            return [.previousStep]
        case .jumpToStep(let step):
            return [.jumpToStep(step)]
        case .restart:
            return [.restart]
        case .togglePause:
            paused.toggle()
        case .faster, .slower:
            guard listener == nil else {
                refusal = "speed stays \u{D7}1 while listening: Kafka clients see wall-clock time"
                return []
            }
            speed = Pacer.speed(after: speed, up: command == .faster)
        case .focusNext, .focusPrevious:
            focusedGroup = Self.cycle(focusedGroup, through: groups, forward: command == .focusNext)
            describeFirstRow = 0
        case .scrollUp, .scrollDown:
            scroll(down: command == .scrollDown, world: world)
        case .addMember:
            guard let group = focusedGroup ?? groups.first else { return [] }
            focusedGroup = group
            return [.control(.addMember(group: group))]
        case .killMember:
            guard let group = focusedGroup ?? groups.first else { return [] }
            focusedGroup = group
            return [.control(.killMember(group: group))]
        case .toggleFeedFreeze:
            frozenFeed = frozenFeed == nil ? world.feed : nil
        case .filterFeed:
            filterDraft = feedFilter ?? ""
        case .toggleRecordingPause:
            return recording == nil ? [] : [.toggleRecording]
        case .mark:
            return recording == nil ? [] : [.mark]
        case .toggleHelp:
            helpVisible.toggle()
        case .escape:
            if helpVisible {
                helpVisible = false
            } else if feedFilter != nil {
                feedFilter = nil
            } else {
                focusedGroup = nil
                describeFirstRow = 0
            }
        case .quit:
            quitRequested = true
            return [.quit]
        }
        return []
    }

    /// Moves the describe table of the focused group, or else the narration, by one page, within
    /// what there is to show.
    mutating func scroll(down: Bool, world: WorldSnapshot) {
        let pages = DashboardView.pages(world, state: self)
        if let focused = focusedGroup, let group = world.groups.first(where: { $0.name == focused }) {
            let last = max(0, group.lag.partitions.count - pages.describeRows)
            let moved = describeFirstRow + (down ? pages.describeRows : -pages.describeRows)
            describeFirstRow = min(last, max(0, moved))
            return
        }
        let step = world.script.stepIndex
        let current = narrationScroll?.step == step ? narrationScroll?.firstLine ?? 0 : 0
        let last = max(0, pages.narrationLines - pages.narrationRows)
        let moved = current + (down ? pages.narrationRows : -pages.narrationRows)
        narrationScroll = NarrationScroll(step: step, firstLine: min(last, max(0, moved)))
    }

    /// The next (or previous) name after `current` in `names`; nil past either end.
    static func cycle(_ current: String?, through names: [String], forward: Bool) -> String? {
        guard !names.isEmpty else { return nil }
        guard let current, let index = names.firstIndex(of: current) else {
            return forward ? names.first : names.last
        }
        let next = forward ? index + 1 : index - 1
        return names.indices.contains(next) ? names[next] : nil
    }
}
