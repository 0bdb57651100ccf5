import Scenario
import Testing

/// The format can express the five other talk stories (issue 7); compact sketches of each validate.
@Suite struct StoryFormatTests {
    static let siemReduction = """
        scenario: 1
        title: SIEM log reduction
        story: Filter, trim and window-dedupe a firewall stream before it reaches the SIEM.
        layout: pipeline
        topics:
          firewall: { partitions: 6 }
          filtered: { partitions: 6 }
          trimmed: { partitions: 6 }
          siem: { sink: true, label: "SIEM (Splunk)" }
        producers:
          asa:
            topic: firewall
            key: hostname
            rate: 2000
            record:
              hostname: { pick: { range: [1, 8] }, format: "fw-{:02}.corp.example" }
              action: { pick: [allow, deny], weights: [9, 1] }
              message_id: { pick: ["%ASA-4-106023", "%ASA-6-302013", "%ASA-6-302015"], weights: [6, 3, 1] }
              src: { object: { ip: { ip: "10.20.0.0/16", pool: 40 }, port: port } }
              dst: { object: { ip: { ip: "172.16.0.0/24", pool: 6 }, port: { pick: [22, 53, 443] } } }
              ts: now
        processors:
          drop-noise: { kind: filter, from: firewall, where: "message_id != '%ASA-4-106023'", to: filtered }
          trim: { kind: map, from: filtered, to: trimmed, keep: [hostname, action, message_id, src, dst] }
          dedupe:
            kind: window
            from: trimmed
            to: siem
            tumbling: 60s
            group_by: [hostname, action, message_id, src.ip, dst.ip, dst.port]
            agg: count
        script:
          - id: raw
            say: Two thousand firewall lines a second, most of them the same noisy message.
            advance: { when: "in_rate(firewall) > 1500", timeout: 10s }
          - id: reduced
            say: Filter, trim, dedupe. Look at the bytes that never reach the SIEM.
            advance: { when: "saved_pct(dedupe) > 90", timeout: 90s }
        """

    static let batchVsStreaming = """
        scenario: 1
        title: Batch vs streaming
        topics: { payments: { partitions: 4 }, fraud-counts: {}, nightly-counts: {} }
        producers:
          cards:
            topic: payments
            key: account
            rate: 200
            record:
              account: { pick: { range: [1, 500] }, format: "acct-{:04}" }
              amount: { chance: 0.02, then: { normal: { mean: 3000, sd: 500 } }, else: { amount: [1, 200] } }
              city: city
        processors:
          streaming:
            kind: window
            from: payments
            to: fraud-counts
            tumbling: 1s
            agg: [count, sum(amount)]
            emit: updates
        batch:
          nightly: { from: payments, every: 60s, runtime: 5s, where: "amount > 1000", agg: count, to: nightly-counts }
        script:
          - id: spike
            say: A burst of fraud. Watch which side notices first.
            do:
              - set_rate: { target: cards, to: { burst: { base: 200, peak: 2000, every: 120s, for: 5s } } }
            advance: { when: "runs(nightly) >= 1", timeout: 90s }
        """

    static let kappaReplay = """
        scenario: 1
        title: Kappa replay
        topics:
          readings: { partitions: 3, retention: { time: 1h } }
          alerts-v1: {}
          alerts-v2: {}
        producers:
          sensors:
            topic: readings
            key: sensor
            rate: { sine: { base: 50, amplitude: 30, period: 60s } }
            arrivals: poisson
            record:
              sensor: { pick: { range: [1, 20] }, format: "s-{:02}" }
              temp: { walk: { start: { normal: { mean: 50, sd: 5 } }, step: [-0.5, 0.5], min: 0, max: 120 }, round: 1 }
        processors:
          v1: { kind: filter, from: readings, where: "temp > 500", to: alerts-v1 }
          v2: { kind: filter, from: readings, where: "temp > 55", to: alerts-v2, start: earliest, enabled: false,
                process: { per_record: 100us } }
        script:
          - id: deploy-v2
            say: Version two goes live as a new group from the earliest offset and races through history.
            do: [ { start: v2 }, { highlight: v2 } ]
            advance: { when: "lag(v2) < 10", timeout: 60s }
          - id: short-retention
            say: With one minute of retention, a replay can only see the last minute.
            do:
              - set_retention: { topic: readings, time: 1m }
              - reset_offsets: { group: v2, to: earliest }
            advance: { after: 10s }
        """

    static let consumerGroups101 = """
        scenario: 1
        title: Consumer groups 101
        topics: { clicks: { partitions: 12 } }
        producers:
          site:
            topic: clicks
            key: user
            rate: 300
            record:
              user: { chance: 0.3, then: "user-0001", else: { pick: { range: [2, 5000] }, format: "user-{:04}" } }
              page: { pick: [home, search, product, cart] }
          keyless: { topic: clicks, partitioner: round_robin, rate: 50, enabled: false, record: { user: uuid } }
        groups:
          readers: { topic: clicks, members: 3, assignment: range, process: { per_record: 5ms } }
          smooth: { topic: clicks, members: 3, assignment: cooperative-sticky, process: { per_record: 5ms } }
        script:
          - id: add
            say: Add two members and watch the assignment redraw.
            do: [ { add_member: { group: readers, count: 2 } }, { add_member: { group: smooth, count: 2 } } ]
            advance: { when: "members(readers) == 5 and members(smooth) == 5", timeout: 60s }
          - id: kill
            say: Kill one. Range stops the world; cooperative-sticky moves only what it must.
            do: [ { kill_member: readers }, { kill_member: smooth } ]
            advance: { after: 15s }
          - id: ordering
            say: Keyless records land anywhere, so one user's clicks can arrive out of order.
            do: [ { start: keyless } ]
            advance: { when: "out_of_order(readers) > 0", timeout: 30s }
        """

    static let whiteboard = """
        scenario: 1
        title: The integration whiteboard
        topics: { orders: { partitions: 6 }, customers: { partitions: 3 }, logs: { partitions: 6 } }
        producers:
          shop: { topic: orders, key: order_id, rate: 20, record: { order_id: { seq: "o-{n:06}" }, customer: { ref: customers } } }
          crm: { topic: customers, key: customer_id, rate: 2, record: { customer_id: { seq: "c-{n:05}" }, name: name, country: country } }
          apps: { topic: logs, rate: 100, record: { level: { pick: [INFO, WARN, ERROR], weights: [90, 8, 2] }, host: { ip: "10.0.0.0/24" } } }
        groups:
          analytics: { topics: [orders, customers] }
          search: { topic: orders }
          siem: { topic: logs }
        script:
          - id: warehouse
            say: A new warehouse team reads every topic from the start. No producer changed.
            do: [ { add_group: { name: warehouse, topics: [orders, customers, logs], start: earliest } } ]
            advance: { when: "lag(warehouse) < 20", timeout: 60s }
        """

    @Test(arguments: [siemReduction, batchVsStreaming, kappaReplay, consumerGroups101, whiteboard])
    func storyValidates(yaml: String) {
        #expect(parseValid(yaml) != nil)
    }
}
