import RiskCore
import Testing

/// The RiskCore behaviour the simulator relies on when it hashes the text it writes.
@Suite struct RiskCoreSimSupportTests {
    @Test func panFieldKeepsBINAndLastFour() {
        let reference = CardReference("4532015112830366")
        #expect(reference.isPAN)
        #expect(reference.bin == 453_201)
        #expect(reference.last4 == 366)
        #expect(reference.masked == "453201******0366")
    }

    @Test func tokenFieldIsNotAPAN() {
        let reference = CardReference("tok_000123")
        #expect(!reference.isPAN)
        #expect(reference.hash == SipHashKey.defaultCardKey.hash("tok_000123"))
    }
}
