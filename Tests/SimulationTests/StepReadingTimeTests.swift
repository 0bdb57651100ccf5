import Scenario
import Testing

@testable import Simulation

/// No step leaves the screen before its narration can be read, unless the presenter presses a key;
/// the rehearsal names the steps whose own rule would end them sooner.
struct StepReadingTimeTests {
    /// Step two's condition holds from the start (siem-reduction's old step 2); step three's
    /// `after` is shorter than its reading time.
    static let script = """
        scenario: 1
        id: pace
        title: Pace
        seed: 7
        topics:
          orders: { partitions: 3 }
        producers:
          web:
            topic: orders
            rate: { constant: 100 }
            record:
              amount: { uniform: [1, 100] }
        groups:
          fast: { topic: orders, members: 1, process: { per_record: 1ms }, commit: per_batch }
        script:
          - id: one
            marker: One
            say: Just run.
            advance: { after: 5s }
          - id: two
            marker: Two
            say: Already true.
            advance: { when: "produced(web) > 0", timeout: 60s }
          - id: three
            marker: Three
            say: Too short.
            advance: { after: 1s }
          - id: four
            marker: Four
            say: The end.
            advance: key
        """

    static func engine() throws -> Engine {
        try Engine(scenario: try ScenarioLoader.parse(yaml: script, file: "pace.yaml"))
    }

    @Test func readingTimeIsThreeWordsASecondPlusOneSecondAndAtLeastFour() {
        func step(_ words: Int) -> Step {
            Step(id: "s", marker: "S", say: Array(repeating: "word", count: words).joined(separator: " "), actions: [])
        }
        #expect(step(2).readingMs == 4_000)
        #expect(step(9).readingMs == 4_000)
        #expect(step(10).readingMs == 4_333)
        #expect(step(24).readingMs == 9_000)
    }

    @Test func aConditionTrueFromTheStartStillLeavesTheStepOnScreenForItsReadingTime() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 5_010)
        #expect(engine.stepIndex == 1 && engine.stepStartTicks == [0, 500])
        engine.run(untilMs: 7_000)
        #expect(engine.stepIndex == 1)
        #expect(engine.advanceDescription == "produced(web) > 0 holds — next step in 2 s (reading time)")
        engine.run(untilMs: 9_000)
        #expect(engine.stepIndex == 2 && engine.stepStartTicks == [0, 500, 900])
    }

    @Test func anAfterShorterThanTheReadingTimeWaitsForTheReading() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 9_500)
        #expect(engine.stepIndex == 2)
        #expect(engine.advanceDescription == "next step in 3.5 s")
        engine.run(untilMs: 13_000)
        #expect(engine.stepIndex == 3 && engine.stepStartTicks == [0, 500, 900, 1_300])
        #expect(engine.timedOutSteps.isEmpty)
    }

    @Test func aKeyEndsAStepAtOnce() throws {
        let engine = try Self.engine()
        engine.run(untilMs: 1_000)
        engine.apply(.nextStep)
        #expect(engine.stepIndex == 1)
        engine.apply(.nextStep)
        #expect(engine.stepIndex == 2 && engine.stepStartTicks == [0, 100, 100])
    }

    /// Reading time is wall-clock time: at ×2 it is twice the simulated time, and the journaled
    /// speed change makes a rewind (and a replay) end the step at the same tick.
    @Test func atTwiceTheSpeedAStepStaysTwiceTheSimulatedTime() throws {
        let engine = try Self.engine()
        engine.apply(.setSpeed(to: 2))
        engine.run(untilMs: 7_990)
        #expect(engine.stepIndex == 0)
        engine.run(untilMs: 8_000)
        #expect(engine.stepIndex == 1 && engine.stepStartTicks == [0, 800])
        let back = try engine.rewound(toStep: 1)
        #expect(back.speed == 2 && back.tick == 800 && back.stepIndex == 1)
    }

    /// A journal replayed headless ends every step at the tick the live run did: the speed
    /// changes are in it.
    @Test func aReplayedSpeedChangeEndsStepsAtTheSameTicks() throws {
        let live = try Self.engine()
        live.run(untilMs: 2_000)
        live.apply(.setSpeed(to: 4))
        live.run(untilMs: 30_000)
        live.apply(.end)
        // 2 s read at ×1, the other 2 s of reading at ×4 take 8 s of simulated time: step one
        // (after: 5s) ends at 10 s.
        #expect(Array(live.stepStartTicks.prefix(2)) == [0, 1_000])
        let replay = try Self.engine()
        replay.runHeadless(stepTimeMs: nil, scheduled: live.journal)
        #expect(replay.stepStartTicks == live.stepStartTicks)
    }

    @Test func theRehearsalNamesEachStepWithItsPosition() throws {
        let engine = try Self.engine()
        engine.runHeadless(stepTimeMs: 10_000)
        #expect(engine.rehearsalFindings == [
            RehearsalFinding(stepIndex: 1, kind: .conditionTrueAtStart(condition: "produced(web) > 0")),
            RehearsalFinding(stepIndex: 2, kind: .tooShortToRead(endedAfterMs: 1_000, readingMs: 4_000)),
        ])
        let messages = engine.rehearsalFindings.map { $0.error(in: engine.scenario, file: "pace.yaml").description }
        #expect(messages == [
            "pace.yaml:20:5: step 2 'Two': its condition \"produced(web) > 0\" already holds when the step begins, so the step shows nothing of its own; expected a condition that becomes true during the step (or `after: …`)",
            "pace.yaml:24:5: step 3 'Three': its end rule fires after 1 s, before its narration (2 words) can be read in 4 s at ×1; expected an `after` or `when` that gives the step at least 4 s",
        ])
        let summary = RunSummary.text(engine, wallSeconds: nil, file: "pace.yaml")
        #expect(summary.hasSuffix("""

            warnings — steps a live audience would not see (`streamstage validate --rehearse`):
            • \(messages[0])
            • \(messages[1])
            """))
        #expect(try Engine.rehearsal(of: engine.scenario) == engine.rehearsalFindings)
    }
}

/// Previous step and jump land on every step, including one that ended on a condition.
struct StepJumpTests {
    @Test func previousLandsOnAStepThatEndedOnItsConditionAndStaysThere() throws {
        let engine = try StepReadingTimeTests.engine()
        engine.run(untilMs: 14_000)
        #expect(engine.stepIndex == 3)
        let back = try engine.rewound(toStep: 1)
        #expect(back.stepIndex == 1 && back.tick == 500)
        back.run(untilMs: 8_990)
        #expect(back.stepIndex == 1)
        back.run(untilMs: 9_000)
        #expect(back.stepIndex == 2)
    }

    @Test func jumpGoesBackOrForwardToTheStepFromItsStart() throws {
        let engine = try StepReadingTimeTests.engine()
        engine.run(untilMs: 9_500)
        #expect(engine.stepIndex == 2)
        let two = try engine.jumped(toStep: 1)
        #expect(two !== engine && two.stepIndex == 1 && two.tick == 500 && two.stepShownMs == 0)
        let again = try engine.jumped(toStep: 2)
        #expect(again.stepIndex == 2 && again.tick == 900)
        let four = try engine.jumped(toStep: 3)
        #expect(four === engine && four.stepIndex == 3 && four.tick == 950)
        #expect(try engine.jumped(toStep: 9) === engine)
    }
}
