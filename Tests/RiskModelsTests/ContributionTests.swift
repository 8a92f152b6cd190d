import Testing
@testable import RiskModels

@Suite("Saabas contributions")
struct ContributionTests {
    @Test("bias + contributions == margin for every row", arguments: ["xgb_small.json", "xgb_bench.json", "lgb_small.txt"])
    func sumToMargin(file: String) throws {
        let model = try RiskModel.load(contentsOf: Fixtures.url(file))
        let (_, rows) = try Fixtures.inputs()
        var out = [Double](repeating: .nan, count: model.inputCount)
        for (i, row) in rows.enumerated() {
            let bias = row.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { model.contributions(x, into: $0) }
            }
            let total = bias + out.reduce(0, +)
            // XGBoost margins are float32 sums, so allow float rounding there.
            #expect(abs(total - model.margin(row)) <= 1e-5, "row \(i): \(total) vs \(model.margin(row))")
        }
    }

    @Test("XGBoost contributions match xgboost's approx_contribs (Saabas) per feature")
    func matchesXGBoostApproxContribs() throws {
        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_small.json"))
        let (names, rows) = try Fixtures.inputs()
        let expected = try Fixtures.table("xgb_small_contrib.csv")
        let bias = try Fixtures.predictions("xgb_small_pred.csv")["bias"]!
        #expect(expected.header == names)
        for (i, row) in rows.enumerated() {
            let (values, b) = model.contributions(row)
            #expect(abs(b - bias[i]) <= 1e-5)
            for j in names.indices {
                #expect(abs(values[j] - expected.rows[i][j]) <= 1e-5, "row \(i) feature \(names[j])")
            }
        }
    }

    @Test("top-k orders by absolute contribution, skips zeros and carries names")
    func topK() throws {
        let top = FeatureContribution.top(2, of: [0.1, -0.5, 0, 0.3], names: ["a", "b", "c", "d"])
        #expect(top == [FeatureContribution(index: 1, name: "b", value: -0.5),
                        FeatureContribution(index: 3, name: "d", value: 0.3)])
        #expect(FeatureContribution.top(5, of: [0, 0], names: ["a", "b"]).isEmpty)
        #expect(FeatureContribution.top(0, of: [1], names: ["a"]).isEmpty)

        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_small.json"))
        let (names, rows) = try Fixtures.inputs()
        let three = model.topContributions(rows[0], k: 3)
        let all = model.contributions(rows[0]).values
        #expect(three.count == 3)
        #expect(three.allSatisfy { names[$0.index] == $0.name && all[$0.index] == $0.value })
        let largest = all.map(abs).max()!
        #expect(abs(three[0].value) == largest)
    }

    @Test("contributions leave extra output slots alone and reset used ones")
    func outputSlots() throws {
        let model = try TreeEnsemble.loadXGBoost(contentsOf: Fixtures.url("xgb_small.json"))
        let (_, rows) = try Fixtures.inputs()
        var out = [Double](repeating: 99, count: model.inputCount + 2)
        _ = rows[1].withUnsafeBufferPointer { x in out.withUnsafeMutableBufferPointer { model.contributions(x, into: $0) } }
        #expect(out[model.inputCount] == 99 && out[model.inputCount + 1] == 99)
        #expect(out[..<model.inputCount].allSatisfy { $0 != 99 })
    }
}
