extension FixedWidthInteger {
    /// Adds one unless the value is already at its maximum (window counters saturate).
    @inline(__always)
    mutating func incrementSaturating() {
        if self != .max { self &+= 1 }
    }
}
