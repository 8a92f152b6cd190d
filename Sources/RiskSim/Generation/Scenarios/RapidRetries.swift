import RiskCore

extension DayPlanner {
    /// `rapid_retries`: a fraudster with one card's data retries 5–15 times within minutes at
    /// one merchant, lowering the amount after declines (05, 51, 61); sometimes the last try
    /// is approved.
    mutating func injectRapidRetries() {
        let card = activeCard()
        let online = rng.chance(0.7)
        let merchant = online ? world.ecommerceMerchant(&rng) : world.posMerchant(awayFrom: world.cards[Int(card)].homeArea, &rng)
        let terminal = world.terminal(of: merchant, &rng)
        let entryMode: EntryMode = online ? .ecommerce : (rng.chance(0.5) ? .magstripe : .contactless)
        var time = timeToday()
        var amount = minorUnits(rng.logNormal(mu: 5.3, sigma: 0.5)) // about 200
        let attempts = rng.int(in: 5...15)
        let lastApproved = rng.chance(0.25)
        for attempt in 0..<attempts {
            let response: ResponseCode = attempt == attempts - 1 && lastApproved
                ? .approved
                : rng.pick([.doNotHonor, .insufficientFunds, .exceedsAmountLimit], weights: [0.45, 0.35, 0.2])
            add(fraud(.rapidRetries, card: card, time: time, merchant: merchant, terminal: terminal, amount: amount,
                      entryMode: entryMode, response: response))
            time += seconds(8, 90)
            if rng.chance(0.6) { amount = max(1, Int64(Double(amount) * rng.double(in: 0.6...0.95))) }
        }
    }
}
