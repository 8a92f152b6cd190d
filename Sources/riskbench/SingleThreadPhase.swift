import RiskCore

/// Single-thread measurements on one engine per pass, each pass starting from an empty engine.
struct SingleThreadPhase {
    let traffic: BenchTraffic
    let policy: Policy
    let engineConfiguration: EngineConfiguration
    let duration: Double?

    /// Records handled between two deadline checks.
    private static let checkEvery = 4_096

    /// `score` alone on every transaction, in order (no outcomes, feedback or status).
    func scoreOnly() -> PhaseTiming {
        timeScoring(chunkSize: Self.checkEvery) { engine, chunk in
            var declines = 0
            for tx in chunk where engine.score(tx).action == .decline { declines += 1 }
            return declines
        }
    }

    /// The same through the batch API, 256 transactions a call (the engine prefetches the state
    /// of the transactions ahead while it scores).
    func batchScore() -> PhaseTiming {
        let decisions = UnsafeMutablePointer<Decision>.allocate(capacity: 256)
        defer { decisions.deallocate() }
        return timeScoring(chunkSize: 256) { engine, chunk in
            engine.score(chunk, into: decisions)
            var declines = 0
            for index in 0..<chunk.count where decisions[index].action == .decline { declines += 1 }
            decisions.deinitialize(count: chunk.count)
            return declines
        }
    }

    /// Times `scoreChunk` over every transaction, in order, a chunk at a time, on a fresh engine,
    /// stopping at the deadline. `scoreChunk` returns the declines among its decisions, which
    /// keeps the decisions observable.
    private func timeScoring(chunkSize: Int, _ scoreChunk: (RiskEngine, UnsafeBufferPointer<Transaction>) -> Int) -> PhaseTiming {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let deadline = PhaseDeadline(seconds: duration)
        var done = 0
        var declines = 0
        let watch = Stopwatch()
        traffic.transactions.withUnsafeBufferPointer { transactions in
            while done < transactions.count {
                let end = min(done + chunkSize, transactions.count)
                declines += scoreChunk(engine, UnsafeBufferPointer(rebasing: transactions[done..<end]))
                done = end
                if deadline.hasPassed { break }
            }
        }
        let timing = PhaseTiming(count: done, wallSeconds: watch.wallSeconds, cpuSeconds: watch.cpuSeconds)
        precondition(declines <= done)
        return timing
    }

    /// The stream replayed with `process` semantics: score, then the issuer's outcome;
    /// feedback and status records applied. The count is of transactions scored; the time
    /// covers every record.
    func replay() -> PhaseTiming {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let deadline = PhaseDeadline(seconds: duration)
        var done = 0
        var scored = 0
        let watch = Stopwatch()
        traffic.records.withUnsafeBufferPointer { records in
            while done < records.count {
                let end = min(done + Self.checkEvery, records.count)
                for index in done..<end where engine.process(records[index]) != nil {
                    scored += 1
                }
                done = end
                if deadline.hasPassed { break }
            }
        }
        return PhaseTiming(count: scored, wallSeconds: watch.wallSeconds, cpuSeconds: watch.cpuSeconds)
    }

    /// The replay again with each `score` call timed on the monotonic clock; outcomes, feedback
    /// and status records are applied outside the timed region.
    func latency() -> LatencyHistogram {
        let engine = RiskEngine(policy: policy, configuration: engineConfiguration)
        let deadline = PhaseDeadline(seconds: duration)
        var histogram = LatencyHistogram.latency()
        traffic.records.withUnsafeBufferPointer { records in
            for index in records.indices {
                switch records[index] {
                case .transaction(let logged):
                    let start = BenchClock.wallNanoseconds()
                    let decision = engine.score(logged.transaction)
                    let end = BenchClock.wallNanoseconds()
                    histogram.record(end - start)
                    if let code = logged.responseCode {
                        engine.record(outcome: Outcome(transaction: logged.transaction, responseCode: code))
                    }
                    if decision.transactionID != logged.transaction.id { preconditionFailure("decision for another transaction") }
                case .feedback(let feedback):
                    engine.record(feedback: feedback)
                case .status(let update):
                    engine.record(status: update)
                }
                if index & 4_095 == 4_095, deadline.hasPassed { break }
            }
        }
        return histogram
    }
}
