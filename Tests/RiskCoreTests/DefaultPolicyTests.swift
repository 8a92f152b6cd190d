import Foundation
import Testing
@testable import RiskCore

/// One scenario that triggers each default rule and one close to it that must not.
@Suite("Default policy rules")
struct DefaultPolicyTests {
    let engine = RiskEngine(policy: try! Fixture.defaultPolicy())
    let t0 = Fixture.start

    /// A card with an ordinary history: a purchase every few hours.
    func warmUp(_ card: String, count: Int = 24, amount: Int64 = 3_000) {
        for step in 0..<count {
            let hour = Int64(step % 10)
            engine.attempt(Fixture.tx(card: card, at: t0 - Fixture.days(Int64(count - step)) + Fixture.hours(hour), amount: amount), answered: "00")
        }
    }

    @Test("an ordinary purchase is allowed with no reasons")
    func ordinaryPurchase() {
        warmUp("tok_ok")
        let decision = engine.score(Fixture.tx(card: "tok_ok", at: t0, amount: 3_500))
        #expect(decision.action == .allow)
        #expect(decision.reasonCount == 0)
        #expect(decision.advice == .none)
    }

    @Test("allow-listed cards are allowed even when stolen-looking")
    func allowList() {
        engine.setStatus(.allowListed, for: CardReference("tok_vip"))
        let decision = engine.score(Fixture.tx(card: "tok_vip", at: t0, amount: 50_000_00))
        #expect(decision.action == .allow)
        #expect(decision.codes == ["ALLOW_LISTED_CARD"])
        engine.setStatus(.normal, for: CardReference("tok_vip"))
        #expect(engine.score(Fixture.tx(card: "tok_vip", at: t0 + 1, amount: 50_000_00)).action == .decline)
    }

    @Test("lost, stolen and frozen cards are declined; others are not")
    func cardStatus() {
        engine.setStatus(.stolen, for: CardReference("4111111111111111"))
        engine.setStatus(.frozen, for: CardReference("tok_frozen"))
        let stolen = engine.score(Fixture.tx(card: "4111111111111111", at: t0))
        #expect(stolen.action == .decline)
        #expect(stolen.codes.first == "CARD_LOST_OR_STOLEN")
        #expect(stolen.advice == .doNotTryAgain)
        #expect(engine.score(Fixture.tx(card: "tok_frozen", at: t0)).codes.first == "CARD_FROZEN")
        #expect(engine.score(Fixture.tx(card: "4111111111111129", at: t0)).action == .allow)
    }

    @Test("retrying after a never-retry decline is declined; after an insufficient-funds decline it is not")
    func neverRetry() {
        engine.attempt(Fixture.tx(card: "tok_41", at: t0), answered: "41")
        let retry = engine.score(Fixture.tx(card: "tok_41", at: t0 + Fixture.hours(5)))
        #expect(retry.codes.first == "RETRY_AFTER_DO_NOT_RETRY_DECLINE")
        #expect(retry.action == .decline)
        // At another merchant: declined within the hour, allowed hours later.
        #expect(engine.score(Fixture.tx(card: "tok_41", at: t0 + Fixture.minutes(10), merchant: "M2", terminal: "T2")).codes.first == "RETRY_AFTER_DO_NOT_RETRY_DECLINE")
        #expect(engine.score(Fixture.tx(card: "tok_41", at: t0 + Fixture.hours(6), merchant: "M3", terminal: "T3")).action == .allow)
        engine.attempt(Fixture.tx(card: "tok_51", at: t0), answered: "51")
        #expect(engine.score(Fixture.tx(card: "tok_51", at: t0 + Fixture.hours(5))).action == .allow)
        // Thirty days later the card may be used again.
        #expect(engine.score(Fixture.tx(card: "tok_41", at: t0 + Fixture.days(31))).action == .allow)
    }

