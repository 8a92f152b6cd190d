import Testing
@testable import RiskCore

@Suite("Velocity windows")
struct WindowTests {
    let engine = RiskEngine(policy: try! Policy.parse(yaml: "rules: []"))

    @Test("card windows include an attempt exactly W ago minus 1 ms, not one exactly W ago")
    func cardWindowEdges() {
        let start = Fixture.start
        engine.score(Fixture.tx(at: start))
        let inside = engine.features(scoring: Fixture.tx(at: start + Fixture.minutes(1) - 1))
        #expect(inside[.cardAttempts1m] == 2)
        let atEdge = engine.features(scoring: Fixture.tx(at: start + Fixture.minutes(1) + Fixture.seconds(30)))
        // The attempt at `start` is exactly 90 s old: outside 1m, the one at 59.999 s is 30.001 s old.
        #expect(atEdge[.cardAttempts1m] == 2)
        #expect(atEdge[.cardAttempts10m] == 3)
        let later = engine.features(scoring: Fixture.tx(at: start + Fixture.minutes(10)))
        #expect(later[.cardAttempts10m] == 3, "the attempt exactly 10 minutes old is outside the 10m window")
        #expect(later[.cardAttempts1h] == 4)
    }

    @Test("declines count only after the issuer answers, and system declines count apart")
    func declinesAndSystemDeclines() {
        let start = Fixture.start
        engine.attempt(Fixture.tx(at: start, amount: 1000), answered: "51")
        engine.attempt(Fixture.tx(at: start + 1000, amount: 1100), answered: "91")
        engine.attempt(Fixture.tx(at: start + 2000, amount: 1200), answered: "96")
        let features = engine.features(scoring: Fixture.tx(at: start + 3000))
        #expect(features[.cardDeclines10m] == 1)
        #expect(features[.cardSystemDeclines1h] == 2)
        #expect(features[.cardConsecutiveDeclines] == 1, "system declines neither add to nor reset the run")
        #expect(features[.cardSecondsSinceLastDecline] == 3)
        #expect(features[.cardAttempts1m] == 4)
    }

    @Test("an approval resets consecutive declines")
    func approvalResetsRun() {
        let start = Fixture.start
        engine.attempt(Fixture.tx(at: start, amount: 1000), answered: "05")
        engine.attempt(Fixture.tx(at: start + 1000, amount: 1001), answered: "51")
        #expect(engine.features(scoring: Fixture.tx(at: start + 2000, amount: 1002))[.cardConsecutiveDeclines] == 2)
        engine.record(outcome: Outcome(transaction: Fixture.tx(at: start + 2000, amount: 1002), responseCode: .approved))
        #expect(engine.features(scoring: Fixture.tx(at: start + 3000))[.cardConsecutiveDeclines] == 0)
    }

    @Test("out-of-order attempts count by their own event time")
    func outOfOrder() {
        let start = Fixture.start
        engine.score(Fixture.tx(at: start + Fixture.minutes(30)))
        // A late attempt 30 minutes earlier: the later one is not in its windows.
        let late = engine.features(scoring: Fixture.tx(at: start))
        #expect(late[.cardAttempts10m] == 1)
        #expect(late[.cardAttempts24h] == 1)
        // An attempt after both sees both within the hour.
        let after = engine.features(scoring: Fixture.tx(at: start + Fixture.minutes(31)))
        #expect(after[.cardAttempts1h] == 3)
        #expect(after[.cardAttempts10m] == 2)
    }

    @Test("the same stream replayed gives the same features")
    func replayIsDeterministic() {
        func run() -> [Double] {
            let engine = RiskEngine(policy: try! Policy.parse(yaml: "rules: []"))
            var values: [Double] = []
            for step in 0..<500 {
                let tx = Fixture.tx(card: "tok_\(step % 7)", at: Fixture.start + Int64(step) * 7_000, amount: Int64(100 + step),
                                    terminal: "T\(step % 3)")
                let features = engine.features(scoring: tx)
                engine.record(outcome: Outcome(transaction: tx, responseCode: ResponseCode(step % 5 == 0 ? "05" : "00")!))
                values.append(contentsOf: (0..<FeatureSchema.count).map { features.values[$0] })
            }
            return values
        }
        #expect(run() == run())
    }

