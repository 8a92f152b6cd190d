import RiskCore

extension DayPlanner {
    /// `stolen_card_spree`: a stolen card makes 4–12 large purchases (several times the
    /// cardholder's usual amount) 3–25 minutes apart at new merchants, often high-risk MCCs or
    /// online. The issuer approves most (some 61/51/59) until the card is reported: a `stolen`
    /// status update 18–48 hours after the first purchase; sometimes 1–2 attempts follow the
    /// report and are declined 43.
    mutating func injectStolenCardSpree() {
        let card = activeCard()
        let profile = world.cards[Int(card)]
        let start = timeToday(fromHour: 8, toHour: 21)
        var time = start
        for _ in 0..<rng.int(in: 4...12) {
            let (merchant, online) = spreeMerchant(homeArea: profile.homeArea)
            let amount = minorUnits(max(80, rng.logNormal(mu: Double(profile.amountMu) + 2.1, sigma: 0.5)))
            let entryMode: EntryMode = online ? .ecommerce : (amount <= configuration.contactlessPINLimit ? .contactless : .chip)
            let response: ResponseCode = rng.pick(
                [.approved, .exceedsAmountLimit, .insufficientFunds, .suspectedFraud], weights: [0.85, 0.07, 0.05, 0.03])
            add(fraud(.stolenCardSpree, card: card, time: time, merchant: merchant, terminal: world.terminal(of: merchant, &rng),
                      amount: amount, entryMode: entryMode, response: response))
            time += seconds(180, 1500)
        }
        let reported = start + seconds(18 * 3600, 48 * 3600)
        guard reported < simulationEnd else { return }
        statusUpdates.append((time: reported, card: card, status: .stolen))
        guard rng.chance(0.3) else { return }
        var attempt = reported + seconds(3600, 12 * 3600)
        for _ in 0..<rng.int(in: 1...2) {
            let (merchant, online) = spreeMerchant(homeArea: profile.homeArea)
            let amount = minorUnits(max(80, rng.logNormal(mu: Double(profile.amountMu) + 2.1, sigma: 0.5)))
            let entryMode: EntryMode = online ? .ecommerce : (amount <= configuration.contactlessPINLimit ? .contactless : .chip)
            schedule(fraud(.stolenCardSpree, card: card, time: attempt, merchant: merchant,
                           terminal: world.terminal(of: merchant, &rng), amount: amount, entryMode: entryMode,
                           response: .stolenCard))
            attempt += seconds(120, 1200)
        }
    }

    /// A merchant the thief picks: high-risk, online or a shop away from the cardholder's home.
    private mutating func spreeMerchant(homeArea: Int32) -> (Int32, Bool) {
        let draw = rng.unit()
        let merchant: Int32
        if draw < 0.45 {
            merchant = world.highRiskMerchants[rng.int(below: world.highRiskMerchants.count)]
        } else if draw < 0.75 {
            merchant = world.ecommerceMerchant(&rng)
        } else {
            merchant = world.posMerchant(awayFrom: homeArea, &rng)
        }
        return (merchant, world.merchants[Int(merchant)].channel == .ecommerce)
    }
}
