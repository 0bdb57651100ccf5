import Scenario
import StreamLog
import Testing

@Suite struct GeneratorTests {
    /// Reads the template of producer `p` from a record written in YAML.
    func template(_ record: String, key: String? = nil) -> RecordTemplate? {
        let yaml = scenario("""
            topics: { t: {}, customers: {} }
            producers:
              p:
                topic: t
                rate: 1
            \(key.map { "    key: \($0)" } ?? "")
                record:
            \(record)
            """)
        return parseValid(yaml)?.producer("p")?.record
    }

    /// `count` records from `template` under `seed`.
    func records(_ template: RecordTemplate, count: Int, seed: UInt64 = 42, key: String? = nil,
                 context: GeneratorContext = GeneratorContext(nowMs: 1_234)) -> [Value] {
        var generator = RecordGenerator(template: template, keyField: key, random: SeededRandom(seed: seed))
        return (0..<count).map { _ in generator.next(context) }
    }

    func numbers(_ values: [Value], _ field: String) -> [Double] {
        values.compactMap { $0[field]?.number }
    }

    @Test func templateKeepsFieldOrderAndLiterals() throws {
        let t = try #require(template("""
                  type: OrderPlaced
                  flag: true
                  quoted: "now"
                  at: now
                  tags: [a, b]
            """))
        let record = records(t, count: 1)[0]
        #expect(record == ["type": "OrderPlaced", "flag": true, "quoted": "now", "at": 1_234, "tags": ["a", "b"]])
        guard case .object(let fields) = record else { return }
        #expect(fields.names == ["type", "flag", "quoted", "at", "tags"])
    }

    @Test func sequenceFormatsACounter() throws {
        let t = try #require(template("""
                  order_id: { seq: "o-{n:05}" }
                  line: { seq: "{}", start: 0 }
            """))
        let values = records(t, count: 3)
        #expect(values.map { $0["order_id"] } == ["o-00001", "o-00002", "o-00003"])
        #expect(values.map { $0["line"] } == ["0", "1", "2"])
    }

    @Test func pickWithWeightsMatchesProportions() throws {
        let t = try #require(template("""
                  item: { pick: [book, mug, lamp], weights: [5, 3, 2] }
            """))
        let values = records(t, count: 10_000)
        for (item, share) in [("book", 0.5), ("mug", 0.3), ("lamp", 0.2)] {
            let seen = Double(values.filter { $0["item"] == .string(item) }.count) / 10_000
            #expect(abs(seen - share) < 0.02, "\(item): \(seen)")
        }
    }

    @Test func pickRangeFormatsAndCoversTheRange() throws {
        let t = try #require(template("""
                  customer_id: { pick: { range: [1, 40] }, format: "c-{:02}" }
                  n: { pick: { range: [1, 6] } }
            """))
        let values = records(t, count: 10_000)
        let ids = Set(values.compactMap { $0["customer_id"]?.text })
        #expect(ids.count == 40)
        #expect(ids.contains("c-01") && ids.contains("c-40") && !ids.contains("c-00"))
        let dice = numbers(values, "n")
        #expect(dice.min() == 1 && dice.max() == 6)
        #expect(abs(dice.reduce(0, +) / 10_000 - 3.5) < 0.05)
    }

    @Test func uniformIntegersAndDoubles() throws {
        let t = try #require(template("""
                  bytes: { uniform: [1, 300] }
                  score: { uniform: [0, 1], round: 2 }
            """))
        let values = records(t, count: 10_000)
        #expect(values.allSatisfy { if case .int = $0["bytes"] { true } else { false } })
        let bytes = numbers(values, "bytes")
        #expect(bytes.min() == 1 && bytes.max() == 300)
        #expect(abs(bytes.reduce(0, +) / 10_000 - 150.5) < 2)
        let scores = numbers(values, "score")
        #expect(scores.allSatisfy { $0 >= 0 && $0 <= 1 && abs(($0 * 100).rounded() - $0 * 100) < 1e-9 })
    }

    @Test func normalHasItsMeanAndDeviationAndIsClamped() throws {
        let t = try #require(template("""
                  amount: { normal: { mean: 40, sd: 15, min: 1 }, round: 2 }
                  temp: { normal: { mean: 0, sd: 1, min: -1, max: 1 } }
            """))
        let values = records(t, count: 10_000)
        let amounts = numbers(values, "amount")
        let mean = amounts.reduce(0, +) / 10_000
        let sd = (amounts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 10_000).squareRoot()
        #expect(abs(mean - 40) < 0.5)
        #expect(abs(sd - 15) < 0.5)
        #expect(amounts.min() ?? 0 >= 1)
        let temps = numbers(values, "temp")
        #expect(temps.min() == -1 && temps.max() == 1)
    }

    @Test func chanceChoosesWithItsProbability() throws {
        let t = try #require(template("""
                  amount: { chance: 0.05, then: { normal: { mean: 3000, sd: 500 } }, else: { uniform: [1, 100] } }
                  alert: { chance: 0.1, then: true }
            """))
        let values = records(t, count: 10_000)
        let big = Double(numbers(values, "amount").filter { $0 > 1_000 }.count) / 10_000
        #expect(abs(big - 0.05) < 0.01)
        let alerts = Double(values.filter { $0["alert"] == true }.count) / 10_000
        #expect(abs(alerts - 0.1) < 0.01)
        #expect(values.contains { $0["alert"] == .null })
    }

    @Test func uuidsAreSeededVersion4() throws {
        let t = try #require(template("      id: uuid"))
        let first = records(t, count: 2)
        #expect(first == records(t, count: 2))
        #expect(first[0] != first[1])
        let text = first[0]["id"]?.text ?? ""
        #expect(text.count == 36 && Array(text)[14] == "4")
        #expect(records(t, count: 1, seed: 43) != [first[0]])
    }

    @Test func refAsksTheEngineForARecentKey() throws {
        let t = try #require(template("""
                  customer: { ref: customers }
                  city: { ref: { topic: customers, field: city } }
            """))
        let context = GeneratorContext(nowMs: 0) { topic, field, unit in
            #expect(unit >= 0 && unit < 1)
            return .string("\(topic)/\(field ?? "key")")
        }
        let record = records(t, count: 1, context: context)[0]
        #expect(record["customer"] == "customers/key")
        #expect(record["city"] == "customers/city")
        #expect(records(t, count: 1)[0]["customer"] == .null)  // nothing produced yet
    }

    @Test func walkKeepsOneValuePerKey() throws {
        let t = try #require(template("""
                  sensor: { pick: [s1, s2] }
                  temp: { walk: { start: 50, step: [-1, 1], min: 0, max: 100 }, round: 3 }
            """, key: "sensor"))
        let values = records(t, count: 1_000, key: "sensor")
        for sensor in ["s1", "s2"] {
            let temps = values.filter { $0["sensor"] == .string(sensor) }.compactMap { $0["temp"]?.number }
            #expect(temps.first == 50)
            for (previous, next) in zip(temps, temps.dropFirst()) {
                #expect(abs(next - previous) <= 1.0005)
            }
        }
    }

    @Test func realisticDataHelpers() throws {
        let t = try #require(template("""
                  src: { ip: "10.1.0.0/16" }
                  dst: { ip: "192.168.7.0/24", pool: 4 }
                  sport: port
                  dport: { port: [1, 1023] }
                  who: name
                  where: location
                  city: city
                  country: country
                  total: { amount: [1, 5000] }
                  endpoint: { object: { host: { pick: { range: [1, 3] }, format: "fw-{:02}.corp.example" }, port: 443 } }
            """))
        let values = records(t, count: 2_000)
        for value in values {
            let src = (value["src"]?.text ?? "").split(separator: ".").compactMap { Int($0) }
            #expect(src.count == 4 && src[0] == 10 && src[1] == 1)
            #expect(["192.168.7.1", "192.168.7.2", "192.168.7.3", "192.168.7.4"].contains(value["dst"]?.text ?? ""))
            #expect((49152...65535).contains(Int(value["sport"]?.number ?? 0)))
            #expect((1...1023).contains(Int(value["dport"]?.number ?? 0)))
            #expect((value["who"]?.text ?? "").split(separator: " ").count == 2)
            #expect(value["where"]?["lat"]?.number != nil && value["where"]?["city"] != nil)
            #expect((value["country"]?.text ?? "").count == 2)
            let total = value["total"]?.number ?? 0
            #expect(total >= 1 && total <= 5000)
            #expect(value["endpoint"]?["port"] == 443)
        }
        // Log-uniform amounts: the median is near √(1 × 5000) ≈ 70.7, far below the midpoint.
        let totals = numbers(values, "total").sorted()
        #expect(totals[1_000] > 50 && totals[1_000] < 100)
        #expect(Set(values.compactMap { $0["endpoint"]?["host"]?.text }) == ["fw-01.corp.example", "fw-02.corp.example", "fw-03.corp.example"])
    }

    @Test func exactFirstValuesForASeed() throws {
        let t = try #require(template("""
                  id: { seq: "o-{n:03}" }
                  customer: { pick: { range: [1, 40] }, format: "c-{:02}" }
                  item: { pick: [book, mug, lamp] }
                  amount: { normal: { mean: 40, sd: 15 }, round: 2 }
            """))
        let first = records(t, count: 2, seed: 7).map(\.json)
        #expect(first == [
            #"{"id":"o-001","customer":"c-08","item":"book","amount":34.05}"#,
            #"{"id":"o-002","customer":"c-35","item":"book","amount":31.29}"#,
        ])
    }
}