    @Test("terminal minute windows, decline rate and distinct cards")
    func terminalWindows() {
        let start = Fixture.start
        for index in 0..<40 {
            engine.attempt(Fixture.tx(card: "tok_enum_\(index)", at: start + Int64(index) * 1000, amount: 100), answered: index % 2 == 0 ? "14" : "00")
        }
        let features = engine.features(scoring: Fixture.tx(card: "tok_other", at: start + 41_000))
        #expect(features[.terminalAttempts10m] == 41)
        #expect(features[.terminalDeclines10m] == 20)
        #expect(features[.terminalInvalidCardDeclines10m] == 20)
        #expect(features[.terminalDeclineRate1h] == 0.5)
        #expect(features[.terminalSmallAttempts10m] == 40)
        // Linear counting: within 10% of the 41 distinct cards.
        #expect(abs(features[.terminalDistinctCards10m] - 41) <= 4)
        let hourLater = engine.features(scoring: Fixture.tx(card: "tok_other", at: start + Fixture.hours(1) + Fixture.minutes(1)))
        #expect(hourLater[.terminalAttempts1h] == 1, "buckets older than 60 minutes are gone")
        #expect(hourLater[.terminalDistinctCards10m] == 1)
    }

    @Test("feedback raises card, terminal and merchant fraud counts on the report day")
    func feedbackCounts() {
        let tx = Fixture.tx(at: Fixture.start)
        engine.score(tx)
        engine.record(feedback: Feedback(transaction: tx, reportTime: Fixture.start + Fixture.days(10)))
        let before = engine.features(scoring: Fixture.tx(at: Fixture.start + Fixture.days(9)))
        #expect(before[.cardFraudReports30d] == 0, "a report is not seen before it arrives")
        let after = engine.features(scoring: Fixture.tx(at: Fixture.start + Fixture.days(10) + 1))
        #expect(after[.cardFraudReports30d] == 1)
        #expect(after[.terminalFraudReports7d] == 1)
        #expect(after[.merchantFraudReports30d] == 1)
        #expect(after[.terminalFraudRate30d] > 0)
        let muchLater = engine.features(scoring: Fixture.tx(at: Fixture.start + Fixture.days(45)))
        #expect(muchLater[.cardFraudReports30d] == 0)
    }

    @Test("usual amount and amount ratio follow the card's history")
    func amountHistory() {
        for step in 0..<10 {
            engine.score(Fixture.tx(at: Fixture.start + Fixture.hours(Int64(step)), amount: 2_000))
        }
        let features = engine.features(scoring: Fixture.tx(at: Fixture.start + Fixture.hours(11), amount: 20_000))
        #expect(abs(features[.cardUsualAmount] - 20) < 0.01)
        #expect(abs(features[.cardAmountRatio] - 10) < 0.01)
    }
}

@Suite("Calendar")
struct CalendarTests {
    @Test("the year-month table agrees with the civil calendar on every day it holds and past its ends")
    func yearMonthTable() {
        for offset in stride(from: -400, to: 36_525 + 400, by: 1) {
            let time = (YearMonthTable.firstDay + Int64(offset)) * EventTime.day + 43_200_000
            #expect(EventTime.yearMonth(time) == EventTime.computedYearMonth(time))
        }
        #expect(EventTime.yearMonth(1_772_445_600_000) == 2603)  // 2026-03-02
        #expect(EventTime.yearMonth(946_684_800_000) == 1)  // 2000-01-01: year 00, month 01
        #expect(EventTime.yearMonth(946_684_800_000 - 1) == 9912)  // 1999-12-31 23:59:59.999
    }
}
