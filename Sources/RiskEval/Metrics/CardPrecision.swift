/// Card precision@k per day: how many of the k cards an investigator would check each day are
/// really compromised.
///
/// Each UTC day, every card gets the highest score of its transactions that day; the k cards
/// with the highest such score (ties broken by card hash, for determinism) are checked. Cards
/// caught on an earlier day (checked and fraudulent then) are left out, as they are already
/// blocked. A checked card counts as a hit when it had a fraud transaction that day. The day's
/// precision is hits ÷ k; the result is the mean over the days with at least one transaction.
public enum CardPrecision {
    /// Milliseconds per day.
    static let day: Int64 = 86_400_000

    /// The mean daily card precision@k and the number of days; nil when there are no samples.
    public static func atK(_ samples: [ScoredSample], k: Int) -> (precision: Double, days: Int)? {
        precondition(k > 0, "k must be positive")
        guard !samples.isEmpty else { return nil }
        struct Key: Hashable { var day: Int64; var card: UInt64 }
        struct CardDay { var score: Double; var fraud: Bool }
        var best: [Key: CardDay] = [:]
        for sample in samples {
            let dayNumber = sample.time >= 0 ? sample.time / day : (sample.time - day + 1) / day
            let key = Key(day: dayNumber, card: sample.card)
            var entry = best[key] ?? CardDay(score: -.infinity, fraud: false)
            entry.score = max(entry.score, sample.score)
            entry.fraud = entry.fraud || sample.fraud
            best[key] = entry
        }
        var days: [Int64: [(card: UInt64, entry: CardDay)]] = [:]
        for (key, entry) in best { days[key.day, default: []].append((key.card, entry)) }
        var caught = Set<UInt64>()
        var total = 0.0
        for dayNumber in days.keys.sorted() {
            let ranked = days[dayNumber]!.filter { !caught.contains($0.card) }
                .sorted { $0.entry.score != $1.entry.score ? $0.entry.score > $1.entry.score : $0.card < $1.card }
                .prefix(k)
            var hits = 0
            for checked in ranked where checked.entry.fraud {
                hits += 1
                caught.insert(checked.card)
            }
            total += Double(hits) / Double(k)
        }
        return (total / Double(days.count), days.count)
    }
}
