#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Event-time arithmetic shared by the windows. All times are milliseconds since the Unix epoch
/// (UTC), taken from the records themselves, never from the wall clock.
enum EventTime {
    static let second: Int64 = 1_000
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000

    /// Floor division, so that times before 1970 land in the right bucket.
    @inline(__always)
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor < 0) ? quotient - 1 : quotient
    }

    /// The UTC minute number of a time.
    @inline(__always)
    static func minuteIndex(_ time: Int64) -> Int64 { floorDivide(time, minute) }

    /// The UTC day number of a time.
    @inline(__always)
    static func dayIndex(_ time: Int64) -> Int32 { Int32(truncatingIfNeeded: floorDivide(time, day)) }

    /// The UTC hour of day, 0...23.
    @inline(__always)
    static func hourOfDay(_ time: Int64) -> Int {
        Int(floorDivide(time, hour) - floorDivide(time, day) * 24)
    }

    /// The day of week, 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
    @inline(__always)
    static func dayOfWeek(_ time: Int64) -> Int {
        let days = floorDivide(time, day) + 3
        return Int(days - floorDivide(days, 7) * 7)
    }

    /// The (year % 100) * 100 + month of a time, comparable with a card expiry `YYMM`: read from
    /// a table of the days 2000-01-01 ..< 2100-01-01 (73 KB, built on first use), computed
    /// outside it.
    @inline(__always)
    static func yearMonth(_ time: Int64) -> Int {
        let offset = floorDivide(time, day) - YearMonthTable.firstDay
        if offset >= 0 && offset < Int64(YearMonthTable.days.count) { return Int(YearMonthTable.days[Int(offset)]) }
        return computedYearMonth(time)
    }

    /// ``yearMonth(_:)`` computed by the civil-from-days algorithm.
    static func computedYearMonth(_ time: Int64) -> Int {
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = floorDivide(time, day) + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Int((year % 100) * 100 + month)
    }

    /// Natural logarithm (libm), kept here so feature code does not import the C library.
    @inline(__always)
    static func ln(_ value: Double) -> Double { log(value) }

    /// e^x (libm).
    @inline(__always)
    static func exponent(_ value: Double) -> Double { exp(value) }
}

/// `YYMM` of every UTC day of 2000–2099, so that the expiry check of each transaction is one load.
enum YearMonthTable {
    /// Day number of 2000-01-01.
    static let firstDay: Int64 = 10_957
    static let days: [UInt16] = (0..<36_525).map {
        UInt16(EventTime.computedYearMonth((firstDay + Int64($0)) * EventTime.day))
    }
}
