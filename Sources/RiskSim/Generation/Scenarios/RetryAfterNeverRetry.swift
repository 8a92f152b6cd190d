import RiskCore

extension DayPlanner {
    /// `retry_after_never_retry`: the first attempt is declined with a "do not try again" code
    /// (41 lost, 43 stolen, 57 not permitted, 14 invalid account, 62 restricted), yet 2–6 more
    /// attempts follow within minutes, declined again with the same code (or 05).
    mutating func injectRetryAfterNeverRetry() {
        let card = activeCard()
        let online = rng.chance(0.6)
        var merchant = online ? world.ecommerceMerchant(&rng) : world.posMerchant(awayFrom: world.cards[Int(card)].homeArea, &rng)
        var terminal = world.terminal(of: merchant, &rng)
        let entryMode: EntryMode = online ? .ecommerce : (rng.chance(0.6) ? .contactless : .magstripe)
        let code = rng.pick([.lostCard, .stolenCard, .notPermitted, .invalidAccount, .restrictedCard] as [ResponseCode],
                            weights: [0.25, 0.25, 0.2, 0.15, 0.15])
        var time = timeToday()
        var amount = minorUnits(rng.logNormal(mu: 4.6, sigma: 0.7))
        add(fraud(.retryAfterNeverRetry, card: card, time: time, merchant: merchant, terminal: terminal, amount: amount,
                  entryMode: entryMode, response: code))
        for _ in 0..<rng.int(in: 2...6) {
            time += seconds(20, 300)
            if rng.chance(0.4) { amount = max(1, Int64(Double(amount) * rng.double(in: 0.5...1.0))) }
            if online, rng.chance(0.2) {
                merchant = world.ecommerceMerchant(&rng)
                terminal = world.terminal(of: merchant, &rng)
            }
            add(fraud(.retryAfterNeverRetry, card: card, time: time, merchant: merchant, terminal: terminal, amount: amount,
                      entryMode: entryMode, response: rng.chance(0.85) ? code : .doNotHonor))
        }
    }
}
