import Foundation
import Testing
@testable import RiskCore

@Suite("Policy with a model")
struct PolicyModelTests {
    /// Runs `body` with a temporary directory holding `lr.json` (logistic regression on
    /// card.declines_10m and tx.amount) and `policy.yaml` naming it by a relative path; the
    /// directory is removed afterwards.
    static func withDirectory<Result>(
        weights: String = "[1.5, 0.001]", features: String = #"["card.declines_10m", "tx.amount"]"#,
        model: String = "{ path: lr.json, review: 0.6, decline: 0.9, weight: 30 }", _ body: (String) throws -> Result
    ) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policy-model-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let json = #"{"type":"logistic_regression","features":\#(features),"weights":\#(weights),"intercept":-3}"#
        try json.write(toFile: directory + "/lr.json", atomically: true, encoding: .utf8)
        let yaml = """
        name: with_model
        thresholds: { review: 50, decline: 80 }
        rules:
          - name: big_amount
            when: tx.amount >= 1000
            action: score
            points: 20
            code: BIG_AMOUNT
        model: \(model)
        """
        try yaml.write(toFile: directory + "/policy.yaml", atomically: true, encoding: .utf8)
        return try body(directory)
    }

    /// The policy of ``withDirectory(weights:features:model:_:)``, loaded.
    static func loadPolicy(weights: String = "[1.5, 0.001]", model: String = "{ path: lr.json, review: 0.6, decline: 0.9, weight: 30 }") throws -> Policy {
        try withDirectory(weights: weights, model: model) { try Policy.load(contentsOf: $0 + "/policy.yaml") }
    }

    static func features(declines: Double, amount: Double) -> FeatureVector {
        var vector = FeatureVector()
        vector[.cardDeclines10m] = declines
        vector[.txAmount] = amount
        return vector
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @Test("the model loads from a path relative to the policy file, bound to the schema")
    func loadsRelativeModel() throws {
        try Self.withDirectory { directory in
            let policy = try Policy.load(contentsOf: directory + "/policy.yaml")
            let model = try #require(policy.model)
            #expect(model.path == directory + "/lr.json")
            #expect(model.reviewProbability == 0.6)
            #expect(model.declineProbability == 0.9)
            #expect(model.weight == 30)
            #expect(model.model.featureNames == FeatureSchema.names)
        }
    }

    @Test("a model feature the engine does not compute fails the load, naming it")
    func featureMismatch() throws {
        try Self.withDirectory(features: #"["card.declines_9m", "tx.amount"]"#) { directory in
            do {
                _ = try Policy.load(contentsOf: directory + "/policy.yaml")
                Issue.record("the policy loaded")
            } catch let error as PolicyError {
                #expect(error.message.contains("card.declines_9m"))
                #expect(error.line == 9)
            }
        }
    }

    @Test("a missing model file and bad thresholds fail the load")
    func badSections() throws {
        for model in ["{ path: nowhere.json }", "{ path: lr.json, review: 0.9, decline: 0.5 }", "{ path: lr.json, treshold: 0.9 }"] {
            #expect(throws: PolicyError.self, "\(model)") { try Self.loadPolicy(model: model) }
        }
    }

    @Test("score = rule points + weight × probability; a low probability allows without model reasons")
    func scoreArithmetic() throws {
        let policy = try Self.loadPolicy()
        var low = Self.features(declines: 0, amount: 10)
        let allowed = policy.decide(&low, transactionID: 1)
        #expect(abs(allowed.score - 30 * Self.sigmoid(-3 + 0.01)) < 1e-9)
        #expect(allowed.action == .allow)
        #expect(allowed.reasonCount == 0)

        var big = Self.features(declines: 0, amount: 1000)
        let scored = policy.decide(&big, transactionID: 2)
        #expect(abs(scored.score - (20 + 30 * Self.sigmoid(-3 + 1))) < 1e-9)
        #expect(scored.action == .allow)
        #expect(scored.codes == ["BIG_AMOUNT"])
    }

    @Test("the model's probability thresholds review and decline; model reasons follow rule reasons")
    func modelDecisions() throws {
        let policy = try Self.loadPolicy()
        var review = Self.features(declines: 2, amount: 1000)  // margin 1, p 0.73
        let reviewed = policy.decide(&review, transactionID: 3)
        #expect(reviewed.action == .review)
        #expect(reviewed.score < policy.reviewThreshold)
        #expect(reviewed.codes == ["BIG_AMOUNT", "MODEL_CARD_DECLINES_10M", "MODEL_TX_AMOUNT"])
        #expect(reviewed.reason(at: 1).observed == 2)
        #expect(abs(reviewed.reason(at: 1).contribution - 3) < 1e-12)
        #expect(abs(reviewed.reason(at: 2).contribution - 1) < 1e-12)
        #expect(reviewed.reason(at: 1).template.feature == "card.declines_10m")

        var decline = Self.features(declines: 4, amount: 10)  // margin 3.01, p 0.953
        let declined = policy.decide(&decline, transactionID: 4)
        #expect(declined.action == .decline)
        #expect(declined.codes == ["MODEL_CARD_DECLINES_10M", "MODEL_TX_AMOUNT"])
        #expect(declined.advice == .doNotTryAgain)
    }

    @Test("the score is capped at 100 and negative contributions are never cited")
    func capAndNegativeContributions() throws {
        let policy = try Self.loadPolicy(weights: "[4, -0.001]", model: "{ path: lr.json, weight: 100 }")
        var vector = Self.features(declines: 3, amount: 2000)  // margin 7, p 0.999
        let decision = policy.decide(&vector, transactionID: 5)
        #expect(decision.score == 100)
        #expect(decision.action == .decline)
        #expect(decision.codes == ["BIG_AMOUNT", "MODEL_CARD_DECLINES_10M"])
    }

    @Test("reason codes are MODEL_ and the upper-cased feature name")
    func reasonCodes() {
        #expect(PolicyModel.reasonCode(for: .cardDeclines10m) == "MODEL_CARD_DECLINES_10M")
        #expect(PolicyModel.reasonCode(for: .terminalFraudRate30d) == "MODEL_TERMINAL_FRAUD_RATE_30D")
    }
}

