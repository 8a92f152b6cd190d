import RiskCore

/// Everything that determines a generated stream: sizes, seed, start and scenario mix.
///
/// Two generators with equal configurations produce identical records.
public struct GeneratorConfiguration: Sendable, Hashable {
    /// Number of transactions to generate (exact unless the injected fraud alone exceeds it).
    public var transactionCount: Int
    /// Number of cardholder cards in the population (fraud scenarios add external cards).
    public var cardCount: Int
    /// Number of terminals; raised to the merchant count when smaller (each merchant has one).
    public var terminalCount: Int
    /// Number of merchants (at least 4).
    public var merchantCount: Int
    /// Number of simulated days.
    public var dayCount: Int
    /// The seed of every random choice.
    public var seed: UInt64
    /// Start of the first day, in milliseconds since the epoch; rounded down to midnight UTC.
    /// The simulated region uses UTC as its local time, so hours of day are local hours.
    public var startTime: Int64
    /// Incidents per million transactions for each fraud scenario.
    public var scenarioMix: ScenarioMix
    /// Share of population cards written as 16-digit PANs (the rest as `tok_` tokens).
    public var panShare: Double
    /// Currency of every transaction.
    public var currency: CurrencyCode
    /// Acquirer country of domestic merchants (a few merchants are foreign).
    public var homeCountry: CountryCode
    /// Expected issuer outages per day (a window of minutes in which one issuer answers 91/96).
    public var outagesPerDay: Double
    /// Probability that an approved fraud transaction gets a chargeback or fraud report later.
    public var approvedFraudFeedbackRate: Double
    /// Probability that a declined fraud attempt gets a fraud report later.
    public var declinedFraudFeedbackRate: Double
    /// Contactless amount (minor units) above which a PIN is required (CVM limit).
    public var contactlessPINLimit: Int64

    /// Creates a configuration; the defaults make a 30-day stream of one million transactions.
    public init(
        transactions: Int = 1_000_000, cards: Int = 50_000, terminals: Int = 6_000, merchants: Int = 2_000,
        days: Int = 30, seed: UInt64 = 1, startTime: Int64 = 1_767_225_600_000,
        scenarioMix: ScenarioMix = .standard
    ) {
        precondition(transactions >= 0 && cards > 0 && days > 0, "counts must be positive")
        transactionCount = transactions
        cardCount = cards
        merchantCount = max(4, merchants)
        terminalCount = max(terminals, max(4, merchants))
        dayCount = days
        self.seed = seed
        self.startTime = startTime - ((startTime % 86_400_000) + 86_400_000) % 86_400_000
        self.scenarioMix = scenarioMix
        panShare = 0.15
        currency = .usd
        homeCountry = CountryCode("US")!
        outagesPerDay = 0.5
        approvedFraudFeedbackRate = 0.8
        declinedFraudFeedbackRate = 0.2
        contactlessPINLimit = 10_000
    }
}
