import RiskCore

/// The simulated population: cards with their habits, merchants and their terminals, and the
/// areas that tie cardholders to nearby shops. Built once from the configuration and read-only
/// afterwards.
final class SimulatedWorld: Sendable {
    /// How many usual merchants each card has (five near home, one online).
    static let usualPerCard = 6

    let cards: [CardProfile]
    /// ``usualPerCard`` merchant indices per card, the favourite first.
    let usualMerchants: [Int32]
    /// Draws the card of the next genuine purchase (active cards more often).
    let cardActivity: AliasTable
    let merchants: [MerchantProfile]
    /// The merchant of each terminal, and the entity hash of each terminal id.
    let terminalMerchant: [Int32]
    let terminalHash: [UInt64]
    /// POS merchants grouped by area: area `a` owns `posMerchantsByArea[areaStart[a]..<areaStart[a+1]]`.
    let posMerchantsByArea: [Int32]
    let areaStart: [Int32]
    let ecommerceMerchants: [Int32]
    let highRiskMerchants: [Int32]
    /// Month index (see ``CalendarMath``) of the first simulated day.
    let startMonth: Int

    var areaCount: Int { areaStart.count - 1 }

    init(configuration: GeneratorConfiguration) {
        var rng = SimRandom(seed: configuration.seed, stream: 1)
        startMonth = CalendarMath.monthIndex(ofTime: configuration.startTime)

        // Merchants: kind, category and country.
        let merchantCount = configuration.merchantCount
        var merchants: [MerchantProfile] = []
        merchants.reserveCapacity(merchantCount)
        let everydayWeights = Catalog.everyday.map(\.weight)
        for index in 0..<merchantCount {
            var mcc: UInt16
            var ecommerce: Bool
            var highRisk = false
            var offset: Float = 0
            switch index {
            case 0: (mcc, ecommerce) = (5411, false)
            case 1: (mcc, ecommerce) = (5999, true)
            case 2: (mcc, ecommerce, highRisk) = (5967, true, true)
            case 3: (mcc, ecommerce, highRisk) = (5912, false, true)
            default:
                if rng.chance(0.03) {
                    let category = Catalog.highRisk[rng.int(below: Catalog.highRisk.count)]
                    (mcc, ecommerce, highRisk) = (category.mcc, category.ecommerce, true)
                } else {
                    let category = rng.pick(Catalog.everyday, weights: everydayWeights)
                    (mcc, ecommerce, offset) = (category.mcc, category.ecommerce, category.amountOffset)
                }
            }
            if highRisk { offset = 0.9 }
            let foreign = rng.chance(ecommerce ? 0.06 : 0.02)
            let country = foreign ? Catalog.foreignCountries[rng.int(below: Catalog.foreignCountries.count)] : configuration.homeCountry
            merchants.append(MerchantProfile(
                mcc: mcc, country: country, channel: ecommerce ? .ecommerce : .pointOfSale, highRisk: highRisk,
                area: 0, firstTerminal: 0, terminalCount: 1, amountOffset: offset, hash: 0))
        }

        // Areas for POS merchants, about forty shops each.
        let posIndices = merchants.indices.filter { merchants[$0].channel == .pointOfSale }
        let areaCount = max(1, posIndices.count / 40)
        var areaSizes = [Int32](repeating: 0, count: areaCount)
        for index in posIndices {
            let area = rng.int(below: areaCount)
            merchants[index].area = Int32(area)
            areaSizes[area] += 1
        }
        var areaStart = [Int32](repeating: 0, count: areaCount + 1)
        for area in 0..<areaCount { areaStart[area + 1] = areaStart[area] + areaSizes[area] }
        var fill = areaStart
        var byArea = [Int32](repeating: 0, count: posIndices.count)
        for index in posIndices {
            let area = Int(merchants[index].area)
            byArea[Int(fill[area])] = Int32(index)
            fill[area] += 1
        }

        // Terminals: one per merchant, the rest spread over POS merchants.
        let extra = configuration.terminalCount - merchantCount
        for _ in 0..<max(0, extra) {
            merchants[posIndices[rng.int(below: posIndices.count)]].terminalCount += 1
        }
        var terminalMerchant: [Int32] = []
        terminalMerchant.reserveCapacity(configuration.terminalCount)
        var text: [UInt8] = []
        for index in 0..<merchantCount {
            merchants[index].firstTerminal = Int32(terminalMerchant.count)
            for _ in 0..<merchants[index].terminalCount { terminalMerchant.append(Int32(index)) }
            text.removeAll(keepingCapacity: true)
            text.appendMerchantText(index)
            merchants[index].hash = text.withUnsafeBytes { SipHashKey.entityKey.hash($0) }
        }
        terminalHash = terminalMerchant.indices.map { terminal in
            text.removeAll(keepingCapacity: true)
            text.appendTerminalText(terminal)
            return text.withUnsafeBytes { SipHashKey.entityKey.hash($0) }
        }

        // Cards and their habits.
        let cardCount = configuration.cardCount
        let dayMonths = configuration.dayCount / 28 + 1
        var cards: [CardProfile] = []
        cards.reserveCapacity(cardCount)
        var activity: [Double] = []
        activity.reserveCapacity(cardCount)
        var usual: [Int32] = []
        usual.reserveCapacity(cardCount * Self.usualPerCard)
        let ecommerceMerchants = merchants.indices.filter { merchants[$0].channel == .ecommerce }.map { Int32($0) }
        let issuers = Array(0..<Catalog.issuerBINs.count)
        for index in 0..<cardCount {
            let issuer = rng.pick(issuers, weights: Catalog.issuerWeights)
            let card: SimulatedCard
            if rng.chance(configuration.panShare) {
                let payload = Catalog.issuerBINs[issuer] * 1_000_000_000 + UInt64(rng.int(below: 1_000_000_000))
                card = .pan(Luhn.complete(payload))
            } else {
                card = .token(UInt64(index))
            }
            let homeArea = Int32(rng.int(below: areaCount))
            let nightOwl = rng.chance(0.12)
            let centre = nightOwl ? min(23, max(17, 20.5 + 1.5 * rng.normal())) : min(19, max(8, 13 + 2.5 * rng.normal()))
            let expired = rng.chance(0.008)
            let expiryMonth = expired ? startMonth - rng.int(in: 1...8) : startMonth + dayMonths + rng.int(in: 1...48)
            cards.append(CardProfile(
                card: card, reference: card.reference, issuer: UInt8(issuer), homeArea: homeArea,
                hourCentre: Float(centre), hourSpread: Float(rng.double(in: 1.5...4)),
                amountMu: Float(3.4 + 0.6 * rng.normal()), amountSigma: Float(rng.double(in: 0.4...0.9)),
                contactlessShare: Float(rng.double(in: 0.3...0.9)),
                expiry: CalendarMath.expiry(monthIndex: expiryMonth), expired: expired))
            activity.append(rng.logNormal(mu: 0, sigma: 0.8) * (expired ? 0.1 : 1))
            let first = Int(areaStart[Int(homeArea)])
            let size = Int(areaStart[Int(homeArea) + 1]) - first
            for _ in 0..<(Self.usualPerCard - 1) {
                usual.append(size > 0 ? byArea[first + rng.int(below: size)] : byArea[rng.int(below: byArea.count)])
            }
            usual.append(ecommerceMerchants.isEmpty ? byArea[0] : ecommerceMerchants[rng.int(below: ecommerceMerchants.count)])
        }

        self.cards = cards
        self.usualMerchants = usual
        self.cardActivity = AliasTable(weights: activity)
        self.merchants = merchants
        self.terminalMerchant = terminalMerchant
        self.posMerchantsByArea = byArea
        self.areaStart = areaStart
        self.ecommerceMerchants = ecommerceMerchants
        self.highRiskMerchants = merchants.indices.filter { merchants[$0].highRisk }.map { Int32($0) }
    }

