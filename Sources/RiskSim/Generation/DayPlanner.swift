import RiskCore

/// Plans the transactions of one simulated day: injected scenarios first, then genuine traffic
/// until the day's share of the transaction count is reached.
///
/// Events that fall after the day's end (late retries, fraud scheduled days ahead) wait in
/// ``later`` until their day comes.
struct DayPlanner: Sendable {
    let world: SimulatedWorld
    let configuration: GeneratorConfiguration
    var rng: SimRandom
    /// The transactions of the current day, unsorted.
    var events: [PlannedTransaction] = []
    /// Transactions planned for later days.
    var later: [PlannedTransaction] = []
    /// Status updates planned during the current day (the generator queues them).
    var statusUpdates: [(time: Int64, card: Int32, status: CardStatus)] = []
    /// Issuer outages of the current day.
    var outages: [IssuerOutage] = []
    /// Transactions planned so far, over all days.
    var planned = 0
    /// Cumulative transaction target at the end of the current day.
    var target = 0
    var day = 0
    var dayStart: Int64 = 0
    var dayEnd: Int64 = 0
    /// Minor units per major unit of the configured currency.
    let minorScale: Double
    /// End of the simulated period; scheduled fraud after it is dropped.
    let simulationEnd: Int64

    init(world: SimulatedWorld, configuration: GeneratorConfiguration) {
        self.world = world
        self.configuration = configuration
        rng = SimRandom(seed: configuration.seed, stream: 2)
        var scale = 1.0
        for _ in 0..<configuration.currency.minorUnitDigits { scale *= 10 }
        minorScale = scale
        simulationEnd = configuration.startTime + Int64(configuration.dayCount) * CalendarMath.millisecondsPerDay
    }

    var isLastDay: Bool { day == configuration.dayCount - 1 }

    /// Plans day `day` into ``events``.
    mutating func plan(day: Int) {
        self.day = day
        dayStart = configuration.startTime + Int64(day) * CalendarMath.millisecondsPerDay
        dayEnd = dayStart + CalendarMath.millisecondsPerDay
        events.removeAll(keepingCapacity: true)
        statusUpdates.removeAll(keepingCapacity: true)
        var waiting: [PlannedTransaction] = []
        for event in later {
            if event.time < dayEnd || isLastDay { events.append(event) } else { waiting.append(event) }
        }
        later = waiting
        let total = configuration.transactionCount
        target = Int(Int64(total) * Int64(day + 1) / Int64(configuration.dayCount))
        let today = target - Int(Int64(total) * Int64(day) / Int64(configuration.dayCount))

        planOutages()
        for scenario in Scenario.allCases {
            let incidents = rng.poisson(configuration.scenarioMix[scenario] * Double(today) / 1_000_000)
            for _ in 0..<incidents { inject(scenario) }
        }
        while planned < target {
            planGenuinePurchase(card: world.cardActivity.sample(&rng))
        }
    }

    /// Draws the day's issuer outages: windows of 5 to 40 minutes.
    mutating func planOutages() {
        outages.removeAll(keepingCapacity: true)
        for _ in 0..<rng.poisson(configuration.outagesPerDay) {
            let start = dayStart + rng.int64(in: 0...(CalendarMath.millisecondsPerDay - 1))
            let length = rng.int64(in: 5...40) * CalendarMath.millisecondsPerMinute
            outages.append(IssuerOutage(issuer: UInt8(rng.int(below: Catalog.issuerBINs.count)), start: start, end: start + length))
        }
    }

    /// The outage answer for a card of `issuer` at `time`: 91 or 96 during an outage (most
    /// requests fail), nil otherwise.
    mutating func outageResponse(issuer: UInt8, at time: Int64) -> ResponseCode? {
        for outage in outages where outage.issuer == issuer && time >= outage.start && time < outage.end {
            guard rng.chance(0.9) else { return nil }
            return rng.chance(0.7) ? .issuerUnavailable : .systemMalfunction
        }
        return nil
    }

