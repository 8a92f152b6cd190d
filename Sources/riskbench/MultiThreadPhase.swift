import RiskCore

/// Embedded scoring from several gateway threads on one engine. Each thread scores a disjoint
/// slice of the cards (chosen by card hash), in stream order, so every card's transactions
/// keep their order, as they would behind a card-affine load balancer.
struct MultiThreadPhase {
    let traffic: BenchTraffic
    let policy: Policy
    let engineConfiguration: EngineConfiguration
    let threads: Int
    let duration: Double?

    /// One slice of transactions per thread.
    private func slices() -> [[Transaction]] {
        var slices = [[Transaction]](repeating: [], count: threads)
        for index in slices.indices { slices[index].reserveCapacity(traffic.transactions.count / threads + 1024) }
        for transaction in traffic.transactions {
            slices[Int(transaction.card.hash % UInt64(threads))].append(transaction)
        }
        return slices
    }

    /// Total `score` calls per second over all threads (no per-call timing), and the summed
    /// thread CPU time.
    func throughput() -> PhaseTiming {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let slices = slices()
        let deadline = PhaseDeadline(seconds: duration)
        let (results, wall) = ThreadGroup.run(threads) { thread -> (count: Int, cpu: Double) in
            let watch = Stopwatch()
            var done = 0
            slices[thread].withUnsafeBufferPointer { transactions in
                while done < transactions.count {
                    let end = min(done + 4_096, transactions.count)
                    for index in done..<end { engine.score(transactions[index]) }
                    done = end
                    if deadline.hasPassed { break }
                }
            }
            return (done, watch.cpuSeconds)
        }
        return PhaseTiming(count: results.reduce(0) { $0 + $1.count }, wallSeconds: wall,
                           cpuSeconds: results.reduce(0) { $0 + $1.cpu })
    }

    /// The same work with every `score` call timed; one histogram per thread, merged.
    func latency() -> LatencyHistogram {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let slices = slices()
        let deadline = PhaseDeadline(seconds: duration)
        let (histograms, _) = ThreadGroup.run(threads) { thread -> LatencyHistogram in
            var histogram = LatencyHistogram.latency()
            slices[thread].withUnsafeBufferPointer { transactions in
                for index in transactions.indices {
                    let start = BenchClock.wallNanoseconds()
                    engine.score(transactions[index])
                    let end = BenchClock.wallNanoseconds()
                    histogram.record(end - start)
                    if index & 4_095 == 4_095, deadline.hasPassed { break }
                }
            }
            return histogram
        }
        var merged = LatencyHistogram.latency()
        for histogram in histograms { merged.add(histogram) }
        return merged
    }
}
