import Foundation

/// The logistic function `1 / (1 + exp(-z))`, stable for large |z|.
@inlinable
func sigmoid(_ z: Double) -> Double {
    if z >= 0 {
        return 1 / (1 + exp(-z))
    }
    let e = exp(z)
    return e / (1 + e)
}
