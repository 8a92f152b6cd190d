/// Deterministic number formatting into byte buffers.
public enum NumberText {
    /// Appends a decimal integer.
    public static func append(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            append(value.magnitude, to: &out)
        } else {
            append(UInt64(value), to: &out)
        }
    }

    /// Appends a decimal unsigned integer.
    public static func append(_ value: UInt64, to out: inout [UInt8]) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: 0x30 + (value / divisor) % 10))
            divisor /= 10
        }
    }

    /// Appends a double: nothing for NaN, an integer for whole values below 2^53, otherwise
    /// Swift's shortest representation that reads back to the same double.
    public static func append(_ value: Double, to out: inout [UInt8]) {
        if value.isNaN { return }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
            append(Int64(value), to: &out)
        } else {
            out.append(contentsOf: value.description.utf8)
        }
    }
}
