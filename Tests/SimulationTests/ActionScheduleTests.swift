import Testing

@testable import Simulation

/// The one rule journaled actions come back by: at their tick, before that tick is stepped; a run
/// ends at its `.end` after the actions of that tick.
struct ActionScheduleTests {
    static let journal = [
        TimedAction(tick: 0, action: .setSpeed(to: 2)),
        TimedAction(tick: 5, action: .addMember(group: "slow")),
        TimedAction(tick: 5, action: .nextStep),
        TimedAction(tick: 9, action: .killMember(group: "fast")),
        TimedAction(tick: 9, action: .end),
    ]

    @Test func handsOutEachActionAtItsTickInJournalOrder() {
        var schedule = ActionSchedule(Self.journal)
        var handedOut: [TimedAction] = []
        for tick in Int64(0)...12 {
            while let action = schedule.next(at: tick) { handedOut.append(TimedAction(tick: tick, action: action)) }
        }
        #expect(handedOut == Array(Self.journal.dropLast()))
        #expect(schedule.endTick == 9)
        #expect(!schedule.ends(at: 8))
        #expect(schedule.ends(at: 9))
        #expect(!ActionSchedule([]).ends(at: 1_000))
    }

    @Test func aScheduleStartingLaterPassesOverWhatCameBefore() {
        var schedule = ActionSchedule(Self.journal, from: 6)
        #expect(schedule.next(at: 6) == nil)
        #expect(schedule.next(at: 9) == .killMember(group: "fast"))
        #expect(schedule.next(at: 9) == nil)
    }

    @Test func liveHeadlessAndReplayApplyEachActionAtTheSameTick() throws {
        let presenter = try EngineTests.engine()
        presenter.run(untilMs: 2_000)
        presenter.apply(.addMember(group: "slow"))
        presenter.run(untilMs: 3_000)
        presenter.apply(.nextStep)
        presenter.apply(.setSpeed(to: 3))
        presenter.run(untilMs: 5_000)
        presenter.apply(.killMember(group: "slow"))
        // The presenter quits in the tick of their last action.
        let journal = presenter.journal + [TimedAction(tick: presenter.tick, action: .end)]

        let headless = try EngineTests.engine()
        headless.runHeadless(stepTimeMs: nil, scheduled: journal)
        // What the live loop does each tick.
        let live = try EngineTests.engine()
        var schedule = ActionSchedule(journal)
        while !live.applyDue(&schedule) { live.step() }

        #expect(headless.journal == journal)
        #expect(live.journal == presenter.journal)
        #expect(headless.tick == 500)
        #expect(live.tick == 500)
        #expect(headless.snapshot() == presenter.snapshot())
        #expect(live.snapshot() == presenter.snapshot())
    }

    @Test func goingBackDuringAReplayDoesNotRepeatTheActionThatBeganTheStep() throws {
        let presenter = try EngineTests.engine()
        presenter.run(untilMs: 1_000)
        presenter.apply(.nextStep)
        presenter.run(untilMs: 3_000)

        let replay = try EngineTests.engine()
        var schedule = ActionSchedule(presenter.journal)
        while replay.tick < presenter.tick {
            _ = replay.applyDue(&schedule)
            replay.step()
        }
        let back = try replay.rewound(toStep: 1)
        #expect(back.tick == 100)
        schedule = ActionSchedule(presenter.journal, resumingAfter: back)
        _ = back.applyDue(&schedule)
        back.step()
        #expect(back.stepIndex == 1)
        #expect(back.journal == presenter.journal)
    }
}
