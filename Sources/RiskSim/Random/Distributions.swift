/// The math functions the generator needs: the portable implementations, so that output bytes
/// do not depend on the platform's C library.
enum SimMath {
    @inline(__always) static func exp(_ x: Double) -> Double { PortableMath.exp(x) }
    @inline(__always) static func log(_ x: Double) -> Double { PortableMath.log(x) }
}

/// The distributions the generator draws from, built on the raw bits of ``SimRandom``.
extension SimRandom {
    /// A uniform double in `[0, 1)` with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (`bound` > 0), by multiply-high (Lemire, bias < 2^-40
    /// for the bounds used here).
    @inline(__always)
    mutating func int(below bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A uniform 64-bit integer in `range`.
    @inline(__always)
    mutating func int64(in range: ClosedRange<Int64>) -> Int64 {
        range.lowerBound + Int64(int(below: Int(range.upperBound - range.lowerBound + 1)))
    }

    /// A uniform double in `range`.
    @inline(__always)
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Marsaglia's polar method; one of the pair is used). Uses only
    /// `sqrt` (correctly rounded everywhere) and ``PortableMath/log(_:)``.
    @inline(__always)
    mutating func normal() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * (-2 * SimMath.log(s) / s).squareRoot()
            }
        }
    }

    /// A lognormal deviate: `exp(mu + sigma * z)`.
    @inline(__always)
    mutating func logNormal(mu: Double, sigma: Double) -> Double {
        SimMath.exp(mu + sigma * normal())
    }

    /// A Poisson count with mean `lambda` (Knuth's method below 30, a rounded normal above).
    mutating func poisson(_ lambda: Double) -> Int {
        guard lambda > 0 else { return 0 }
        if lambda >= 30 {
            return max(0, Int((lambda + lambda.squareRoot() * normal()).rounded()))
        }
        let limit = SimMath.exp(-lambda)
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
