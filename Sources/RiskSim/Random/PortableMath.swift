/// `exp` and `log` from basic IEEE 754 operations only (+, −, ×, ÷, exact scaling), so that the
/// generator's draws, and therefore its output bytes, are the same on every platform and C
/// library. Relative error is below 1e-15 over the ranges the generator uses.
enum PortableMath {
    private static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    private static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    private static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// e^x. Returns 0 below −745 and +∞ above 709.78.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.78 { return .infinity }
        if x < -745 { return 0 }
        // x = n·ln2 + r with |r| ≤ ln2/2; e^r by its Taylor series (Horner), then scale by 2^n.
        let n = (x / ln2).rounded()
        let r = (x - n * ln2Hi) - n * ln2Lo
        var sum = 1.0
        var term = 1.0
        for k in 1...17 {
            term *= r / Double(k)
            sum += term
        }
        return scale(sum, byPowerOfTwo: Int(n))
    }

    /// Natural logarithm of a positive finite `x` (−∞ for 0, NaN for negative values).
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return x }
        // x = m·2^k with m in [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172.
        var k = Int(x.exponent)
        var m = x.significand // [1, 2)
        if m > 1.414_213_562_373_095_048_8 {
            m /= 2
            k += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        var power = s
        var series = 0.0
        var denominator = 1.0
        for _ in 0..<14 {
            series += power / denominator
            power *= s2
            denominator += 2
        }
        return Double(k) * ln2Hi + (Double(k) * ln2Lo + 2 * series)
    }

    /// `value · 2^power`, exactly, in steps that never overflow the exponent.
    private static func scale(_ value: Double, byPowerOfTwo power: Int) -> Double {
        var result = value
        var remaining = power
        while remaining > 1000 {
            result *= 0x1p1000
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= 0x1p-1000
            remaining += 1000
        }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
