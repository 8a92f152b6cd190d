#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libm functions the generator needs, behind one platform import.
enum SimMath {
    @inline(__always) static func exp(_ x: Double) -> Double { libmExp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { libmLog(x) }
    @inline(__always) static func cos(_ x: Double) -> Double { libmCos(x) }
}

@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func libmCos(_ x: Double) -> Double { cos(x) }

/// The distributions the generator draws from, built on the raw bits of ``SimRandom``.
extension SimRandom {
    /// A uniform double in `[0, 1)` with 53 random bits.
    @inlinable
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by multiply-high (Lemire, bias < 2^-40
    /// for the bounds used here).
    @inlinable
    mutating func int(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    @inlinable
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform 64-bit integer in `range`.
    @inlinable
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(int(below: Int(range.upperBound - range.lowerBound + 1)))
    }

    /// A uniform double in `range`.
    @inlinable
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    @inlinable
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box–Muller; one of the pair is used).
    @inlinable
    mutating func normal() -> Double {
        let u1 = 1.0 - unit() // (0, 1]
        let u2 = unit()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// A lognormal deviate: `exp(mu + sigma * z)`.
    @inlinable
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        exp(mu + sigma * normal())
    }

    /// A Poisson count with mean `lambda` (Knuth's method below 30, a rounded normal above).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda >= 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        let limit = exp(-lambda)
        var product = unit()
        var count = 0
        while product > limit {
            count += 1
            product *= unit()
        }
        return count
    }

    /// An element of `options` chosen with the given `weights` (same count, positive sum).
    mutating func pick<T>(_ options: [T], weights: [Double]) -> T {
        var total = 0.0
        for weight in weights { total += weight }
        var target = unit() * total
        for index in options.indices {
            target -= weights[index]
            if target < 0 { return options[index] }
        }
        return options[options.count - 1]
    }
}
