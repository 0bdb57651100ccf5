import Scenario
import StreamLog
import Testing

/// Every key of the format, read into the model; and every default.
@Suite struct FormatKeysTests {
    static let everyKey = """
        scenario: 1
        id: every-key
        title: "Every key"
        story: One line.
        seed: 7
        clock: { tick: 100ms, speed: 2.5 }
        layout: pipeline
        record: { idle_time_limit: 1.5, markers: false }
        topics:
          orders:
            partitions: 12
            retention: { time: 30m, max_records: 50000, max_bytes: 64MiB }
            segment: 1MiB
            timestamp: log_append
          alerts: { partitions: 1, retention: { time: forever }, segment: { bytes: 64KiB, time: 5m } }
          big: { partitions: 3 }
          small: { partitions: 3 }
          siem: { sink: true, label: "SIEM (Splunk)" }
          left: {}
          right: {}
          summary: {}
        producers:
          web:
            topic: orders
            key: customer_id
            partitioner: round_robin
            rate: { ramp: { from: 5, to: 50, over: 30s } }
            arrivals: poisson
            enabled: false
            record:
              customer_id: { pick: { range: [1, 40] }, format: "c-{:02}" }
          sensors:
            topic: orders
            rate: { sine: { base: 20, amplitude: 15, period: 60s } }
            record: { v: 1 }
          spiky:
            topic: orders
            rate: { burst: { base: 5, peak: 50, every: 30s, for: 5s } }
            record: { v: 1 }
          flat:
            topic: orders
            rate: 3
            # Every field the processors and the batch job below read (they are checked).
            record: { v: 1, message_id: m, host: h, action: allow, src: s, debug: d, amount: 5, account: a, bytes: 9, temp: 20 }
        groups:
          payments:
            topic: orders
            members: 3
            assignment: cooperative-sticky
            process: { per_record: 700ms, jitter: 200us }
            commit: { every: 1s }
            start: earliest
            session_timeout: 10s
            max_poll_records: 100
          audit: { topics: [orders, alerts], commit: per_batch, assignment: roundrobin }
          manual: { topic: orders, commit: manual, assignment: sticky }
        processors:
          drop-noise:
            kind: filter
            from: orders
            where: "message_id != '%ASA-4-106023'"
            to: big
            members: 2
            process: { per_record: 1ms }
            commit: per_batch
            start: earliest
            enabled: false
          slim:
            kind: map
            from: big
            to: small
            keep: [host, action, src]
            drop: debug
            set: { total: "amount * 2", vip: "amount > 1000" }
            rekey: host
          dedupe:
            kind: window
            from: small
            to: siem
            tumbling: 60s
            group_by: [host, action]
            agg: [count, sum(bytes)]
            emit: updates
            grace: 5s
          hop:
            kind: window
            from: small
            to: summary
            hopping: { size: 60s, advance: 10s }
            agg: avg(temp)
          travel:
            kind: join
            left: left
            right: right
            on: account
            within: 10m
            to: alerts
          enrich:
            kind: join
            left: left
            right: right
            table: true
            to: summary
          route:
            kind: branch
            from: orders
            cases:
              - { when: "amount > 1000", to: big }
              - { when: "amount <= 10", to: small }
            default: summary
        chains:
          checkout:
            rate: { constant: 5 }
            arrivals: poisson
            timeout: 1s
            enabled: false
            calls:
              - { service: orders-svc, latency: 20ms, jitter: 5ms, capacity: 4, errors: 0.01 }
              - { service: payment-svc, latency: 80ms }
        batch:
          nightly:
            from: orders
            every: 60s
            runtime: 5s
            where: "amount > 1000"
            group_by: account
            agg: [count, max(amount)]
            to: summary
            enabled: false
        script:
          - id: one
            marker: "Chapter one"
            say: |
              Narration.
            do:
              - start: web
              - stop: checkout
              - set_rate: { target: web, to: { constant: 10 } }
              - add_member: { group: payments, count: 2 }
              - kill_member: payments
              - pause: { group: audit }
              - resume: audit
              - slow: { group: payments, per_record: 1s }
              - slow: { service: payment-svc, latency: 700ms }
              - restore: { group: payments }
              - restore: { service: payment-svc }
              - fail: { service: orders-svc }
              - recover: orders-svc
              - reset_offsets: { group: audit, to: earliest }
              - reset_offsets: { group: audit, to: latest }
              - reset_offsets: { group: audit, to: { offset: 100 } }
              - reset_offsets: { group: audit, to: { ago: 5m } }
              - add_group: { name: fraud, topic: orders, members: 1, process: { per_record: 5ms }, start: earliest }
              - set_retention: { topic: orders, time: 1m, max_records: 10 }
              - highlight: payments
            advance: { when: "lag(fraud) == 0 and p99(checkout) < 500", timeout: 20s }
          - id: two
            say: Two.
            do: { start: drop-noise }
            advance: { after: 8s }
          - id: three
            say: Three.
            advance: key
        """

