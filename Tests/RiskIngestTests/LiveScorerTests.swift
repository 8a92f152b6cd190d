import Foundation
import RiskCore
import RiskIO
import Testing
@testable import RiskIngest

@Suite("Live scorer")
struct LiveScorerTests {
    @Test("decides like RiskEngine.process and, on a truncated stream, writes the decisions before the damage")
    func scoresUntilDamage() throws {
        let directory = TemporaryDirectory()
        let text = (0..<3000).map { transactionLine("t\($0)", amount: "\($0 % 300).00") }.joined(separator: "\n") + "\n"
        let whole = try directory.write("whole.ndjson.zst", text, compressed: true)
        var bytes = directory.read(whole)
        bytes.removeLast(bytes.count / 2)
        let cut = try directory.write("cut.ndjson.zst", bytes)
        let policy = try Policy.parse(yaml: "rules:\n  - {name: big, when: tx.amount > 200, action: decline, code: BIG}\n")
        let outputPath = directory.path + "/live.ndjson"
        let sink = try ByteSink(path: outputPath)
        var thrown: InputError?
        do {
            _ = try LiveScorer.run(input: cut, engine: RiskEngine(policy: policy), output: sink, flushEachRecord: false) { _ in }
        } catch let error as InputError {
            thrown = error
        }
        try sink.commit()
        #expect(thrown?.file == cut)
        let written = directory.read(outputPath)
        // The reference: the records the reader yields before the error, through RiskEngine.process.
        let engine = RiskEngine(policy: policy)
        var writer = DecisionWriter()
        let reader = RecordReader(inputs: [cut])
        while let event = try? reader.next() {
            guard case .record(let record, let id, _) = event, case .transaction(let logged) = record,
                  let decision = engine.process(record) else { continue }
            writer.append(decision, id: id, card: logged.transaction.card)
        }
        #expect(!written.isEmpty)
        #expect(written == writer.buffer)
    }
}
