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
}