    @Test("rapid retries after declines are declined; a single legitimate retry is not")
    func rapidRetries() {
        engine.attempt(Fixture.tx(card: "tok_r", at: t0, amount: 9_000), answered: "51")
        let firstRetry = engine.score(Fixture.tx(card: "tok_r", at: t0 + Fixture.minutes(2), amount: 6_000))
        #expect(firstRetry.action == .allow, "one retry after insufficient funds is normal")
        engine.record(outcome: Outcome(transaction: Fixture.tx(card: "tok_r", at: t0 + Fixture.minutes(2), amount: 6_000), responseCode: ResponseCode("05")!))
        let third = engine.score(Fixture.tx(card: "tok_r", at: t0 + Fixture.minutes(3), amount: 4_000))
        #expect(third.action == .decline)
        #expect(third.codes.contains("VELOCITY_DECLINES_CARD_10M"))
        let reason = third.reasons.first { $0.code == "VELOCITY_DECLINES_CARD_10M" }!
        #expect(reason.template.feature == "card.declines_10m")
        #expect(reason.observed == 2)
        #expect(reason.template.threshold == 2)
        #expect(reason.template.window == "10m")
    }

    @Test("a retry right after a do-not-honor decline is declined; after insufficient funds it is not")
    func retryAfterRiskDecline() {
        engine.attempt(Fixture.tx(card: "tok_05", at: t0, amount: 9_000), answered: "05")
        let retry = engine.score(Fixture.tx(card: "tok_05", at: t0 + Fixture.seconds(40), amount: 9_000))
        #expect(retry.codes == ["RETRY_AFTER_RISK_DECLINE"])
        #expect(retry.advice == .doNotTryAgain)
        engine.attempt(Fixture.tx(card: "tok_nsf", at: t0, amount: 9_000), answered: "51")
        #expect(engine.score(Fixture.tx(card: "tok_nsf", at: t0 + Fixture.seconds(40), amount: 5_000)).action == .allow)
    }

    @Test("retries after system declines are not fraud: allowed, with try-again-later advice")
    func systemDeclines() {
        for step in 0..<3 {
            engine.attempt(Fixture.tx(card: "tok_sys", at: t0 + Fixture.seconds(Int64(step) * 40), amount: 4_000), answered: step % 2 == 0 ? "91" : "96")
        }
        let retry = engine.score(Fixture.tx(card: "tok_sys", at: t0 + Fixture.seconds(150), amount: 4_000))
        #expect(retry.action == .allow)
        #expect(retry.codes == ["ISSUER_UNAVAILABLE"])
        #expect(retry.advice == .tryAgainLater)
    }

    @Test("many declines in 24 hours are declined")
    func excessiveDeclines() {
        for step in 0..<8 {
            engine.attempt(Fixture.tx(card: "tok_24", at: t0 + Fixture.hours(Int64(step)), amount: 1_000 + Int64(step)), answered: "51")
        }
        #expect(engine.score(Fixture.tx(card: "tok_24", at: t0 + Fixture.hours(9))).codes.contains("VELOCITY_DECLINES_CARD_24H"))
        for step in 0..<7 {
            engine.attempt(Fixture.tx(card: "tok_23", at: t0 + Fixture.hours(Int64(step)), amount: 1_000 + Int64(step)), answered: "51")
        }
        #expect(engine.score(Fixture.tx(card: "tok_23", at: t0 + Fixture.hours(9))).action == .allow)
    }

    @Test("four attempts within a minute are declined; three are not")
    func rapidAttempts() {
        for step in 0..<3 { engine.score(Fixture.tx(card: "tok_fast", at: t0 + Fixture.seconds(Int64(step) * 10))) }
        #expect(engine.score(Fixture.tx(card: "tok_slow", at: t0)).action == .allow)
        let fourth = engine.score(Fixture.tx(card: "tok_fast", at: t0 + Fixture.seconds(35)))
        #expect(fourth.codes.contains("VELOCITY_ATTEMPTS_CARD_1M"))
        for step in 0..<3 { engine.score(Fixture.tx(card: "tok_spaced", at: t0 + Fixture.seconds(Int64(step) * 25))) }
        #expect(engine.score(Fixture.tx(card: "tok_spaced", at: t0 + Fixture.seconds(61))).action == .allow)
    }

