import RiskCore

extension DayPlanner {
    /// `bin_attack`: enumeration of 30–120 sequential card numbers sharing one BIN on one
    /// terminal within 3–15 minutes, at one small amount; mostly declined as invalid account
    /// (14), expired (54) or CVV2 failure (N7).
    mutating func injectBINAttack() {
        let online = rng.chance(0.85)
        let merchant = online ? world.ecommerceMerchant(&rng) : world.anyPOSMerchant(&rng)
        let terminal = world.terminal(of: merchant, &rng)
        let entryMode: EntryMode = online ? .ecommerce : .manual
        let bin = Catalog.issuerBINs[rng.int(below: Catalog.issuerBINs.count)]
        var account = UInt64(rng.int(below: 999_000_000))
        let attempts = rng.int(in: 30...120)
        let amount = minorUnits(Double(rng.int(in: 1...10)))
        let step = max(1000, seconds(180, 900) / Int64(attempts))
        var time = timeToday()
        for _ in 0..<attempts {
            let response: ResponseCode = rng.chance(0.1)
                ? .approved
                : rng.pick([.invalidAccount, .expiredCard, .cvv2Failure], weights: [0.5, 0.25, 0.25])
            add(PlannedTransaction(
                time: time, card: Self.externalPAN(bin: bin, account: account), cardIndex: -1, amount: amount,
                merchant: merchant, terminal: terminal, expiry: guessedExpiry(for: response), response: response,
                entryMode: entryMode, pinPresent: false, scenario: Scenario.binAttack.rawValue))
            account += UInt64(rng.int(in: 1...3))
            time += step + seconds(0, 4)
        }
    }
}
