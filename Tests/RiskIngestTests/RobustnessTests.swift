import RiskCore
import Testing
@testable import RiskIngest

/// Mutated lines must either parse or be rejected with a reason: never trap or read outside
/// the line (debug builds check every buffer access).
@Suite("Robustness")
struct RobustnessTests {
    struct Xorshift {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let ndjsonSeeds = [
        #"{"kind":"transaction","id":"tx-42","time":"2026-01-31T12:00:00.250+01:00","card":"4111111111111111","amount":"12.34","currency":"EUR","merchant":"M\"1\u00e9\ud83d\ude00","terminal":"T-9","mcc":5411,"country":"fr","entry_mode":"contactless","pin":true,"expiry":"2812","type":"reversal","response_code":"51","label":"fraud","scenario":"card_testing","x":{"a":[1,2.5e3,null,"s"]}}"#,
        #"{"kind":"feedback","time":1769860800,"card":"tok","txn_time":1769860800000,"ref":12,"feedback":"chargeback"}"#,
        #"{"kind":"status","time":"2026-01-31 12:00:00","card":"c","status":"stolen"}"#,
    ]
    static let csvSeeds = [#"1,"2026-01-31T12:00:00Z","a,""b""",12.34,M1,1,0"#, "7,1769860800,4111111111111111,1500,X,fraud,1\r"]
    static let specials: [UInt8] = Array(#""\{}[],:u0189.-+eE tfn"#.utf8) + [0x80, 0xC3, 0xE2, 0xF0, 0xED, 0x00, 0x1F, 0x0D]

    func mutate(_ text: String, _ random: inout Xorshift) -> [UInt8] {
        var bytes = Array(text.utf8)
        for _ in 0...random.below(4) {
            let special = Self.specials[random.below(Self.specials.count)]
            switch random.below(5) {
            case 0 where !bytes.isEmpty: bytes[random.below(bytes.count)] = special
            case 1: bytes.insert(special, at: random.below(bytes.count + 1))
            case 2 where !bytes.isEmpty: bytes.removeSubrange(random.below(bytes.count)...)
            case 3 where !bytes.isEmpty: bytes.remove(at: random.below(bytes.count))
            default: if !bytes.isEmpty { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            }
        }
        return bytes
    }

    func check(_ parser: some RecordParsing, _ bytes: [UInt8]) -> Bool {
        switch parseLine(parser, bytes) {
        case .success(let parsed): parsed.idRange.lowerBound >= 0 && parsed.idRange.upperBound <= bytes.count
        case .failure(let error): !error.reason.isEmpty
        }
    }

    @Test("mutated NDJSON and CSV lines parse or are rejected with a reason")
    func mutatedLines() throws {
        var random = Xorshift(state: 0x2545_F491_4F6C_DD1D)
        let ndjson = NDJSONRecordParser()
        let csv = try CSVRecordParser(header: "id,time,card,amount,merchant,label,pin")
        var accepted = 0
        for iteration in 0..<20_000 {
            let useCSV = iteration % 3 == 0
            let seeds = useCSV ? Self.csvSeeds : Self.ndjsonSeeds
            let bytes = mutate(seeds[random.below(seeds.count)], &random)
            let fine = useCSV ? check(csv, bytes) : check(ndjson, bytes)
            #expect(fine, "\(bytes)")
            if case .success = useCSV ? parseLine(csv, bytes) : parseLine(ndjson, bytes) { accepted += 1 }
        }
        // Some mutations leave a valid record (e.g. a changed digit), most do not.
        #expect(accepted > 100)
        #expect(accepted < 19_000)
    }
}
