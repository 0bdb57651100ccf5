import Simulation
import StreamLog

extension Grid {
    /// The title bar: scenario, step and marker, sim clock, speed, PAUSED, the recording light, a
    /// stopped journal and the backend's fault (`! broker … is down`).
    mutating func drawHeader(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let header = theme.style(.header)
        fill(rect, with: Cell(" ", style: header))
        let step = world.script.stepCount > 0
            ? "step \(world.script.stepIndex + 1)/\(world.script.stepCount) \(world.script.marker)"
            : "no script"
        var right: [(String, CellStyle)] = []
        if state.paused { right.append((" PAUSED ", theme.style(.paused))) }
        switch state.recording {
        case .recording: right.append((" \(theme.glyphs.flowDot) REC ", theme.style(.recording)))
        case .paused: right.append((" REC paused ", theme.style(.muted)))
        case .failed(let message): right.append((" REC stopped: \(message) ", theme.style(.error)))
        case nil: break
        }
        if let problem = state.journalProblem { right.append((" \(problem) ", theme.style(.error))) }
        if let seed = state.pickedSeed { right.append((" seed \(seed) ", theme.style(.muted))) }
        if let listener = state.listener {
            let clients = "\(listener.clients) client\(listener.clients == 1 ? "" : "s")"
            right.append((" kafka \(listener.address)\(theme.dot)\(clients) ", theme.style(.accent)))
            if let reach = listener.reach { right.append((" \(reach) ", theme.style(.warn))) }
        }
        if let fault = world.fault {
            // The fault in a third of the line at most: the feed has the whole message.
            let room = max(8, rect.width / 3 - 4)
            let text = fault.message.count > room ? String(fault.message.prefix(room - 1)) + String(theme.glyphs.ellipsis) : fault.message
            right.append((" ! \(text) ", theme.style(.error)))
        }
        var speed = Self.speedText(state.speed, times: theme.glyphs.times)
        if let achieved = Self.achievedText(state.achievedSpeed, chosen: state.speed, times: theme.glyphs.times) { speed += " (\(achieved))" }
        right.append(world.cluster == nil ? (" \(Self.clock(world.nowMs))  \(speed) ", header) : (" \(Self.clock(world.nowMs)) ", header))
        let rightWidth = right.reduce(0) { $0 + $1.0.count }
        var x = rect.x
        let titleRoom = min(rect.width * 2 / 5, rect.width - rightWidth - 12)
        x = put(" \(world.title) ", in: Rect(x: x, y: rect.y, width: max(0, min(titleRoom, world.title.count + 2)), height: 1),
                style: header.bolded, ellipsis: theme.glyphs.ellipsis)
        let stepRoom = rect.maxX - rightWidth - x
        if stepRoom > 4 {
            let text = world.cluster.map { Fit.join(Self.clusterParts($0), separator: theme.dot, width: stepRoom - theme.dot.count) } ?? step
            put(theme.dot + text, in: Rect(x: x, y: rect.y, width: stepRoom, height: 1), style: header,
                ellipsis: theme.glyphs.ellipsis)
        }
        var rx = rect.maxX - rightWidth
        for (text, style) in right {
            rx = put(text, x: max(rect.x, rx), y: rect.y, style: style)
        }
    }

    /// The bottom line: how the step ends, the feed filter, and the most used keys.
    mutating func drawFooter(_ world: WorldSnapshot, state: DashboardState, in rect: Rect, theme: Theme) {
        let muted = theme.style(.muted)
        if let draft = state.filterDraft {
            let text = "filter the feed: \(draft)\(theme.glyphTier == .ascii ? "_" : "▏")  (enter apply\(theme.dot)esc cancel)"
            put(text, in: rect.inset(left: 1), style: theme.style(.accent), ellipsis: theme.glyphs.ellipsis)
            return
        }
        let arrows = theme.glyphTier == .ascii ? "n/p" : "→/←"
        let hints = world.cluster != nil ? Self.watchHints : ["\(arrows) step", "space pause", "+/- speed", "tab group", "[ ] scroll", "a/k member", "f freeze", "/ filter", "? help", "q quit"]
        var left = world.script.ended ? "the end — q to quit, r to restart" : world.script.advance
        if let refusal = state.refusal { left = refusal }
        if let filter = state.feedFilter { left += "\(theme.dot)feed: '\(filter)'" }
        if state.feedFrozen { left += "\(theme.dot)feed frozen" }
        let leftWidth = min(left.count + 2, rect.width)
        put(" " + left, in: Rect(x: rect.x, y: rect.y, width: leftWidth, height: 1), style: theme.style(.title),
            ellipsis: theme.glyphs.ellipsis)
        let room = rect.width - leftWidth - 1
        // Whole hints only, the last ones dropped first, but `? help` and `q quit` kept longest.
        let keys = Fit.join(hints.enumerated().map { Fit.Part($1, priority: $1.hasPrefix("?") || $1.hasPrefix("q") ? 99 : -$0) },
                            separator: theme.dot, width: max(0, room))
        if room > 10, !keys.isEmpty {
            put(keys, in: Rect(x: rect.maxX - min(room, keys.count) - 1, y: rect.y, width: min(room, keys.count), height: 1),
                style: muted, ellipsis: theme.glyphs.ellipsis)
        }
    }

    /// The footer's keys when watching a cluster: no steps, speed or members to drive.
    static let watchHints = ["tab group", "[ ] scroll", "f freeze", "/ filter", "m marker", "R rec", "? help", "q quit"]

    /// The header's cluster parts, `cluster Xy3z · brokers 2/3 up · controller 1`: the brokers
    /// stay longest, then the controller; each is drawn whole or left out.
    static func clusterParts(_ cluster: ClusterStatus) -> [Fit.Part] {
        let down = cluster.brokersTotal - cluster.brokersUp
        let brokers = "brokers \(cluster.brokersUp)/\(cluster.brokersTotal) up" + (down > 0 ? " (\(down) DOWN)" : "")
        return [Fit.Part("cluster \(cluster.clusterId ?? "?")", priority: 1), Fit.Part(brokers, priority: 3),
                Fit.Part("controller \(cluster.controllerId.map(String.init) ?? "?")", priority: 2)]
    }

    /// Simulated time as `mm:ss.t`.
    static func clock(_ ms: Int64) -> String {
        let tenths = ms / 100
        let seconds = tenths / 10
        let minutes = seconds / 60
        return "\(minutes < 10 ? "0" : "")\(minutes):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60).\(tenths % 10)"
    }

    /// The speed the engine achieved, `×1.1 achieved`, when it is clearly below the chosen one
    /// (under 90 %); nil while it keeps up or nothing was measured.
    static func achievedText(_ achieved: Double?, chosen: Double, times: Character) -> String? {
        guard let achieved, achieved < chosen * 0.9 else { return nil }
        let tenths = Int((achieved * 10).rounded())
        let number = achieved >= 9.95 ? "\(Int(achieved.rounded()))" : "\(tenths / 10).\(tenths % 10)"
        return "\(times)\(number) achieved"
    }

    /// The speed multiplier: `×1`, `×0.5`, `×20` (`x1` in ASCII).
    static func speedText(_ speed: Double, times: Character) -> String {
        speed == speed.rounded() ? "\(times)\(Int(speed))" : "\(times)\(speed)"
    }
}

extension CellStyle {
    /// The same style, bold.
    var bolded: CellStyle {
        var style = self
        style.bold = true
        return style
    }
}
