import Foundation
import Testing
@testable import RiskModels

@Suite("Load errors name the file and the problem")
struct LoadErrorTests {
    func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.url(name), encoding: .utf8)
    }

    @Test("a missing file is unreadable, with its path")
    func missingFile() {
        let url = URL(fileURLWithPath: "/nonexistent/model.json")
        let error = #expect(throws: ModelLoadError.self) { try RiskModel.load(contentsOf: url) }
        guard case let .unreadable(source, _)? = error else { Issue.record("wrong case: \(String(describing: error))"); return }
        #expect(source == "/nonexistent/model.json")
    }

    @Test("XGBoost: unsupported objective, broken tree and bad base_score are reported")
    func xgboost() throws {
        let text = try fixtureText("xgb_small.json")
        let multi = text.replacingOccurrences(of: #""name":"binary:logistic""#, with: #""name":"multi:softprob""#)
        #expect(throws: ModelLoadError.unsupported(source: "m.json", reason: "objective 'multi:softprob' (only binary:logistic)")) {
            try TreeEnsemble(xgboostJSON: Data(multi.utf8), source: "m.json")
        }
        let broken = text.replacingOccurrences(of: #""left_children":[1,"#, with: #""left_children":[7000,"#)
        let error = #expect(throws: ModelLoadError.self) { try TreeEnsemble(xgboostJSON: Data(broken.utf8), source: "m.json") }
        #expect(error?.description.hasPrefix("m.json: malformed model: tree 0: node 0 has invalid child 7000") == true)
        #expect(throws: ModelLoadError.self) { try TreeEnsemble(xgboostJSON: Data("{\"learner\":{}}".utf8), source: "m.json") }
        #expect(throws: ModelLoadError.self) { try TreeEnsemble(xgboostJSON: Data("not json".utf8), source: "m.json") }
    }

    @Test("LightGBM: wrong objective, short arrays and bad children are reported")
    func lightGBM() throws {
        let text = try fixtureText("lgb_small.txt")
        let regression = text.replacingOccurrences(of: "objective=binary sigmoid:1", with: "objective=regression")
        #expect(throws: ModelLoadError.unsupported(source: "m.txt", reason: "objective 'regression' (only binary)")) {
            try TreeEnsemble(lightGBMText: regression, source: "m.txt")
        }
        var lines = text.components(separatedBy: "\n")
        let i = lines.firstIndex { $0.hasPrefix("leaf_value=") }!
        lines[i] = "leaf_value=1 2 3"
        #expect(throws: ModelLoadError.malformed(source: "m.txt", reason: "Tree=0: leaf_value has 3 values, expected 15")) {
            try TreeEnsemble(lightGBMText: lines.joined(separator: "\n"), source: "m.txt")
        }
        lines = text.components(separatedBy: "\n")
        let j = lines.firstIndex { $0.hasPrefix("left_child=") }!
        lines[j] = "left_child=1 1 6 11 -3 9 13 8 -5 -1 -9 12 -4 -2"
        let error = #expect(throws: ModelLoadError.self) { try TreeEnsemble(lightGBMText: lines.joined(separator: "\n"), source: "m.txt") }
        #expect(error?.description.hasPrefix("m.txt: malformed model: Tree=0:") == true)
        #expect(throws: ModelLoadError.self) { try TreeEnsemble(lightGBMText: "hello", source: "m.txt") }
    }
}
