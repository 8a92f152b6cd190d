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
        // Taylor coefficients 1/k! for k = 13 … 2 (truncation error below 1e-17 for |r| ≤ 0.35).
        var p = 1.6059043836821613e-10
        p = p * r + 2.08767569878681e-09
        p = p * r + 2.505210838544172e-08
        p = p * r + 2.755731922398589e-07
        p = p * r + 2.7557319223985893e-06
        p = p * r + 2.48015873015873e-05
        p = p * r + 0.0001984126984126984
        p = p * r + 0.001388888888888889
        p = p * r + 0.008333333333333333
        p = p * r + 0.041666666666666664
        p = p * r + 0.16666666666666666
        p = p * r + 0.5
        p = p * r + 1
        p = p * r + 1
        return scale(p, byPowerOfTwo: Int(n))
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
        // atanh(s)/s = Σ s^(2i)/(2i+1), i = 0 … 12 (truncation error below 1e-19).
        var q = 0.04
        q = q * s2 + 0.043478260869565216
        q = q * s2 + 0.047619047619047616
        q = q * s2 + 0.05263157894736842
        q = q * s2 + 0.058823529411764705
        q = q * s2 + 0.06666666666666667
        q = q * s2 + 0.07692307692307693
        q = q * s2 + 0.09090909090909091
        q = q * s2 + 0.1111111111111111
        q = q * s2 + 0.14285714285714285
        q = q * s2 + 0.2
        q = q * s2 + 0.3333333333333333
        q = q * s2 + 1
        return Double(k) * ln2Hi + (Double(k) * ln2Lo + 2 * s * q)
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
