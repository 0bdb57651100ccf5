/// The scenarios `streamstage bench` and the Benchmarks/ package run headless, as scenario YAML.
public enum BenchScenarios {
    /// The engine's speed goal: 1 M records/s of keyed clicks into 12 partitions, read by three
    /// consumer groups as fast as the log hands records out. Retention keeps 10 000 records per
    /// partition (120 000 in all), so the run reaches a steady state of appends and deletions.
    public static let oneMillionPerSecond = """
        scenario: 1
        id: bench-1m
        title: "Bench: 1 M records/s into 12 partitions, read by 3 groups"
        story: "The engine's speed goal: at least twice as fast as real time on one core."
        seed: 7
        clock: { tick: 10ms, speed: 1.0 }
        topics:
          clicks:
            partitions: 12
            retention: { time: 30s, max_records: 10000 }
            segment: 1MiB
        producers:
          web:
            topic: clicks
            key: user_id
            rate: { constant: 1000000 }
            record:
              type: Click
              user_id: { pick: { range: [1, 5000] }, format: "u-{:04}" }
              page:    { pick: [home, search, product, cart, checkout], weights: [5, 4, 3, 2, 1] }
              ms:      { uniform: [5, 500] }
              at:      now
        groups:
          analytics: { topic: clicks, members: 3, commit: { every: 5s } }
          search:    { topic: clicks, members: 2, commit: per_batch }
          audit:     { topic: clicks, members: 1, commit: { every: 1s } }
        script:
          - id: load
            say: "One million clicks a second."
        """

    /// The memory goal: 100 k records/s of orders into 6 partitions for ten minutes, two groups,
    /// retention by record count (20 000 per partition).
    public static let hundredThousandPerSecond = """
        scenario: 1
        id: bench-memory
        title: "Bench: 100 k records/s for ten minutes with retention"
        story: "Memory stays flat once retention deletes as fast as producers append."
        seed: 11
        clock: { tick: 10ms, speed: 1.0 }
        topics:
          orders:
            partitions: 6
            retention: { time: 10m, max_records: 20000 }
            segment: 1MiB
        producers:
          web:
            topic: orders
            key: customer_id
            rate: { constant: 100000 }
            record:
              type: OrderPlaced
              order_id:    { seq: "o-{n:07}" }
              customer_id: { pick: { range: [1, 2000] }, format: "c-{:04}" }
              amount:      { normal: { mean: 42, sd: 18, min: 3, max: 400 }, round: 2 }
              city:        city
              placed_at:   now
        groups:
          payments:  { topic: orders, members: 2, commit: per_batch }
          analytics: { topic: orders, members: 3, commit: { every: 5s } }
        script:
          - id: load
            say: "A hundred thousand orders a second, for ten minutes."
        """
}