    /// Runs one incident of `scenario`.
    mutating func inject(_ scenario: Scenario) {
        switch scenario {
        case .rapidRetries: injectRapidRetries()
        case .cardTesting: injectCardTesting()
        case .binAttack: injectBINAttack()
        case .compromisedTerminal: injectCompromisedTerminal()
        case .stolenCardSpree: injectStolenCardSpree()
        case .fallbackFraud: injectCounterfeitAtPOS(entryMode: .fallback, scenario: .fallbackFraud)
        case .manualEntryFraud: injectCounterfeitAtPOS(entryMode: .manual, scenario: .manualEntryFraud)
        case .retryAfterNeverRetry: injectRetryAfterNeverRetry()
        case .unusualHour: injectUnusualHour()
        }
    }

    // MARK: Adding events

    /// Adds a transaction of today (it may run past midnight) and counts it.
    mutating func add(_ event: PlannedTransaction) {
        var event = event
        event.resolve(in: world)
        planned += 1
        if event.time >= dayEnd && !isLastDay { later.append(event) } else { events.append(event) }
    }

    /// Adds a transaction planned for a later day, unless it falls after the simulated period.
    mutating func schedule(_ event: PlannedTransaction) {
        guard event.time < simulationEnd else { return }
        add(event)
    }

    /// Whether genuine traffic may still add a transaction today.
    var hasBudget: Bool { planned < target }

    // MARK: Shared draws

    /// An amount in minor units for `major` units of the configured currency (at least one
    /// minor unit).
    func minorUnits(_ major: Double) -> Int64 {
        max(1, Int64((major * minorScale).rounded()))
    }

    /// A random time in today between `fromHour` and `toHour` (local = UTC).
    mutating func timeToday(fromHour: Double = 0, toHour: Double = 24) -> Int64 {
        dayStart + Int64(rng.double(in: fromHour...toHour) * Double(CalendarMath.millisecondsPerHour))
            .clamped(to: 0...(CalendarMath.millisecondsPerDay - 1))
    }

    /// A random number of milliseconds between `low` and `high` seconds.
    mutating func seconds(_ low: Int, _ high: Int) -> Int64 {
        rng.int64(in: Int64(low) * 1000...Int64(high) * 1000)
    }

    /// A random population card that has not expired.
    mutating func activeCard() -> Int32 {
        var index = rng.int(below: world.cards.count)
        for _ in 0..<8 where world.cards[index].expired {
            index = rng.int(below: world.cards.count)
        }
        return Int32(index)
    }

    /// A fraudulent transaction on population card `card` (the fields the scenario does not
    /// set get the card's own data and an approval).
    func fraud(_ scenario: Scenario, card: Int32, time: Int64, merchant: Int32, terminal: Int32, amount: Int64,
               entryMode: EntryMode, response: ResponseCode) -> PlannedTransaction {
        let profile = world.cards[Int(card)]
        return PlannedTransaction(
            time: time, card: profile.card, cardIndex: card, amount: amount, merchant: merchant, terminal: terminal,
            expiry: profile.expiry, response: response, entryMode: entryMode, pinPresent: false,
            scenario: scenario.rawValue)
    }

    /// A card number from outside the population: `bin`, nine account digits, Luhn check digit.
    static func externalPAN(bin: UInt64, account: UInt64) -> SimulatedCard {
        .pan(Luhn.complete(bin * 1_000_000_000 + account % 1_000_000_000))
    }

    /// An expiry `YYMM` for a guessed or stolen card number: in the past when the issuer
    /// answered "expired" (54), otherwise up to four years ahead.
    mutating func guessedExpiry(for response: ResponseCode) -> UInt16 {
        let month = response == .expiredCard
            ? world.startMonth - rng.int(in: 1...24)
            : world.startMonth + rng.int(in: 2...48)
        return CalendarMath.expiry(monthIndex: month)
    }
}

extension Comparable {
    /// The value limited to `range`.
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