    @Test func readsEveryKey() throws {
        let spec = try #require(parseValid(Self.everyKey))
        #expect(spec.version == 1 && spec.id == "every-key" && spec.title == "Every key" && spec.story == "One line.")
        #expect(spec.seed == 7)
        #expect(spec.clock == ClockSpec(tickMs: 100, speed: 2.5))
        #expect(spec.layout == .pipeline)
        #expect(spec.record == RecordSpec(idleTimeLimit: 1.5, markers: false))

        var orders = TopicSpec(name: "orders")
        orders.partitions = 12
        orders.retention = Retention(timeMs: 1_800_000, maxRecords: 50_000, maxBytes: 67_108_864)
        orders.segmentBytes = 1_048_576
        orders.timestampType = .logAppendTime
        #expect(spec.topic("orders") == orders)
        #expect(spec.topic("alerts")?.retention.timeMs == nil)
        #expect(spec.topic("alerts")?.segmentBytes == 65_536 && spec.topic("alerts")?.segmentMs == 300_000)
        #expect(orders.segmentMs == 604_800_000)
        #expect(spec.topic("siem")?.sink == true && spec.topic("siem")?.label == "SIEM (Splunk)")

        let web = try #require(spec.producer("web"))
        #expect(web.topic == "orders" && web.key == "customer_id" && web.partitioner == .roundRobin)
        #expect(web.rate == .ramp(from: 5, to: 50, overMs: 30_000) && web.arrivals == .poisson && !web.enabled)
        #expect(web.record.fields == [TemplateField(name: "customer_id", generator: .pickRange(low: 1, high: 40, format: "c-{:02}"))])
        #expect(spec.producer("sensors")?.rate == .sine(base: 20, amplitude: 15, periodMs: 60_000))
        #expect(spec.producer("spiky")?.rate == .burst(base: 5, peak: 50, everyMs: 30_000, forMs: 5_000))
        #expect(spec.producer("flat")?.rate == .constant(3))

        var payments = GroupSpec(name: "payments", topics: ["orders"])
        payments.members = 3
        payments.assignment = .cooperativeSticky
        payments.process = Processing(perRecordMs: 700, jitterMs: 0.2)
        payments.commit = .auto(everyMs: 1_000)
        payments.start = .earliest
        payments.sessionTimeoutMs = 10_000
        payments.maxPollRecords = 100
        #expect(spec.group("payments") == payments)
        #expect(spec.group("audit")?.topics == ["orders", "alerts"] && spec.group("audit")?.commit == .perBatch)
        #expect(spec.group("audit")?.assignment == .roundRobin)
        #expect(spec.group("manual")?.commit == .manual && spec.group("manual")?.assignment == .sticky)

        let filter = try #require(spec.processor("drop-noise"))
        #expect(filter.kind == .filter(
            from: "orders", where: .binary(.notEqual, .field(["message_id"]), .literal("%ASA-4-106023")), to: "big"))
        #expect(filter.members == 2 && filter.process.perRecordMs == 1 && filter.commit == .perBatch)
        #expect(filter.start == .earliest && !filter.enabled)
        #expect(spec.processor("slim")?.kind == .map(from: "big", MapSpec(
            keep: ["host", "action", "src"], drop: ["debug"],
            set: [
                FieldAssignment(field: "total", expression: .binary(.multiply, .field(["amount"]), .literal(2))),
                FieldAssignment(field: "vip", expression: .binary(.greater, .field(["amount"]), .literal(1000))),
            ], rekey: "host"), to: "small"))
        var dedupe = WindowSpec(sizeMs: 60_000, advanceMs: 60_000, aggregations: [.count, .sum("bytes")])
        dedupe.groupBy = ["host", "action"]
        dedupe.emit = .updates
        dedupe.graceMs = 5_000
        #expect(spec.processor("dedupe")?.kind == .window(from: "small", dedupe, to: "siem"))
        #expect(dedupe.isTumbling && dedupe.aggregations.map(\.outputField) == ["count", "sum_bytes"])
        #expect(spec.processor("hop")?.kind == .window(
            from: "small", WindowSpec(sizeMs: 60_000, advanceMs: 10_000, aggregations: [.avg("temp")]), to: "summary"))
        #expect(spec.processor("travel")?.kind == .join(JoinSpec(
            left: "left", right: "right", on: .field("account"), withinMs: 600_000, to: "alerts")))
        #expect(spec.processor("enrich")?.kind == .join(JoinSpec(
            left: "left", right: "right", on: .key, withinMs: nil, to: "summary")))
        #expect(spec.processor("route")?.kind == .branch(from: "orders", cases: [
            BranchCase(when: .binary(.greater, .field(["amount"]), .literal(1000)), to: "big"),
            BranchCase(when: .binary(.lessOrEqual, .field(["amount"]), .literal(10)), to: "small"),
        ], default: "summary"))
        #expect(spec.processor("route")?.outputs == ["big", "small", "summary"])
        #expect(spec.processor("travel")?.inputs == ["left", "right"])

        let checkout = try #require(spec.chain("checkout"))
        #expect(checkout.rate == .constant(5) && checkout.arrivals == .poisson && checkout.timeoutMs == 1_000)
        #expect(!checkout.enabled)
        var first = CallSpec(service: "orders-svc", latencyMs: 20)
        first.jitterMs = 5
        first.capacity = 4
        first.errorRate = 0.01
        #expect(checkout.calls == [first, CallSpec(service: "payment-svc", latencyMs: 80)])
        #expect(spec.services == ["orders-svc", "payment-svc"])

        var nightly = BatchSpec(name: "nightly", from: "orders", everyMs: 60_000, aggregations: [.count, .max("amount")])
        nightly.runtimeMs = 5_000
        nightly.filter = .binary(.greater, .field(["amount"]), .literal(1000))
        nightly.groupBy = ["account"]
        nightly.to = "summary"
        nightly.enabled = false
        #expect(spec.batch("nightly") == nightly)

        #expect(spec.script.map(\.id) == ["one", "two", "three"])
        #expect(spec.script[0].marker == "Chapter one" && spec.script[0].say == "Narration.")
        var fraud = GroupSpec(name: "fraud", topics: ["orders"])
        fraud.process = Processing(perRecordMs: 5)
        fraud.start = .earliest
        #expect(spec.script[0].actions == [
            .start("web"), .stop("checkout"), .setRate(target: "web", to: .constant(10)),
            .addMember(group: "payments", count: 2), .killMember(group: "payments", count: 1),
            .pause(group: "audit"), .resume(group: "audit"),
            .slowGroup(group: "payments", perRecordMs: 1_000), .slowService(service: "payment-svc", latencyMs: 700),
            .restoreGroup(group: "payments"), .restoreService(service: "payment-svc"),
            .fail(service: "orders-svc"), .recover(service: "orders-svc"),
            .resetOffsets(group: "audit", to: .earliest), .resetOffsets(group: "audit", to: .latest),
            .resetOffsets(group: "audit", to: .offset(100)), .resetOffsets(group: "audit", to: .ago(ms: 300_000)),
            .addGroup(fraud),
            .setRetention(topic: "orders", Retention(timeMs: 60_000, maxRecords: 10, maxBytes: nil)),
            .highlight("payments"),
        ])
        #expect(spec.script[0].advance == .when(
            .and(.compare(.metric(.lag, entity: "fraud"), .equal, .number(0)),
                 .compare(.metric(.p99, entity: "checkout"), .less, .number(500))),
            text: "lag(fraud) == 0 and p99(checkout) < 500", timeoutMs: 20_000))
        #expect(spec.script[1].marker == "two" && spec.script[1].actions == [.start("drop-noise")])
        #expect(spec.script[1].advance == .after(ms: 8_000))
        #expect(spec.script[2].advance == .key && spec.script[2].actions.isEmpty)
    }

    @Test func defaults() throws {
        let spec = try #require(parseValid("""
            scenario: 1
            title: Defaults
            topics: { t: , u: }
            producers:
              p: { topic: t, rate: 1, record: { v: 1 } }
            groups:
              g: { topic: t }
            processors:
              f: { kind: filter, from: t, where: "v > 0", to: u }
            chains:
              c: { rate: 1, timeout: 1s, calls: [{ service: s, latency: 10ms }] }
            batch:
              b: { from: t, every: 1m, agg: count }
            script:
              - { id: only, say: hi }
            """, file: "demo-data/defaults.yaml"))
        #expect(spec.id == "defaults" && spec.story == "" && spec.seed == 0)
        #expect(spec.clock == ClockSpec(tickMs: 10, speed: 1) && spec.layout == .log)
        #expect(spec.record == RecordSpec(idleTimeLimit: 2, markers: true))
        let topic = try #require(spec.topic("t"))
        #expect(topic.partitions == 1 && topic.segmentBytes == 1_073_741_824 && topic.timestampType == .createTime)
        #expect(topic.segmentMs == 604_800_000)
        #expect(topic.retention == Retention(timeMs: 604_800_000, maxRecords: nil, maxBytes: nil))
        #expect(!topic.sink && topic.label == nil)
        let producer = try #require(spec.producer("p"))
        #expect(producer.key == nil && producer.partitioner == .sticky && producer.arrivals == .accumulator && producer.enabled)
        let group = try #require(spec.group("g"))
        #expect(group.members == 1 && group.assignment == .range && group.process == Processing())
        #expect(group.commit == .auto(everyMs: 5_000) && group.start == .latest)
        #expect(group.sessionTimeoutMs == 45_000 && group.maxPollRecords == 500)
        let processor = try #require(spec.processor("f"))
        #expect(processor.members == 1 && processor.commit == .auto(everyMs: 5_000) && processor.start == .latest && processor.enabled)
        let call = try #require(spec.chain("c")?.calls.first)
        #expect(call.jitterMs == 0 && call.capacity == 8 && call.errorRate == 0)
        #expect(spec.chain("c")?.enabled == true && spec.chain("c")?.arrivals == .accumulator)
        let batch = try #require(spec.batch("b"))
        #expect(batch.runtimeMs == 0 && batch.filter == nil && batch.groupBy.isEmpty && batch.to == nil && batch.enabled)
        #expect(spec.script == [Step(id: "only", marker: "only", say: "hi", actions: [], advance: .key, position: SourcePosition(line: 15, column: 5))])
    }
}

@Suite struct EntityLookupTests {
    @Test func metricsResolveToTheirEntityKind() throws {
        let spec = try #require(parseValid(FormatKeysTests.everyKey))
        #expect(spec.addedGroups.map(\.name) == ["fraud"])
        #expect(spec.names(of: .group) == ["payments", "audit", "manual", "fraud"])
        #expect(spec.names(of: .service) == ["orders-svc", "payment-svc"])
        #expect(spec.entityKind(for: .lag, entity: "fraud") == .group)
        #expect(spec.entityKind(for: .lag, entity: "dedupe") == .processor)
        #expect(spec.entityKind(for: .inRate, entity: "orders") == .topic)
        #expect(spec.entityKind(for: .p99, entity: "checkout") == .chain)
        #expect(spec.entityKind(for: .errors, entity: "payment-svc") == .service)
        #expect(spec.entityKind(for: .runs, entity: "nightly") == .batch)
        #expect(spec.entityKind(for: .lag, entity: "orders") == nil)
    }
}
