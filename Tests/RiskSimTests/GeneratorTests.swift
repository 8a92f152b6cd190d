import RiskCore
@testable import RiskSim
import Testing

@Suite struct GeneratorTests {
    static let small = GeneratorConfiguration(
        transactions: 30_000, cards: 3_000, terminals: 500, merchants: 200, days: 10, seed: 5)

    static func ndjson(_ configuration: GeneratorConfiguration) -> [UInt8] {
        var buffer: [UInt8] = []
        let writer = NDJSONRecordWriter()
        for record in TrafficGenerator(configuration: configuration) { writer.append(record, to: &buffer) }
        return buffer
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let first = Self.ndjson(Self.small)
        let second = Self.ndjson(Self.small)
        #expect(first.count > 1_000_000)
        #expect(first == second)
    }

    @Test func differentSeedGivesDifferentBytes() {
        var other = Self.small
        other.seed = 6
        #expect(Self.ndjson(Self.small) != Self.ndjson(other))
    }

    @Test func generatesExactlyTheConfiguredTransactionCount() {
        let run = StandardRun.shared
        #expect(run.transactions == 200_000)
        #expect(run.idsNotIncreasing == 0)
    }

    @Test func recordsAreInEventTimeOrder() {
        #expect(StandardRun.shared.outOfOrder == 0)
    }

    @Test func feedbackArrivesAfterItsTransaction() {
        let run = StandardRun.shared
        #expect(run.feedback > 500)
        #expect(run.feedbackWithUnknownReference == 0)
        #expect(run.feedbackNotAfterTransaction == 0)
        let delays = run.feedbackDelayDays.sorted()
        #expect(delays.first! >= 2 && delays.last! <= 45)
        let median = delays[delays.count / 2]
        #expect(median >= 7 && median <= 21)
    }

    @Test func stolenCardsAreReportedAfterTheSpreeStarts() {
        let run = StandardRun.shared
        #expect(run.statuses > 0)
        #expect(run.statusBeforeSpree == 0)
    }

    @Test func pansAreLuhnValid() {
        let run = StandardRun.shared
        #expect(run.pans > 10_000)
        #expect(run.invalidPANs == 0)
    }

    @Test func cardReferenceMatchesWrittenText() {
        var generator = TrafficGenerator(configuration: Self.small)
        var checked = 0
        while let record = generator.next(), checked < 2000 {
            guard case .transaction(let logged) = record.record else { continue }
            #expect(logged.transaction.card == CardReference(record.cardText))
            #expect(logged.transaction.merchant == Transaction.entityHash(record.merchantText))
            #expect(logged.transaction.terminal == Transaction.entityHash(record.terminalText))
            checked += 1
        }
    }
}

/// A fixed fingerprint of the output for one configuration. The generator uses only integer
/// arithmetic, basic IEEE 754 operations and its own `exp`/`log`, so this holds on every
/// platform; an intended change of the generated traffic must update the constant (and say so).
@Suite struct GoldenOutputTests {
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    @Test func outputFingerprintIsStable() {
        let bytes = GeneratorTests.ndjson(GeneratorConfiguration(
            transactions: 5_000, cards: 800, terminals: 150, merchants: 60, days: 5, seed: 20_260_101))
        #expect(Self.fnv1a(bytes) == 0xAA96_AB6C_29D4_476F && bytes.count == 1_512_362, "fingerprint \(String(Self.fnv1a(bytes), radix: 16)), \(bytes.count) bytes")
    }
}
