/// Durations on the command line (`7d`, `36h`, `90m`, `45s`, `500ms`), in event-time
/// milliseconds.
public enum EventDuration {
    /// Parses a duration: a non-negative whole number and a unit (`ms`, `s`, `m`, `h`, `d`).
    /// Returns nil for anything else.
    public static func milliseconds(_ text: String) -> Int64? {
        let units: [(String, Int64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000)]
        for (unit, scale) in units where text.hasSuffix(unit) {
            let digits = text.dropLast(unit.count)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int64(digits), value >= 0 else { continue }
            let (product, overflow) = value.multipliedReportingOverflow(by: scale)
            return overflow ? nil : product
        }
        return nil
    }
}
