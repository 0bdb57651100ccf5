import Dashboard
import Testing

@Suite struct KeymapTests {
    private let keymap = Keymap.standard

    @Test(arguments: [
        (Key.right, DashboardCommand.nextStep), (.character("n"), .nextStep), (.left, .previousStep),
        (.character("p"), .previousStep), (.character("1"), .jumpToStep(1)), (.character("9"), .jumpToStep(9)),
        (.character(" "), .togglePause), (.character("+"), .faster), (.character("="), .faster),
        (.character("-"), .slower), (.tab, .focusNext), (.backTab, .focusPrevious), (.character("a"), .addMember),
        (.character("k"), .killMember), (.character("f"), .toggleFeedFreeze), (.character("/"), .filterFeed),
        (.character("r"), .restart), (.character("R"), .toggleRecordingPause), (.character("?"), .toggleHelp),
        (.function(1), .toggleHelp), (.escape, .escape), (.character("q"), .quit), (.controlC, .quit),
    ])
    func keyTriggersCommand(key: Key, command: DashboardCommand) {
        #expect(keymap.command(for: key) == command)
    }

    @Test func unboundKeysTriggerNothing() {
        #expect(keymap.command(for: .character("0")) == nil)
        #expect(keymap.command(for: .resize) == nil)
        #expect(keymap.command(for: .character("x")) == nil)
    }

    @Test func noKeyIsBoundTwice() {
        let keys = keymap.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func helpRowsMergeTheJumpKeysAndFollowTheTable() {
        let groups = keymap.helpRows(glyphs: .braille)
        #expect(groups.map(\.group) == KeyGroup.allCases)
        #expect(groups[0].rows.map(\.keys) == ["→ n", "← p", "1–9", "r"])
        #expect(groups[0].rows[2].help == "jump to step")
        #expect(groups.last?.rows.last == KeyHelpRow(keys: "q ctrl-c", help: "quit"))
        let rows = groups.flatMap(\.rows).count
        #expect(rows == keymap.bindings.count - 8)
    }

    @Test func asciiHelpSpellsOutArrows() {
        let first = keymap.helpRows(glyphs: .ascii)[0].rows
        #expect(first.map(\.keys) == ["right n", "left p", "1-9", "r"])
    }
}
