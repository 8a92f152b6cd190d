import RiskCore

extension DayPlanner {
    /// `unusual_hour`: a card whose owner shops only by day (profile centred 09:00–17:00) is used
    /// 1–3 times between 02:00 and 05:00 local time, for one to four times its usual amount,
    /// online or at a shop; mostly approved (some 05/59).
    mutating func injectUnusualHour() {
        var card = activeCard()
        var tries = 0
        while !world.cards[Int(card)].isDaytime && tries < 30 {
            card = activeCard()
            tries += 1
        }
        let profile = world.cards[Int(card)]
        guard profile.isDaytime else { return }
        var time = timeToday(fromHour: 2, toHour: 4.25)
        for _ in 0..<rng.int(in: 1...3) {
            let online = rng.chance(0.5)
            let merchant = online ? world.ecommerceMerchant(&rng) : world.anyPOSMerchant(&rng)
            let amount = minorUnits(SimMath.exp(Double(profile.amountMu)) * rng.double(in: 1...4))
            let entryMode: EntryMode = online ? .ecommerce : (amount <= configuration.contactlessPINLimit ? .contactless : .chip)
            let response: ResponseCode = rng.pick([.approved, .doNotHonor, .suspectedFraud], weights: [0.85, 0.1, 0.05])
            add(fraud(.unusualHour, card: card, time: time, merchant: merchant, terminal: world.terminal(of: merchant, &rng),
                      amount: amount, entryMode: entryMode, response: response))
            time += seconds(120, 900)
        }
    }
}
