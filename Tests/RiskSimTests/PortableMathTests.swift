import Foundation
@testable import RiskSim
import Testing

@Suite struct PortableMathTests {
    @Test func expMatchesTheCLibrary() {
        var random = SimRandom(seed: 1)
        for _ in 0..<20_000 {
            let x = random.double(in: -40...40)
            let expected = Foundation.exp(x)
            #expect(abs(PortableMath.exp(x) - expected) <= 1e-15 * expected, "exp(\(x))")
        }
        #expect(PortableMath.exp(0) == 1)
        #expect(PortableMath.exp(-800) == 0)
        #expect(PortableMath.exp(800) == .infinity)
    }

    @Test func logMatchesTheCLibrary() {
        var random = SimRandom(seed: 2)
        for _ in 0..<20_000 {
            let x = PortableMath.exp(random.double(in: -30...30))
            let expected = Foundation.log(x)
            #expect(abs(PortableMath.log(x) - expected) <= 1e-15 * max(1, abs(expected)), "log(\(x))")
        }
        #expect(PortableMath.log(1) == 0)
        #expect(PortableMath.log(0) == -.infinity)
        #expect(PortableMath.log(-1).isNaN)
    }

    @Test func normalDeviatesHaveUnitVariance() {
        var random = SimRandom(seed: 3)
        var sum = 0.0
        var squares = 0.0
        let count = 50_000
        for _ in 0..<count {
            let z = random.normal()
            sum += z
            squares += z * z
        }
        let mean = sum / Double(count)
        #expect(abs(mean) < 0.02)
        #expect(abs(squares / Double(count) - mean * mean - 1) < 0.03)
    }
}
