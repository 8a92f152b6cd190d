import ArgumentParser
import RiskCore
import RiskSim

/// `riskscore demo`: generates a small labelled stream on the spot, scores it record by record
/// through the embedded engine, prints the first interesting decisions and a summary. Needs no
/// data of the user's.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a sample stream, score it with the embedded engine and print decisions and a summary."
    )

    @Option(help: "The policy file.")
    var policy: String = DefaultPaths.policy

    @Option(help: "Transactions to generate.")
    var transactions: Int = 200_000

    @Option(help: "Distinct cards.")
    var cards: Int = 20_000

    @Option(help: "Generator seed.")
    var seed: UInt64 = 7

    @Option(help: "How many review and decline decisions to print.")
    var show: Int = 15

    func run() throws {
        let compiled = try loadPolicy(policy)
        let engine = RiskEngine(policy: compiled)
        let generator = TrafficGenerator(configuration: GeneratorConfiguration(
            transactions: transactions, cards: cards, terminals: max(cards / 8, 50), merchants: max(cards / 25, 20), days: 14, seed: seed))
        var tally = DecisionTally()
        var shown = 0
        print("Scoring \(transactions) generated transactions (\(cards) cards, seed \(seed)) with policy '\(compiled.name)'…\n")
        let started = ContinuousClock.now
        for generated in generator {
            guard let decision = engine.process(generated.record), case .transaction(let logged) = generated.record else { continue }
            tally.add(decision, logged)
            if decision.action != .allow, shown < show {
                shown += 1
                print(Self.line(decision, logged))
            }
        }
        let elapsed = ContinuousClock.now - started
        print("")
        print(tally.report(seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
    }

    /// One human-readable decision line; the card appears masked.
    static func line(_ decision: Decision, _ logged: LoggedTransaction) -> String {
        let tx = logged.transaction
        var text = "tx \(decision.transactionID)  card \(tx.card.masked)  \(tx.majorAmount) \(tx.currency)  "
        text += "\(decision.action.name.uppercased())  score \(Int(decision.score))  advice \(decision.advice.name)"
        for reason in decision.reasons {
            let template = reason.template
            text += "\n    \(template.code): \(template.feature) = \(format(reason.observed))"
            if !template.threshold.isNaN { text += " (threshold \(format(template.threshold)))" }
            if !template.window.isEmpty { text += " over \(template.window)" }
        }
        if !logged.scenario.isEmpty { text += "\n    [ground truth: \(logged.scenario)]" }
        return text
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String((value * 1000).rounded() / 1000)
    }
}
