import RiskCore

/// Genuine purchases: the cardholder's habits, and the ordinary declines with the retries
/// they cause (insufficient funds 51, wrong PIN 55, expired card 54, issuer outage 91/96).
extension DayPlanner {
    /// Plans one purchase of `card` and the retries that follow a decline.
    mutating func planGenuinePurchase(card index: Int) {
        let profile = world.cards[index]
        let merchant = usualOrNearbyMerchant(card: index, profile: profile)
        let merchantProfile = world.merchants[Int(merchant)]
        let amount = habitualAmount(profile, merchantProfile)
        let (entryMode, pin) = genuineEntry(merchantProfile, amount: amount, profile: profile)
        var event = PlannedTransaction(
            time: habitualTime(profile), card: profile.card, cardIndex: Int32(index), amount: amount,
            merchant: merchant, terminal: world.terminal(of: merchant, &rng), expiry: profile.expiry,
            response: .approved, entryMode: entryMode, pinPresent: pin, scenario: 0)

        if profile.expired {
            // The cardholder has not noticed that the card expired; sometimes tries once more.
            event.response = .expiredCard
            add(event)
            if rng.chance(0.3), hasBudget {
                event.time += seconds(10, 90)
                add(event)
            }
            return
        }
        if let failure = outageResponse(issuer: profile.issuer, at: event.time) {
            // Issuer outage: the terminal or the cardholder retries until it goes through.
            event.response = failure
            add(event)
            for _ in 0..<rng.int(in: 1...3) where hasBudget {
                event.time += seconds(20, 240)
                event.response = outageResponse(issuer: profile.issuer, at: event.time) ?? .approved
                add(event)
                if event.response == .approved { break }
            }
            return
        }
        if pin, rng.chance(0.012) {
            // Wrong PIN, then the right one (sometimes a second wrong try first).
            event.response = .incorrectPIN
            add(event)
            if rng.chance(0.1), hasBudget {
                event.time += seconds(10, 40)
                add(event)
            }
            guard hasBudget else { return }
            event.time += seconds(10, 60)
            event.response = .approved
            add(event)
            return
        }
        let typical = SimMath.exp(Double(profile.amountMu)) * minorScale
        if rng.chance(Double(amount) > 3 * typical ? 0.05 : 0.01) {
            // Insufficient funds: zero to two retries a few minutes later, maybe a smaller amount.
            event.response = .insufficientFunds
            add(event)
            let retries = rng.pick([0, 1, 2], weights: [0.4, 0.4, 0.2])
            for _ in 0..<retries where hasBudget {
                event.time += seconds(60, 360)
                if rng.chance(0.5) { event.amount = max(1, Int64(Double(event.amount) * rng.double(in: 0.5...0.9))) }
                event.response = rng.chance(0.55) ? .approved : .insufficientFunds
                add(event)
                if event.response == .approved { break }
            }
            return
        }
        add(event)
    }

    /// The merchant of a genuine purchase: mostly a usual one, else a shop near home, an online
    /// shop, or (rarely) a shop elsewhere.
    mutating func usualOrNearbyMerchant(card index: Int, profile: CardProfile) -> Int32 {
        let draw = rng.unit()
        if draw < 0.7 {
            // Favourites first: the minimum of two uniform draws favours low slots.
            let slot = min(rng.int(below: SimulatedWorld.usualPerCard), rng.int(below: SimulatedWorld.usualPerCard))
            return world.usualMerchants[index * SimulatedWorld.usualPerCard + slot]
        }
        if draw < 0.92 { return world.posMerchant(in: profile.homeArea, &rng) }
        if draw < 0.97 { return world.ecommerceMerchant(&rng) }
        return world.anyPOSMerchant(&rng)
    }

    /// A time today drawn from the card's hour-of-day profile.
    mutating func habitualTime(_ profile: CardProfile) -> Int64 {
        var hour = Double(profile.hourCentre) + Double(profile.hourSpread) * rng.normal()
        hour = hour.truncatingRemainder(dividingBy: 24)
        if hour < 0 { hour += 24 }
        return dayStart + min(CalendarMath.millisecondsPerDay - 1, Int64(hour * Double(CalendarMath.millisecondsPerHour)))
    }

    /// An amount from the card's lognormal habit, scaled by the merchant's category.
    mutating func habitualAmount(_ profile: CardProfile, _ merchant: MerchantProfile) -> Int64 {
        let major = rng.logNormal(mu: Double(profile.amountMu + merchant.amountOffset), sigma: Double(profile.amountSigma))
        return minorUnits(min(20_000, max(0.5, major)))
    }

    /// Entry mode and PIN of a genuine purchase: chip and contactless at shops (PIN for chip,
    /// and for contactless above the CVM limit), card-not-present online.
    mutating func genuineEntry(_ merchant: MerchantProfile, amount: Int64, profile: CardProfile) -> (EntryMode, Bool) {
        if merchant.channel == .ecommerce {
            return (rng.chance(0.8) ? .ecommerce : .credentialOnFile, false)
        }
        let draw = rng.unit()
        if draw < 0.002 { return (.fallback, rng.chance(0.5)) }
        if draw < 0.003 { return (.manual, false) }
        if draw < 0.03 { return (.magstripe, rng.chance(0.3)) }
        if rng.chance(Double(profile.contactlessShare)) {
            return (.contactless, amount > configuration.contactlessPINLimit)
        }
        return (.chip, rng.chance(0.95))
    }
}
