import ArgumentParser
import Foundation
import RiskCore
import RiskEval

/// `riskscore evaluate INPUT…`: how well a policy (and optionally a challenger) separates fraud
/// from genuine traffic on a labelled log.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure a policy on labelled logs: AUC, average precision, precision/recall at its decisions, card precision@k.",
        discussion: """
        The champion policy scores the stream and keeps the state; the challenger (--challenger) \
        decides in shadow on the same features. Transactions without a label are scored but left \
        out of the metrics.
        """
    )

    @OptionGroup var input: LogInputOptions

    @Option(help: "The policy to evaluate (the champion).")
    var policy: String = DefaultPaths.policy

    @Option(help: "A second policy run in shadow and compared side by side.")
    var challenger: String?

    @Option(help: "Cards checked per day for card precision@k.")
    var k: Int = 100

    @Flag(help: "Print the figures as JSON.")
    var json = false

    @Option(help: "Write a self-contained HTML report (curves, histograms, tables) to this file.")
    var report: String?

    func validate() throws {
        guard k > 0 else { throw ValidationError("--k must be positive") }
    }

    func run() throws {
        let reader = try input.reader()
        let delay = try input.labelDelayMilliseconds()
        let champion = try loadPolicy(policy)
        let engine = RiskEngine(policy: champion)
        var championLog = DecisionLog(policyName: champion.name)
        var challengerLog: DecisionLog?
        if let challenger {
            let shadow = try loadPolicy(challenger)
            engine.installChallenger(shadow)
            challengerLog = DecisionLog(policyName: shadow.name == champion.name ? shadow.name + " (challenger)" : shadow.name)
        }
        var rejections = RejectionPrinter()
        var features = FeatureVector()
        let counts = try StreamReplay.run(reader, labelDelay: delay, onReject: { rejections.report($0) }) { record, _ in
            guard case .transaction(let logged) = record else {
                engine.process(record)
                return
            }
            let decisions = engine.scoreWithShadow(logged.transaction, features: &features)
            if let code = logged.responseCode {
                engine.record(outcome: Outcome(transaction: logged.transaction, responseCode: code))
            }
            championLog.add(decisions.live, for: logged)
            if let shadow = decisions.shadow { challengerLog?.add(shadow, for: logged) }
        }
        var entries = [HTMLReport.Entry(role: "champion", summary: EvaluationSummary(championLog, k: k), log: championLog)]
        if let challengerLog {
            entries.append(HTMLReport.Entry(role: "challenger", summary: EvaluationSummary(challengerLog, k: k), log: challengerLog))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            var object = ["champion": entries[0].summary]
            if entries.count > 1 { object["challenger"] = entries[1].summary }
            print(String(decoding: try encoder.encode(object), as: UTF8.self))
        } else {
            print(EvaluationText.table(entries.map(\.summary)))
        }
        printError("evaluate: \(counts.records) records read, \(counts.rejected) lines rejected")
        if let report {
            let html = HTMLReport.render(entries, inputs: input.inputs, labelDelay: input.labelDelay)
            do {
                try html.write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the report \(report): \(error.localizedDescription)")
            }
            printError("evaluate: report written to \(report)")
        }
    }
}
