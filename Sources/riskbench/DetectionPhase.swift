import RiskCore
import RiskSim

/// Replays the whole stream (untimed, never capped) with `process` semantics and tallies each
/// transaction's action against its label.
struct DetectionPhase {
    let traffic: BenchTraffic
    let policy: Policy
    let engineConfiguration: EngineConfiguration

    func run() -> DetectionSummary {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        var summary = DetectionSummary()
        for index in traffic.records.indices {
            let record = traffic.records[index]
            guard let decision = engine.process(record), case .transaction(let logged) = record else { continue }
            summary.add(decision, for: logged.transaction, label: traffic.labels[index])
        }
        return summary
    }
}