    @Test("card testing on one card: the third tiny amount in 10 minutes is declined")
    func cardTestingOnCard() {
        engine.attempt(Fixture.tx(card: "tok_ct", at: t0, amount: 100, entry: .ecommerce), answered: "00")
        engine.attempt(Fixture.tx(card: "tok_ct", at: t0 + Fixture.minutes(3), amount: 150, entry: .ecommerce), answered: "00")
        #expect(engine.score(Fixture.tx(card: "tok_ct", at: t0 + Fixture.minutes(6), amount: 90, entry: .ecommerce)).codes.contains("CARD_TESTING_SMALL_AMOUNTS"))
        // Two coffees and a normal purchase are not card testing.
        engine.attempt(Fixture.tx(card: "tok_coffee", at: t0, amount: 180), answered: "00")
        engine.attempt(Fixture.tx(card: "tok_coffee", at: t0 + Fixture.minutes(3), amount: 190), answered: "00")
        #expect(engine.score(Fixture.tx(card: "tok_coffee", at: t0 + Fixture.minutes(6), amount: 2_500)).action == .allow)
    }

    @Test("card testing across cards on one terminal is declined; a busy café is not")
    func cardTestingOnTerminal() {
        for index in 0..<10 {
            engine.attempt(Fixture.tx(card: "tok_t\(index)", at: t0 + Fixture.seconds(Int64(index) * 20), amount: 50, terminal: "T_TEST"),
                           answered: index % 3 == 0 ? "00" : "05")
        }
        let next = engine.score(Fixture.tx(card: "tok_t_new", at: t0 + Fixture.seconds(210), amount: 75, terminal: "T_TEST"))
        #expect(next.codes.contains("CARD_TESTING_TERMINAL"))
        for index in 0..<10 {
            engine.attempt(Fixture.tx(card: "tok_c\(index)", at: t0 + Fixture.seconds(Int64(index) * 20), amount: 180, terminal: "T_CAFE"), answered: "00")
        }
        #expect(engine.score(Fixture.tx(card: "tok_c_new", at: t0 + Fixture.seconds(210), amount: 190, terminal: "T_CAFE")).action == .allow)
    }

    @Test("a BIN attack (many cards, invalid-number declines) on one terminal is declined")
    func binAttack() {
        for index in 0..<14 {
            let pan = "45321200000" + String(10_000 + index)
            engine.attempt(Fixture.tx(card: pan, at: t0 + Fixture.seconds(Int64(index) * 15), amount: 2_000, terminal: "T_BIN", entry: .manual), answered: "14")
        }
        let next = engine.score(Fixture.tx(card: "4532120000020000", at: t0 + Fixture.seconds(220), amount: 2_000, terminal: "T_BIN"))
        #expect(next.codes.contains("MANY_CARDS_ON_TERMINAL"))
        // Many different cards approved at a supermarket lane are fine.
        for index in 0..<14 {
            engine.attempt(Fixture.tx(card: "tok_lane\(index)", at: t0 + Fixture.seconds(Int64(index) * 15), amount: 2_000, terminal: "T_LANE"), answered: "00")
        }
        #expect(engine.score(Fixture.tx(card: "tok_lane_new", at: t0 + Fixture.seconds(220), amount: 2_000, terminal: "T_LANE")).action == .allow)
    }

    @Test("an expired card is declined with confirm-card-data advice")
    func expiredCard() {
        let expired = engine.score(Fixture.tx(card: "tok_exp", at: t0, expiry: 2602))
        #expect(expired.codes == ["EXPIRED_CARD"])
        #expect(expired.advice == .confirmCardData)
        #expect(engine.score(Fixture.tx(card: "tok_exp2", at: t0, expiry: 2603)).action == .allow, "valid through its expiry month")
    }

    @Test("an amount over the single-transaction limit is declined")
    func amountLimit() {
        #expect(engine.score(Fixture.tx(card: "tok_big", at: t0, amount: 10_000_01)).codes.contains("AMOUNT_OVER_SINGLE_LIMIT"))
        #expect(engine.score(Fixture.tx(card: "tok_big2", at: t0, amount: 10_000_00)).action == .allow)
        // Limits are in major units of the transaction's currency: ¥9,000 is small.
        #expect(engine.score(Fixture.tx(card: "tok_yen", at: t0, amount: 9_000, currency: "JPY")).action == .allow)
    }

