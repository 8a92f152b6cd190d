@testable import RiskSim
import Testing

@Suite struct LuhnTests {
    @Test func knownNumbers() {
        #expect(Luhn.isValid("4111111111111111".utf8))
        #expect(Luhn.isValid("4532015112830366".utf8))
        #expect(!Luhn.isValid("4111111111111112".utf8))
        #expect(!Luhn.isValid("tok_000123".utf8))
        #expect(Luhn.checkDigit(for: 411_111_111_111_111) == 1)
    }

    @Test func completedNumbersAreValid() {
        var random = SimRandom(seed: 3)
        for _ in 0..<1000 {
            let card = SimulatedCard.pan(Luhn.complete(520_082 * 1_000_000_000 + random.next() % 1_000_000_000))
            let text = card.text
            #expect(text.count == 16)
            #expect(text.hasPrefix("520082"))
            #expect(Luhn.isValid(text.utf8))
        }
    }
}
