import RiskCore

extension DayPlanner {
    /// `compromised_terminal`: a skimmer on one POS terminal copies the cards of 10–40 genuine
    /// purchases today (those purchases stay genuine); 2–12 days later most of those cards are
    /// used elsewhere (counterfeit magstripe or fallback at distant shops, or online) for 1–4
    /// larger purchases, labelled `compromised_terminal`, mostly approved.
    mutating func injectCompromisedTerminal() {
        let merchant = world.anyPOSMerchant(&rng)
        let terminal = world.terminal(of: merchant, &rng)
        let merchantProfile = world.merchants[Int(merchant)]
        for _ in 0..<rng.int(in: 10...40) {
            let card = activeCard()
            let profile = world.cards[Int(card)]
            let amount = habitualAmount(profile, merchantProfile)
            let (entryMode, pin) = genuineEntry(merchantProfile, amount: amount, profile: profile)
            add(PlannedTransaction(
                time: timeToday(fromHour: 8, toHour: 21), card: profile.card, cardIndex: card, amount: amount,
                merchant: merchant, terminal: terminal, expiry: profile.expiry, response: .approved,
                entryMode: entryMode, pinPresent: pin, scenario: 0))
            guard rng.chance(0.85) else { continue }

            let cashOutDay = Int64(rng.int(in: 2...12))
            var time = dayStart + cashOutDay * CalendarMath.millisecondsPerDay
                + rng.int64(in: 0...(CalendarMath.millisecondsPerDay - 1))
            for _ in 0..<rng.int(in: 1...4) {
                let online = rng.chance(0.4)
                let target = online ? world.ecommerceMerchant(&rng) : world.posMerchant(awayFrom: profile.homeArea, &rng)
                let entry: EntryMode = online ? .ecommerce : (rng.chance(0.7) ? .magstripe : .fallback)
                let response: ResponseCode = rng.chance(0.85)
                    ? .approved
                    : rng.pick([.doNotHonor, .insufficientFunds, .exceedsAmountLimit], weights: [0.5, 0.25, 0.25])
                schedule(fraud(.compromisedTerminal, card: card, time: time, merchant: target,
                               terminal: world.terminal(of: target, &rng),
                               amount: minorUnits(rng.logNormal(mu: 5.3, sigma: 0.6)), entryMode: entry, response: response))
                time += seconds(300, 3600)
            }
        }
    }
}
