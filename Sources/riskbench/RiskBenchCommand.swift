import ArgumentParser
import RiskCore
import RiskSim

/// `riskbench`: throughput, latency, memory and detection of the engine on generated traffic.
///
/// Traffic is generated into memory first; only the engine's work is timed. Build in release
/// (`swift build -c release --product riskbench`).
@main
struct RiskBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "riskbench",
        abstract: "Measure RiskScore: single- and multi-thread scoring, latency, pipeline, memory per card, detection."
    )

    @Option(help: "Transactions to generate.")
    var transactions: Int = 2_000_000

    @Option(help: "Cardholder cards in the generated population.")
    var cards: Int = 200_000

    @Option(help: "Gateway threads for the multi-thread phase.")
    var threads: Int = 2

    @Option(help: "Cap in seconds on each measured phase (default: the whole stream).")
    var duration: Double?

    @Option(help: "Policy file.")
    var policy: String = "Models/default-policy.yaml"

    @Option(help: "Seed of the generated traffic.")
    var seed: UInt64 = 1

    @Option(name: .customLong("memory-cards"), help: "Distinct cards for the memory-per-card measurement.")
    var memoryCards: Int = 1_000_000

    @Flag(help: "Print one JSON object instead of the table.")
    var json = false

    @Flag(name: .customLong("detection-only"), help: "Skip the timed phases; only replay the traffic and report detection (for policy tuning).")
    var detectionOnly = false

    func validate() throws {
        guard transactions > 0, cards > 0 else { throw ValidationError("--transactions and --cards must be positive") }
        guard threads > 0 else { throw ValidationError("--threads must be positive") }
        guard memoryCards > 0 else { throw ValidationError("--memory-cards must be positive") }
        if let duration, !(duration > 0) { throw ValidationError("--duration must be positive") }
    }

    func run() throws {
        let compiled: Policy
        do {
            compiled = try Policy.load(contentsOf: policy)
        } catch {
            throw ValidationError("\(policy): \(error.description)")
        }
        // Memory first, in a fresh process: memory freed by earlier phases would stay resident
        // in the allocator and be reused, hiding part of the engine's growth.
        var memory: MemoryPhase.Result?
        if !detectionOnly {
            progress("memory: \(memoryCards) cards …")
            memory = MemoryPhase(policy: compiled, cards: memoryCards).run()
        }
        progress("generating \(transactions) transactions on \(cards) cards …")
        let generation = Stopwatch()
        let configuration = GeneratorConfiguration(
            transactions: transactions, cards: cards, terminals: max(6_000, cards / 30), merchants: max(2_000, cards / 100), seed: seed)
        let traffic = BenchTraffic(configuration: configuration)
        let generationSeconds = generation.wallSeconds
        // Enough room that the traffic's cards are never evicted.
        let engineConfiguration = EngineConfiguration(maximumCards: max(1 << 20, cards * 2))

        let performance = memory.map { measure(traffic, compiled, engineConfiguration, memory: $0) }
        progress("detection …")
        let detection = DetectionPhase(traffic: traffic, policy: compiled, engineConfiguration: engineConfiguration).run()
        let report = BenchReport(
            policyName: compiled.name, transactions: traffic.tally.transactions, cards: cards, records: traffic.records.count,
            fraudShare: traffic.tally.fraudShare, generationSeconds: generationSeconds, performance: performance,
            detection: detection)
        print(json ? report.json : report.table)
    }

    /// Runs the timed phases, one after another.
    private func measure(_ traffic: BenchTraffic, _ policy: Policy, _ engineConfiguration: EngineConfiguration,
                         memory: MemoryPhase.Result) -> PerformanceResults {
        let single = SingleThreadPhase(traffic: traffic, policy: policy, engineConfiguration: engineConfiguration, duration: duration)
        progress("single thread: score only …")
        let scoreOnly = single.scoreOnly()
        progress("single thread: batch score …")
        let batchScore = single.batchScore()
        progress("single thread: replay …")
        let replay = single.replay()
        progress("single thread: latency …")
        let timerOverhead = TimerOverhead.measure()
        let latency = LatencySummary(single.latency())

        let multi = MultiThreadPhase(traffic: traffic, policy: policy, engineConfiguration: engineConfiguration, threads: threads, duration: duration)
        progress("\(threads) threads: throughput …")
        let multiThread = multi.throughput()
        progress("\(threads) threads: latency …")
        let multiLatency = LatencySummary(multi.latency())

        progress("pipeline: writing the traffic to a temporary .zst file (not timed), then \(threads) workers …")
        let pipeline = PipelinePhase(configuration: traffic.configuration, policy: policy, engineConfiguration: engineConfiguration,
                                     workers: threads, duration: duration).run()

        progress("model …")
        let model = ModelPhase(traffic: traffic, policy: policy, engineConfiguration: engineConfiguration).run()

        return PerformanceResults(
            scoreOnly: scoreOnly, batchScore: batchScore, replay: replay, latency: latency, timerOverhead: timerOverhead, threads: threads,
            multiThread: multiThread, multiThreadLatency: multiLatency, pipeline: pipeline, memory: memory, model: model)
    }

    /// Progress goes to standard error so `--json` output stays one object.
    private func progress(_ message: String) {
        var standardError = StandardError()
        print(message, to: &standardError)
    }
}