    @Test("fallback or manual entry alone is allowed with points; with a high-risk MCC it is reviewed")
    func entryModes() {
        let fallback = engine.score(Fixture.tx(card: "tok_fb", at: t0, entry: .fallback))
        #expect(fallback.action == .allow)
        #expect(fallback.score == 40)
        #expect(fallback.codes == ["FALLBACK_ENTRY_MODE"])
        let risky = engine.score(Fixture.tx(card: "tok_fb2", at: t0, mcc: 7995, entry: .fallback))
        #expect(risky.action == .review)
        #expect(risky.score == 60)
        #expect(engine.score(Fixture.tx(card: "tok_fb3", at: t0, mcc: 5411, entry: .magstripe)).action == .allow)
        let manual = engine.score(Fixture.tx(card: "tok_man", at: t0, mcc: 5912, entry: .manual))
        #expect(manual.action == .review)
        #expect(manual.codes == ["MANUAL_ENTRY_AT_POS", "HIGH_RISK_MCC"])
        #expect(engine.score(Fixture.tx(card: "tok_chip", at: t0, mcc: 5411, entry: .chip)).score == 0)
    }

    @Test("a spree: amount far above the card's history at a high-risk merchant at an abnormal hour is declined")
    func spree() {
        warmUp("tok_spree")
        // 03:00 UTC is outside the card's 10:00–19:00 habit, 20× its usual amount, MCC 7995.
        let night = t0 - Fixture.hours(7)
        let decision = engine.score(Fixture.tx(card: "tok_spree", at: night, amount: 60_000, merchant: "M_CASINO", terminal: "T_CASINO", mcc: 7995))
        #expect(decision.action == .decline)
        #expect(decision.codes.contains("AMOUNT_ABOVE_CARD_HISTORY"))
        #expect(decision.codes.contains("ABNORMAL_HOUR_FOR_CARD"))
        #expect(decision.codes.contains("HIGH_RISK_MCC"))
        #expect(decision.score == 80)
        // The same amount at the card's usual hour, at a grocery, is only above history.
        let day = engine.score(Fixture.tx(card: "tok_spree", at: t0 + Fixture.hours(2), amount: 60_000))
        #expect(day.action == .allow)
        #expect(day.codes == ["AMOUNT_ABOVE_CARD_HISTORY"])
    }

    @Test("a terminal with many recent fraud reports is reviewed")
    func compromisedTerminal() {
        for index in 0..<20 {
            let tx = Fixture.tx(card: "tok_skim\(index)", at: t0 - Fixture.days(10) + Fixture.minutes(Int64(index)), terminal: "T_SKIM")
            engine.attempt(tx, answered: "00")
            if index < 5 { engine.record(feedback: Feedback(transaction: tx, reportTime: t0 - Fixture.days(2))) }
        }
        let decision = engine.score(Fixture.tx(card: "tok_skim_new", at: t0, terminal: "T_SKIM"))
        #expect(decision.action == .review)
        #expect(decision.codes == ["TERMINAL_FRAUD_RATE_30D"])
        #expect(engine.score(Fixture.tx(card: "tok_clean", at: t0, terminal: "T_CLEAN")).action == .allow)
    }

    @Test("five merchants in a day add points, not enough alone to review")
    func manyMerchants() {
        for index in 0..<4 {
            engine.score(Fixture.tx(card: "tok_mm", at: t0 + Fixture.hours(Int64(index)), merchant: "M\(index)", terminal: "T\(index)"))
        }
        #expect(engine.score(Fixture.tx(card: "tok_mm", at: t0 + Fixture.hours(5), merchant: "M9", terminal: "T9")).codes == ["VELOCITY_MERCHANTS_CARD_24H"])
    }

    @Test("decisions encode to the documented JSON shape")
    func jsonShape() throws {
        engine.setStatus(.lost, for: CardReference("tok_json"))
        let decision = engine.score(Fixture.tx(card: "tok_json", at: t0, id: 42))
        let data = try JSONEncoder().encode(decision)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["id"] as? Int == 42)
        #expect(object["action"] as? String == "decline")
        #expect(object["advice"] as? String == "do_not_try_again")
        let reasons = try #require(object["reasons"] as? [[String: Any]])
        #expect(reasons.first?["code"] as? String == "CARD_LOST_OR_STOLEN")
        #expect(reasons.first?["feature"] as? String == "card.lost")
        let decoded = try JSONDecoder().decode(Decision.self, from: data)
        #expect(decoded.codes == decision.codes)
        #expect(decoded.action == .decline)
    }
}
