import Testing
@testable import RiskCore

@Suite("Policy loading")
struct PolicyLoadTests {
    func loadError(_ yaml: String) -> PolicyError? {
        do {
            _ = try Policy.parse(yaml: yaml, file: "test.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test("the default policy loads and names its rules")
    func defaultPolicyLoads() throws {
        let policy = try Fixture.defaultPolicy()
        #expect(policy.ruleNames.contains("rapid_retries_after_declines"))
        #expect(policy.reviewThreshold == 60)
        #expect(policy.declineThreshold == 80)
    }

    @Test("an unknown feature fails with rule name, line and column")
    func unknownFeature() throws {
        let error = try #require(loadError("""
        rules:
          - name: typo
            when: card.attempts_1m >= 2 and card.declines_9m >= 3
            action: decline
            code: X
        """))
        #expect(error.rule == "typo")
        #expect(error.line == 3)
        #expect(error.column == 37)
        #expect(error.message.contains("card.declines_9m"))
        #expect(error.description.hasPrefix("test.yaml:3:37: rule 'typo':"))
    }

    @Test("a syntax error in a condition points at the offending token")
    func syntaxError() throws {
        let error = try #require(loadError("""
        rules:
          - name: broken
            when: "card.attempts_1m >= (2 and"
            action: review
            code: X
        """))
        #expect(error.rule == "broken")
        #expect(error.line == 3)
        // The condition ends where an operand was expected: column of the closing quote.
        #expect(error.column == 38)
        #expect(error.message.contains("end of condition"))
    }

    @Test("YAML syntax errors carry a position")
    func yamlSyntax() throws {
        let error = try #require(loadError("rules:\n  - name: [unclosed\n    when: x\n"))
        #expect(error.line > 0)
        #expect(error.message.contains("YAML"))
    }

    @Test("missing fields, unknown actions, duplicate names and bad thresholds fail")
    func structuralErrors() {
        #expect(loadError("rules:\n  - name: a\n    action: decline\n    code: X\n")?.message.contains("'when'") == true)
        #expect(loadError("rules:\n  - name: a\n    when: tx.amount > 1\n    action: block\n    code: X\n")?.message.contains("unknown action") == true)
        #expect(loadError("rules:\n  - name: a\n    when: tx.amount > 1\n    action: score\n    code: X\n")?.message.contains("points") == true)
        let duplicate = "rules:\n  - {name: a, when: tx.amount > 1, action: review, code: X}\n  - {name: a, when: tx.amount > 2, action: review, code: Y}\n"
        #expect(loadError(duplicate)?.message.contains("duplicate") == true)
        #expect(loadError("thresholds: {review: 90, decline: 80}\nrules: []\n")?.message.contains("above") == true)
        #expect(loadError("rules:\n  - {name: a, when: tx.amount > 1, action: review, code: X, advice: maybe}\n")?.message.contains("advice") == true)
    }

    @Test("conditions evaluate arithmetic, comparisons, booleans and lists")
    func expressionSemantics() throws {
        var features = FeatureVector()
        features[.txAmount] = 12
        features[.txMCC] = 7995
        features[.cardAttempts1m] = 3
        func matches(_ condition: String) throws -> Bool {
            let compiled = try CompiledCondition(ExpressionParser.parse(condition))
            return features.withUnsafeMutableValues { compiled.matches($0) }
        }
        #expect(try matches("tx.amount * 2 + 1 == 25"))
        #expect(try matches("tx.amount / 4 >= 3 and not card.attempts_1m < 3"))
        #expect(try matches("tx.mcc in [5122, 7995]"))
        #expect(try !matches("tx.mcc in [5122, 5912]"))
        #expect(try matches("card.attempts_1m > 5 or (tx.amount <= 12 && true)"))
        #expect(try !matches("-tx.amount > 0"))
        #expect(try matches("tx.amount / 0 == 0"), "division by zero is 0, never a trap")
    }
}
