import Testing
@testable import RiskModels

@Suite("Sharing one model across tasks")
struct ConcurrencyTests {
    @Test("many tasks scoring with one shared model get the single-threaded results")
    func sharedModel() async throws {
        let model = try RiskModel.load(contentsOf: Fixtures.url("xgb_bench.json"))
        let (_, rows) = try Fixtures.inputs()
        let expected = rows.map { model.margin($0) }
        let results = await withTaskGroup(of: [Double].self) { group in
            for _ in 0..<8 {
                group.addTask { rows.map { model.margin($0) } }
            }
            var all: [[Double]] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}
