import Foundation
import Scenario
import Testing

/// The bundled scenarios in demo-data/ parse and validate.
@Suite struct DefaultScenarioTests {
    static let demoData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("demo-data").path

    @Test func defaultScenarioValidatesWithZeroErrors() throws {
        let path = try #require(ScenarioLoader.resolve(ScenarioLoader.defaultScenario, in: Self.demoData))
        let spec: ScenarioSpec
        do {
            spec = try ScenarioLoader.load(path: path)
        } catch {
            Issue.record("\(error)")
            return
        }
        #expect(spec.id == "command-vs-events")
        #expect(spec.clock.tickMs == 10)
        #expect(spec.script.map(\.id) == ["intro", "slow-payment", "shipping-down", "recover", "new-consumer", "spike", "wrap-up"])
        #expect(spec.groups.map(\.name) == ["payments", "inventory", "shipping"])
        #expect(spec.chains.first?.calls.map(\.service) == ["orders-svc", "payment-svc", "inventory-svc", "shipping-svc"])
    }

    @Test func everyBundledScenarioValidatesAndNarratesEveryStep() {
        let files = ScenarioLoader.bundledScenarios(in: Self.demoData)
        #expect(!files.isEmpty)
        for file in files {
            do {
                let spec = try ScenarioLoader.load(path: file)
                #expect(!spec.title.isEmpty && !spec.story.isEmpty, "\(file): title and story")
                for step in spec.script {
                    #expect(!step.say.isEmpty, "\(file): step \(step.id) has no narration")
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func defaultScenarioTellsTheTitleStory() throws {
        let path = try #require(ScenarioLoader.resolve(ScenarioLoader.defaultScenario, in: Self.demoData))
        let spec = try ScenarioLoader.load(path: path)
        let slow = try #require(spec.script.first { $0.id == "slow-payment" })
        #expect(slow.actions.contains(.slowService(service: "payment-svc", latencyMs: 700)))
        #expect(slow.actions.contains(.slowGroup(group: "payments", perRecordMs: 700)))
        guard case .when(_, let text, let timeout) = slow.advance else {
            Issue.record("slow-payment should advance on a condition")
            return
        }
        #expect(text == "lag(payments) > 90" && timeout == 30_000)
        // The arithmetic of the comments: capacity 2 × 1000/700 ≈ 2.86/s vs 10/s → lag 90 in ≈ 12.7 s < 30 s.
        let payments = try #require(spec.group("payments"))
        let capacity = Double(payments.members) * 1000 / 700
        let rate = try #require(spec.producer("web")).rate.rate(atMs: 0)
        #expect(90 / (rate - capacity) < Double(timeout) / 1000 / 2)
        let replay = try #require(spec.script.first { $0.id == "new-consumer" })
        guard case .addGroup(let fraud) = replay.actions.first else {
            Issue.record("new-consumer should add a group")
            return
        }
        #expect(fraud.start == .earliest && fraud.topics == ["orders"])
        #expect(spec.producer("web")?.key == "customer_id" && spec.chain("checkout")?.timeoutMs == 1_000)
    }
}