    /// A random POS merchant of `area`, or of any area when it has none.
    func posMerchant(in area: Int32, _ rng: inout SimRandom) -> Int32 {
        let first = Int(areaStart[Int(area)])
        let size = Int(areaStart[Int(area) + 1]) - first
        return size > 0 ? posMerchantsByArea[first + rng.int(below: size)] : anyPOSMerchant(&rng)
    }

    /// A random POS merchant anywhere.
    func anyPOSMerchant(_ rng: inout SimRandom) -> Int32 {
        posMerchantsByArea[rng.int(below: posMerchantsByArea.count)]
    }

    /// A random POS merchant outside `area` (when there is more than one area).
    func posMerchant(awayFrom area: Int32, _ rng: inout SimRandom) -> Int32 {
        guard areaCount > 1 else { return anyPOSMerchant(&rng) }
        var other = Int32(rng.int(below: areaCount - 1))
        if other >= area { other += 1 }
        return posMerchant(in: other, &rng)
    }

    /// A random e-commerce merchant.
    func ecommerceMerchant(_ rng: inout SimRandom) -> Int32 {
        ecommerceMerchants[rng.int(below: ecommerceMerchants.count)]
    }

    /// A random terminal of `merchant`.
    func terminal(of merchant: Int32, _ rng: inout SimRandom) -> Int32 {
        let profile = merchants[Int(merchant)]
        return profile.firstTerminal + Int32(rng.int(below: Int(profile.terminalCount)))
    }
}
