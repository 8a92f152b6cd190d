import Foundation
import RiskCore
import RiskIO
import RiskSim
import Testing
@testable import RiskIngest

/// The pipeline over several CSV files with a column mapping: batches never mix files, each file
/// is parsed with its own header, and the output still equals RiskEngine one by one.
@Suite("Pipeline over several CSV files")
struct PipelineFilesTests {
    @Test("two mapped CSV files with a bad row: same decisions and rejections as the sequential reader and engine")
    func csvFiles() throws {
        let directory = TemporaryDirectory()
        let writer = CSVRecordWriter()
        var rows: [[UInt8]] = []
        for record in TrafficGenerator(configuration: GeneratorConfiguration(transactions: 900, cards: 80, terminals: 10, merchants: 5, days: 1, seed: 3)) {
            var row: [UInt8] = []
            if writer.append(record, to: &row) { rows.append(row) }
        }
        #expect(rows.count > 500)
        let header = Array(CSVRecordWriter.header.replacingOccurrences(of: "id,time,card,amount,", with: "TX_ID,TX_DATETIME,CUSTOMER_ID,TX_AMOUNT,").utf8) + [10]
        let half = rows.count / 2
        let first = try directory.write("a.csv", header + rows[..<half].flatMap { $0 })
        let second = try directory.write("b.csv.zst", header + rows[half..<(half + 10)].flatMap { $0 } + Array("1,not-a-time,x,1\n".utf8)
                                                    + rows[(half + 10)...].flatMap { $0 }, compressed: true)
        let format = InputFormat.csv(mapping: ["id": "TX_ID", "time": "TX_DATETIME", "card": "CUSTOMER_ID", "amount": "TX_AMOUNT"])
        let policy = try Policy.parse(yaml: PipelineParityTests.acceptorPolicy)
        let configuration = PipelineParityTests.engineConfiguration

        let engine = RiskEngine(policy: policy, configuration: configuration)
        let reader = RecordReader(inputs: [first, second], format: format)
        var expected = DecisionWriter()
        var expectedRejections: [RecordRejection] = []
        while let event = try reader.next() {
            switch event {
            case .record(let record, let id, _):
                if let decision = engine.process(record), case .transaction(let logged) = record {
                    expected.append(decision, id: id, card: logged.transaction.card)
                }
            case .rejected(let rejection):
                expectedRejections.append(rejection)
            }
        }
        #expect(expectedRejections.count == 1)
        #expect(expectedRejections.first?.file == second)
        #expect(expectedRejections.first?.line == 12)

        let pipeline = RescorePipeline(inputs: [first, second], format: format, policy: policy,
                                       options: PipelineOptions(workers: 3, engine: configuration, batchCapacity: 50))
        var output: [UInt8] = []
        var rejections: [RecordRejection] = []
        var summary = RescoreSummary()
        try pipeline.run(summary: &summary, decisions: { output.append(contentsOf: $0) }, rejection: { rejections.append($0) })
        #expect(summary.decisions == rows.count)
        #expect(output == expected.buffer)
        #expect(rejections == expectedRejections)
    }
}
