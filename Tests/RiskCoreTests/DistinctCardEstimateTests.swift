import Testing
@testable import RiskCore

/// The written-out linear-counting table behind the `*.distinct_cards_10m` features.
@Suite("Distinct-card estimates")
struct DistinctCardEstimateTests {
    @Test("the table holds -256 ln((256 - ones) / 256), rounded, for every number of set bits")
    func tableMatchesFormula() {
        #expect(CardBitmap.estimates.count == 257)
        for ones in 0...256 {
            let expected = ones == 0 ? 0 : (-256 * EventTime.ln(Double(max(256 - ones, 1)) / 256)).rounded()
            #expect(Double(CardBitmap.estimates[ones]) == expected, "ones \(ones)")
        }
    }

    @Test("a bitmap reads the entry of its number of set bits")
    func bitmapReadsItsCount() {
        var bitmap = CardBitmap.empty
        #expect(bitmap.estimatedDistinct == 0)
        for hash in [UInt64(3), 70, 140, 200, 255, 3] { bitmap.insert(hash) }
        #expect(bitmap.count == 5)
        #expect(bitmap.estimatedDistinct == 5)
        for hash in UInt64(0)..<256 { bitmap.insert(hash) }
        #expect(bitmap.estimatedDistinct == 1420)
    }
}