@Suite("The shipped default policy with its model")
struct DefaultModelTests {
    @Test("the default policy loads the default model bound to the schema")
    func loads() throws {
        let policy = try Fixture.defaultPolicyWithModel()
        let model = try #require(policy.model)
        #expect(model.path.hasSuffix("Models/default-model.json"))
        #expect(model.reviewProbability < model.declineProbability)
        #expect(model.model.featureNames == FeatureSchema.names)
        #expect(policy.replacingModel(nil).model == nil)
        #expect(policy.replacingModel(nil).ruleNames == policy.ruleNames)
    }

    @Test("an ordinary chip purchase stays allowed; a card-testing burst gets model reasons beside the rules")
    func decisions() throws {
        let engine = RiskEngine(policy: try Fixture.defaultPolicyWithModel())
        let ordinary = engine.score(Fixture.tx(card: "tok_regular", mcc: 5411, entry: .chip))
        #expect(ordinary.action == .allow)
        #expect(ordinary.score < 10)
        var last = Decision(transactionID: 0)
        for i in 0..<12 {
            let tx = Fixture.tx(card: "tok_test_\(i)", at: Fixture.start + Fixture.seconds(Int64(i) * 5), amount: 100,
                                terminal: "T_TESTED", mcc: 5999, entry: .manual, pin: false, id: UInt64(100 + i))
            last = engine.attempt(tx, answered: "05")
        }
        #expect(last.action == .decline)
        #expect(last.codes.contains { $0.hasPrefix("MODEL_") })
        for reason in last.reasons where reason.code.hasPrefix("MODEL_") { #expect(reason.contribution > 0) }
    }
}
