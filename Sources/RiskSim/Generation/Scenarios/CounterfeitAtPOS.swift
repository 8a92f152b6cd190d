import RiskCore

extension DayPlanner {
    /// `fallback_fraud` and `manual_entry_fraud`: a counterfeit or stolen card number is used at
    /// shops away from the cardholder's home, with chip-to-magstripe fallback or a manually
    /// keyed number, 1–4 times within about an hour, no PIN. Fallback: mostly approved, some
    /// 05/59; manual entry: mostly approved, some 05/14.
    mutating func injectCounterfeitAtPOS(entryMode: EntryMode, scenario: Scenario) {
        let card = activeCard()
        let homeArea = world.cards[Int(card)].homeArea
        var merchant = world.posMerchant(awayFrom: homeArea, &rng)
        var terminal = world.terminal(of: merchant, &rng)
        var time = timeToday(fromHour: 9, toHour: 22)
        let declines: [ResponseCode] = entryMode == .fallback ? [.doNotHonor, .suspectedFraud] : [.doNotHonor, .invalidAccount]
        for _ in 0..<rng.int(in: 1...4) {
            let response: ResponseCode = rng.chance(0.72) ? .approved : declines[rng.int(below: 2)]
            add(fraud(scenario, card: card, time: time, merchant: merchant, terminal: terminal,
                      amount: minorUnits(rng.logNormal(mu: 5.0, sigma: 0.6)), entryMode: entryMode, response: response))
            time += seconds(120, 1800)
            if rng.chance(0.5) {
                merchant = world.posMerchant(awayFrom: homeArea, &rng)
                terminal = world.terminal(of: merchant, &rng)
            }
        }
    }
}
