import Foundation
import Testing
@testable import RiskModels

@Suite("Logistic regression")
struct LogisticRegressionTests {
    let json = #"{"type":"logistic_regression","features":["amount","velocity"],"weights":[0.5,-2.0],"intercept":-1.0}"#

    @Test("margin, probability and contributions follow the formula; NaN contributes nothing")
    func formula() throws {
        let model = try RiskModel(data: Data(json.utf8), source: "lr.json")
        guard case .logisticRegression = model else { Issue.record("not recognised as logistic regression"); return }
        #expect(model.margin([2, 0.25]) == -1.0 + 1.0 - 0.5)
        #expect(abs(model.probability([2, 0.25]) - 1 / (1 + exp(0.5))) < 1e-15)
        #expect(model.margin([.nan, 1]) == -3.0)
        let (values, bias) = model.contributions([2, .nan])
        #expect(values == [1.0, 0.0])
        #expect(bias == -1.0)
    }

    @Test("binding puts weights at schema positions")
    func binding() throws {
        let model = try LogisticRegression(json: Data(json.utf8), source: "lr.json")
        let bound = try model.bind(to: ["velocity", "other", "amount"])
        #expect(bound.weights == [-2.0, 0, 0.5])
        #expect(bound.margin([0.25, 100, 2]) == model.margin([2, 0.25]))
    }

    @Test("bad files fail with the source and the reason")
    func errors() {
        #expect(throws: ModelLoadError.malformed(source: "lr.json", reason: "2 features but 1 weights")) {
            try LogisticRegression(json: Data(#"{"type":"logistic_regression","features":["a","b"],"weights":[1],"intercept":0}"#.utf8), source: "lr.json")
        }
        #expect(throws: ModelLoadError.unsupported(source: "lr.json", reason: "type 'svm' (expected logistic_regression)")) {
            try LogisticRegression(json: Data(#"{"type":"svm","features":[],"weights":[],"intercept":0}"#.utf8), source: "lr.json")
        }
        let missing = #expect(throws: ModelLoadError.self) {
            try LogisticRegression(json: Data(#"{"type":"logistic_regression","features":[],"weights":[]}"#.utf8), source: "lr.json")
        }
        #expect(missing?.description.contains("intercept") == true)
    }
}
