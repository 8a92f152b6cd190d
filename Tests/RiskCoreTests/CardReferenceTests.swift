import RiskCore
import Testing

@Suite("CardReference")
struct CardReferenceTests {
    @Test("a PAN keeps only its BIN, last four and length")
    func pan() {
        let card = CardReference("4111111111111111")
        #expect(card.isPAN)
        #expect(card.bin == 411_111)
        #expect(card.last4 == 1111)
        #expect(card.panLength == 16)
        #expect(card.masked == "411111******1111")
        // Leading zeros of the last four survive masking.
        #expect(CardReference("4532015112830366").masked == "453201******0366")
    }

    @Test("anything else is a token")
    func token() {
        let card = CardReference("tok_abc123")
        #expect(!card.isPAN)
        #expect(card.bin == 0 && card.last4 == 0 && card.panLength == 0)
        #expect(card.hash == SipHashKey.defaultCardKey.hash("tok_abc123"))
    }
}
