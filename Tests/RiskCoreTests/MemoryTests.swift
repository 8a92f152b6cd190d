import Testing
@testable import RiskCore

@Suite("Bounded memory")
struct MemoryTests {
    @Test("a card costs at most 512 bytes, record and index together")
    func bytesPerCard() {
        #expect(MemoryLayout<CardState>.stride <= 496)
        #expect(KeyedTable<CardState>.bytesPerKey <= 512)
        #expect(MemoryLayout<CardEvent>.stride == 16)
    }

    @Test("a terminal or merchant record is the 1,552 bytes the documentation states")
    func bytesPerAcceptor() {
        #expect(MemoryLayout<AcceptorState>.stride == 1_552)
    }

    @Test("every feature fits the inline feature vector")
    func featureVectorCapacity() {
        #expect(FeatureSchema.count <= FeatureVector.capacity)
        #expect(FeatureSchema.names.count == Feature.allCases.count)
        #expect(Set(FeatureSchema.names).count == FeatureSchema.count, "feature names are unique")
    }

    @Test("a flood of never-seen cards evicts the least recently seen and stays within capacity")
    func evictionBoundsTheTable() {
        let configuration = EngineConfiguration(partitions: 4, maximumCards: 2_000, maximumTerminals: 64, maximumMerchants: 64)
        let engine = RiskEngine(policy: try! Policy.parse(yaml: "rules: []"), configuration: configuration)
        // A loyal card used every minute stays; 20,000 one-off cards pass through.
        for step in 0..<20_000 {
            let time = Fixture.start + Int64(step) * 1_000
            engine.score(Fixture.tx(card: "tok_flood_\(step)", at: time))
            if step % 60 == 0 { engine.score(Fixture.tx(card: "tok_loyal", at: time)) }
        }
        let statistics = engine.statistics
        #expect(statistics.trackedCards == 2_000)
        #expect(statistics.evictions >= 18_000)
        let loyal = engine.features(scoring: Fixture.tx(card: "tok_loyal", at: Fixture.start + 20_000_000))
        #expect(loyal[.cardHistoryAttempts] >= 333, "a recently seen card survives the flood")
        let bytes = engine.statistics.allocatedBytes
        for step in 20_000..<25_000 { engine.score(Fixture.tx(card: "tok_flood_\(step)", at: Fixture.start + Int64(step) * 1_000)) }
        #expect(engine.statistics.allocatedBytes == bytes, "memory does not grow once full")
    }

    @Test("an evicted card starts afresh and the table keeps finding the others")
    func evictionKeepsIndexConsistent() {
        let table = KeyedTable<CardState>(maximumKeys: 64)
        var rng = SystemRandomNumberGenerator()
        var live: [UInt64: Int64] = [:]
        for step in 0..<5_000 {
            let key = UInt64.random(in: 1...200, using: &rng) &* 0x9E37_79B9_7F4A_7C15
            let time = Int64(step)
            table.withRecord(for: key, time: time) { $0.lastSeen = time }
            live[key] = time
        }
        #expect(table.count == 64)
        var found = 0
        for (key, time) in live {
            if let position = table.position(of: key) {
                found += 1
                #expect(table.slab[position].key == key)
                #expect(table.slab[position].lastSeen == time)
            }
        }
        #expect(found == 64, "every record in the slab is reachable through the index")
    }
}
