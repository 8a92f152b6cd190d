/// Civil-calendar arithmetic on epoch milliseconds, without Foundation (Hinnant's algorithms).
enum CalendarMath {
    static let millisecondsPerDay: Int64 = 86_400_000
    static let millisecondsPerHour: Int64 = 3_600_000
    static let millisecondsPerMinute: Int64 = 60_000

    /// Months since year 0 (`year * 12 + month - 1`) of the UTC date of `time`.
    static func monthIndex(ofTime time: Int64) -> Int {
        var days = time / millisecondsPerDay
        if time % millisecondsPerDay < 0 { days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Int(year * 12 + month - 1)
    }

    /// The card expiry `YYMM` for a month index.
    static func expiry(monthIndex: Int) -> UInt16 {
        let year = monthIndex / 12
        let month = monthIndex % 12 + 1
        return UInt16((year % 100) * 100 + month)
    }

    /// The month index of an expiry `YYMM` (years 2000–2099).
    static func monthIndex(ofExpiry expiry: UInt16) -> Int {
        (2000 + Int(expiry) / 100) * 12 + Int(expiry) % 100 - 1
    }
}
