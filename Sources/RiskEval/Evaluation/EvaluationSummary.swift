/// The figures of one policy on a labelled stream (the JSON of `riskscore evaluate --json`).
public struct EvaluationSummary: Sendable, Codable {
    /// Precision and recall of one decision level.
    public struct AtDecision: Sendable, Codable {
        /// Labelled transactions at this level or above.
        public var flagged: Int
        /// Frauds among them.
        public var frauds: Int
        /// frauds ÷ flagged (nil when nothing was flagged).
        public var precision: Double?
        /// frauds ÷ all frauds (nil without frauds).
        public var recall: Double?
    }

    /// The policy's name.
    public var policy: String
    /// Labelled transactions.
    public var transactions: Int
    /// Transactions without a label (not in the metrics).
    public var unlabelled: Int
    /// Frauds among the labelled transactions.
    public var frauds: Int
    /// Area under the ROC curve of the decision score.
    public var aucROC: Double?
    /// Average precision of the decision score.
    public var averagePrecision: Double?
    /// Review or decline (action ≥ review).
    public var reviewOrDecline: AtDecision
    /// Decline.
    public var decline: AtDecision
    /// The k of ``cardPrecisionAtK``.
    public var k: Int
    /// Mean daily card precision@k.
    public var cardPrecisionAtK: Double?
    /// Days in the stream.
    public var days: Int
    /// Share of genuine transactions sent to review.
    public var genuineReviewRate: Double?
    /// Share of genuine transactions declined.
    public var genuineDeclineRate: Double?
    /// Decisions per scenario (only when the data names scenarios; `""` is "no scenario").
    public var scenarios: [String: DecisionCounts]

    enum CodingKeys: String, CodingKey {
        case policy, transactions, unlabelled, frauds, aucROC = "auc_roc", averagePrecision = "average_precision"
        case reviewOrDecline = "review_or_decline", decline, k, cardPrecisionAtK = "card_precision_at_k", days
        case genuineReviewRate = "genuine_review_rate", genuineDeclineRate = "genuine_decline_rate", scenarios
    }

    /// Computes the figures of a decision log.
    public init(_ log: DecisionLog, k: Int) {
        let samples = log.samples
        policy = log.policyName
        transactions = samples.count
        unlabelled = log.unlabelled
        let fraudCount = samples.count { $0.fraud }
        frauds = fraudCount
        aucROC = RankingMetrics.areaUnderROC(samples)
        averagePrecision = RankingMetrics.averagePrecision(samples)
        func level(_ include: (ScoredSample) -> Bool) -> AtDecision {
            let flagged = samples.filter(include)
            let caught = flagged.count { $0.fraud }
            return AtDecision(flagged: flagged.count, frauds: caught,
                              precision: flagged.isEmpty ? nil : Double(caught) / Double(flagged.count),
                              recall: fraudCount == 0 ? nil : Double(caught) / Double(fraudCount))
        }
        reviewOrDecline = level { $0.action >= .review }
        decline = level { $0.action == .decline }
        self.k = k
        let cards = CardPrecision.atK(samples, k: k)
        cardPrecisionAtK = cards?.precision
        days = cards?.days ?? 0
        let genuine = samples.filter { !$0.fraud }
        genuineReviewRate = genuine.isEmpty ? nil : Double(genuine.count { $0.action == .review }) / Double(genuine.count)
        genuineDeclineRate = genuine.isEmpty ? nil : Double(genuine.count { $0.action == .decline }) / Double(genuine.count)
        scenarios = log.scenarios.keys.contains { !$0.isEmpty } ? log.scenarios : [:]
    }
}
