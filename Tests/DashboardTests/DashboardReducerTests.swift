import Dashboard
import Foundation
import Scenario
import Simulation
import Testing

/// Every key of the keymap, through the reducer: the state it leaves and the effects it asks for.
struct DashboardReducerTests {
    static let world: WorldSnapshot = {
        let path = DashboardRenderTests.demoData + "/\(ScenarioLoader.defaultScenario).yaml"
        guard let spec = try? ScenarioLoader.load(path: path), let engine = try? Engine(scenario: spec) else {
            preconditionFailure("the default scenario must load")
        }
        engine.run(untilMs: 3_000)
        return engine.snapshot()
    }()

    func press(_ keys: Key..., from start: DashboardState = DashboardState()) -> (DashboardState, [DashboardEffect]) {
        var state = start
        var effects: [DashboardEffect] = []
        for key in keys { effects += state.reduce(key, world: Self.world) }
        return (state, effects)
    }

    @Test func stepKeysAskTheEngine() {
        #expect(press(.right).1 == [.control(.nextStep)])
        #expect(press(.character("n")).1 == [.control(.nextStep)])
        #expect(press(.left).1 == [.previousStep])
        #expect(press(.character("p")).1 == [.previousStep])
        #expect(press(.character("3")).1 == [.jumpToStep(3)])
        #expect(press(.character("r")).1 == [.restart])
    }

    @Test func spacePausesAndResumes() {
        #expect(press(.character(" ")).0.paused)
        #expect(!press(.character(" "), .character(" ")).0.paused)
    }

    @Test func plusAndMinusStepTheSpeedWithinItsRange() {
        #expect(press(.character("+")).0.speed == 2)
        #expect(press(.character("=")).0.speed == 2)
        #expect(press(.character("-")).0.speed == 0.5)
        let fastest = (0..<12).reduce(DashboardState()) { state, _ in press(.character("+"), from: state).0 }
        #expect(fastest.speed == 20)
    }

    @Test func tabCyclesThroughTheGroupsAndEscapeLeaves() {
        #expect(press(.tab).0.focusedGroup == "payments")
        #expect(press(.tab, .tab).0.focusedGroup == "inventory")
        #expect(press(.backTab).0.focusedGroup == "shipping")
        #expect(press(.tab, .tab, .tab, .tab).0.focusedGroup == nil)
        #expect(press(.tab, .escape).0.focusedGroup == nil)
    }

    @Test func memberKeysActOnTheFocusedGroup() {
        #expect(press(.tab, .tab, .character("a")).1 == [.control(.addMember(group: "inventory"))])
        #expect(press(.tab, .character("k")).1 == [.control(.killMember(group: "payments"))])
        let (state, effects) = press(.character("k"))
        #expect(effects == [.control(.killMember(group: "payments"))])
        #expect(state.focusedGroup == "payments")
    }

    @Test func theFeedFreezesOnWhatWasShownAndFiltersByWhatIsTyped() {
        let frozen = press(.character("f")).0
        #expect(frozen.frozenFeed == Self.world.feed)
        #expect(!press(.character("f"), .character("f")).0.feedFrozen)
        let typing = press(.character("/"), .character("s"), .character("h"), .character("x"), .backspace)
        #expect(typing.0.filterDraft == "sh")
        #expect(typing.1.isEmpty)
        let applied = press(.character("/"), .character("s"), .character("h"), .enter)
        #expect(applied.0.feedFilter == "sh")
        #expect(applied.0.filterDraft == nil)
        #expect(press(.character("/"), .character("q"), .escape).0 == DashboardState())
        #expect(press(.character("/"), .character("x"), .enter, .escape).0.feedFilter == nil)
    }

    @Test func helpTogglesAndEscapeClosesIt() {
        #expect(press(.character("?")).0.helpVisible)
        #expect(press(.function(1)).0.helpVisible)
        #expect(!press(.character("?"), .escape).0.helpVisible)
    }

    @Test func recordingKeyOnlyActsWhileRecording() {
        #expect(press(.character("R")).1.isEmpty)
        var recording = DashboardState()
        recording.recording = .recording
        #expect(press(.character("R"), from: recording).1 == [.toggleRecording])
    }

    @Test func quitAndControlCQuitEvenWhileTypingAFilter() {
        #expect(press(.character("q")).1 == [.quit])
        #expect(press(.controlC).0.quitRequested)
        #expect(press(.character("/"), .controlC).1 == [.quit])
        #expect(press(.character("/"), .character("q")).1.isEmpty)
    }
}
