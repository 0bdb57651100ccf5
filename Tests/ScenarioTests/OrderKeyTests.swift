import Scenario
import Testing

/// `order_key` on a group (and on a group a step adds): the field whose per-key order is checked.
struct OrderKeyTests {
    static let topicsAndGroups = """
        topics: { payments: { partitions: 12 } }
        groups:
          audit: { topic: payments, order_key: account }
          ledger: { topic: payments }
        """

    @Test func aGroupReadsItsOrderKeyAndDefaultsToNone() throws {
        let spec = try #require(parseValid(scenario(Self.topicsAndGroups)))
        #expect(spec.groups.first { $0.name == "audit" }?.orderKey == "account")
        #expect(spec.groups.first { $0.name == "ledger" }?.orderKey == nil)
    }

    @Test func anAddedGroupCanCheckOrderToo() throws {
        let steps = """
              - id: join
                say: A new auditor joins.
                do: { add_group: { name: late-audit, topic: payments, order_key: customer.id } }
            """
        let spec = try #require(parseValid(scenario(Self.topicsAndGroups, steps: steps)))
        #expect(spec.addedGroups.first?.orderKey == "customer.id")
    }

    @Test func aListIsAWrongTypeAtItsPosition() {
        let yaml = scenario("""
            topics: { payments: {} }
            groups:
              audit: { topic: payments, order_key: [account, id] }
            """)
        #expect(problems(yaml) == [
            "test.yaml:5:40: wrong type for order_key of group 'audit': a list; expected a name",
        ])
    }

    @Test func aFieldNoProducerWritesIsReportedWithANearMiss() {
        let yaml = scenario("""
            topics: { payments: {} }
            producers:
              web: { topic: payments, rate: 1, record: { account: { pick: [a, b] }, amount: 5 } }
            groups:
              audit: { topic: payments, order_key: acount }
            """)
        #expect(problems(yaml) == [
            "test.yaml:7:40: unknown field 'acount' in order_key of group 'audit' — did you mean 'account'?; "
                + "expected a field of the records produced to payments: account, amount",
        ])
    }
}
