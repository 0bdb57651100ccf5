import Scenario
import StreamLog

/// The live values conditions (`advance.when`) and summaries read.
extension Engine {
    /// The value of `metric` for the entity called `name`; nil when it does not apply.
    public func metric(_ metric: Metric, of name: String) -> Double? {
        let now = nowMs
        if let consumer = consumer(named: name) {
            let lag = try? lag(consumer, nowMs: now)
            switch metric {
            case .lag: return lag.map { Double($0.totalLag) }
            case .lagSeconds: return lag.map { $0.maxLagSeconds ?? 0 }
            case .inRate: return lag?.produceRate
            case .outRate:
                if let processor = processors.first(where: { $0.spec.name == name }) { return processor.outRate.perSecond }
                return consumer.processed.perSecond
            case .p50: return consumer.latency.percentile(50)
            case .p99: return consumer.latency.percentile(99)
            case .offset:
                return lag.map { Double($0.partitions.reduce(0) { $0 + ($1.committedOffset ?? 0) }) }
            case .members: return Double(consumer.members.count)
            case .duplicates: return lag.map { Double($0.duplicates) }
            case .savedPct: return processors.first { $0.spec.name == name }?.savedPercent
            case .consumed: return Double(consumer.processedTotal)
            case .outOfOrder: return insights.ordering[name].map { Double($0.outOfOrder) }
            case .rebalances: return insights.stalls[name].map { Double($0.rebalances) }
            case .stoppedMs: return insights.stalls[name].map { Double($0.stoppedMs(nowMs: now)) }
            case .missed: return insights.replays.last { $0.consumer == name }.map { Double($0.missed) }
            case .errors, .lost, .endOffset, .produced, .inFlight, .runs: return nil
            // Topic metrics: a topic may share its name with a group or processor.
            case .bytes, .alertMs, .alertWaitMs, .deleted: break
            }
        }
        if let index = chains.firstIndex(where: { $0.spec.name == name }) {
            let chain = chains[index]
            switch metric {
            case .inRate: return chain.requests.perSecond
            case .outRate: return chain.completions.perSecond
            case .p50: return chain.latency.percentile(50)
            case .p99: return chain.latency.percentile(99)
            case .errors: return Double(chain.runtime.failed)
            case .lost: return Double(chain.runtime.lost)
            case .inFlight: return Double(chain.runtime.inFlight)
            default: return nil
            }
        }
        if chains.contains(where: { $0.runtime.calls(name) }) {
            let callers = chains.filter { $0.runtime.calls(name) }
            switch metric {
            case .errors: return Double(callers.reduce(0) { $0 + $1.runtime.failed })
            case .lost: return Double(callers.reduce(0) { $0 + $1.runtime.lost })
            case .inFlight:
                return Double(callers.reduce(0) { total, chain in
                    total + zip(chain.runtime.hops, chain.runtime.busySlots).filter { $0.0.service == name }.reduce(0) { $0 + $1.1 }
                })
            case .inRate, .outRate: return callers.reduce(0) { $0 + $1.completions.perSecond }
            default: return nil
            }
        }
        if let producer = producers.first(where: { $0.spec.name == name }) {
            switch metric {
            case .inRate, .outRate: return producer.rate.perSecond
            case .produced: return Double(producer.produced)
            default: return nil
            }
        }
        if let batch = batches.first(where: { $0.spec.name == name }) {
            switch metric {
            case .runs: return Double(batch.runs)
            case .consumed: return Double(batch.recordsRead)
            case .p50: return batch.timeToInsight.percentile(50)
            case .p99: return batch.timeToInsight.percentile(99)
            case .outRate: return batch.outRate.perSecond
            default: return nil
            }
        }
        if let records = topicRecords[name] {
            switch metric {
            case .inRate: return records.perSecond
            case .endOffset: return (try? log.offsets(topic: name)).map { Double($0.reduce(0) { $0 + $1.logEndOffset }) }
            case .produced: return topicTotals[name].map { Double($0.records) }
            case .bytes: return topicTotals[name].map { Double($0.bytes) }
            case .deleted: return (try? log.offsets(topic: name)).map { Double($0.reduce(0) { $0 + $1.logStartOffset }) }
            case .savedPct: return reduction(intoSink: name)?.savedBytesPercent
            case .alertMs: return alertDelayMs(topic: name).map(Double.init)
            case .alertWaitMs: return alertWaitMs(topic: name).map(Double.init)
            default: return nil
            }
        }
        return nil
    }

    /// The group or processor consumer called `name`.
    func consumer(named name: String) -> ConsumerRuntime? {
        groups.first { $0.name == name } ?? processors.first { $0.spec.name == name }?.consumer
    }
}
