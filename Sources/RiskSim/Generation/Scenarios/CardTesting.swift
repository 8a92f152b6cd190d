import RiskCore

extension DayPlanner {
    /// `card_testing`: a burst of 20–80 tiny authorizations (0.01–2.00) within 5–30 minutes,
    /// each on a different card, through one e-commerce terminal (or one POS terminal with
    /// manual entry). Most are declined (14, 54, 82, 05); the approved ones are cards that work.
    mutating func injectCardTesting() {
        let online = rng.chance(0.75)
        let merchant = online ? world.ecommerceMerchant(&rng) : world.anyPOSMerchant(&rng)
        let terminal = world.terminal(of: merchant, &rng)
        let entryMode: EntryMode = online ? .ecommerce : .manual
        let attempts = rng.int(in: 20...80)
        let duration = seconds(300, 1800)
        var time = timeToday()
        for _ in 0..<attempts {
            let response: ResponseCode = rng.chance(0.12)
                ? .approved
                : rng.pick([.invalidAccount, .expiredCard, .cvvMismatch, .doNotHonor], weights: [0.4, 0.25, 0.2, 0.15])
            let amount = max(1, Int64(Double(rng.int(in: 1...200)) * minorScale / 100))
            var event: PlannedTransaction
            if rng.chance(0.2) {
                // A population card whose number was stolen earlier.
                event = fraud(.cardTesting, card: activeCard(), time: time, merchant: merchant, terminal: terminal,
                              amount: amount, entryMode: entryMode, response: response)
            } else {
                let bin = Catalog.issuerBINs[rng.int(below: Catalog.issuerBINs.count)]
                event = PlannedTransaction(
                    time: time, card: Self.externalPAN(bin: bin, account: rng.next()), cardIndex: -1, amount: amount,
                    merchant: merchant, terminal: terminal, expiry: 0, response: response, entryMode: entryMode,
                    pinPresent: false, scenario: Scenario.cardTesting.rawValue)
            }
            event.expiry = response == .expiredCard || event.cardIndex < 0 ? guessedExpiry(for: response) : event.expiry
            add(event)
            time += max(1000, duration / Int64(attempts) + seconds(0, 20) - 10_000)
        }
    }
}
