/// Parses event times into milliseconds since the Unix epoch (UTC).
///
/// Accepted forms, over raw bytes and without Foundation:
/// - epoch milliseconds: an integer of at least 10^11 (`1769860800000`);
/// - epoch seconds: a smaller integer, optionally with a fraction (`1769860800`, `1769860800.25`);
/// - ISO 8601: `2026-01-31T12:00:00Z`, with an optional fraction of a second (`.250`) and a zone
///   of `Z`, `±HH`, `±HHMM` or `±HH:MM` (no zone means UTC);
/// - `YYYY-MM-DD HH:MM:SS` with an optional fraction (UTC unless a zone follows).
///
/// Fractions finer than a millisecond are truncated. Impossible dates and times (month 13,
/// February 30, hour 25, second 60) are rejected.
public enum TimeParser {
    /// Integers at or above this value are epoch milliseconds; smaller ones are epoch seconds.
    public static let millisecondsThreshold: Int64 = 100_000_000_000

    /// Parses a time field; nil when the bytes are not a valid time in one of the accepted forms.
    @inlinable
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        guard count > 0 else { return nil }
        // An ISO date has '-' at offset 4; an epoch number never does.
        if count >= 19, bytes[4] == UInt8(ascii: "-") {
            return parseCalendar(bytes)
        }
        return parseEpoch(bytes)
    }

    /// Days from 1970-01-01 to the given proleptic Gregorian date (negative before it), using
    /// Howard Hinnant's `days_from_civil` algorithm. The date is not validated.
    @inlinable
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days in a month of the proleptic Gregorian calendar (month 1...12).
    @inlinable
    public static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    // MARK: - Epoch numbers

    @usableFromInline
    static func parseEpoch(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        // Epoch milliseconds (13 digits) and seconds (10): two word loads, no loop.
        if count >= 9, count <= 16, let whole = wordDigits(bytes) {
            return whole >= millisecondsThreshold ? whole : whole * 1000
        }
        var index = 0
        var whole: Int64 = 0
        while index < count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            guard index < 18 else { return nil }
            whole = whole * 10 + Int64(digit)
            index += 1
        }
        guard index > 0 else { return nil }
        if index == count {
            return whole >= millisecondsThreshold ? whole : whole * 1000
        }
        // A fraction is allowed on epoch seconds only.
        guard bytes[index] == UInt8(ascii: "."), whole < millisecondsThreshold else { return nil }
        index += 1
        guard let millis = parseFraction(bytes, from: &index), index == count else { return nil }
        return whole * 1000 + millis
    }

    /// The value of 9...16 bytes that are all ASCII digits, read as two overlapping words; nil
    /// when any byte is not a digit.
    @inline(__always)
    static func wordDigits(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        let head = UInt64(littleEndian: bytes.loadUnaligned(as: UInt64.self))
        let last = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        guard ByteWords.nonDigits(head) | ByteWords.nonDigits(last) == 0 else { return nil }
        // The first `overlap` bytes of `last` are already in `head`: read them as leading zeros.
        let overlap = 16 - count
        let tail = (last & ~ByteWords.lowBytes(~0, overlap)) | ByteWords.lowBytes(ByteWords.ones &* 0x30, overlap)
        return Int64(ByteWords.eightDigits(head) &* powerOfTen(count - 8) &+ ByteWords.eightDigits(tail))
    }

    /// 10 to the power `exponent` (1...8), for ``wordDigits(_:)``: a table, not a loop.
    @inline(__always)
    static func powerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// Reads one or more digits at `index` as a fraction of a second, in milliseconds
    /// (truncated); nil when there is no digit.
    @usableFromInline
    static func parseFraction(_ bytes: UnsafeRawBufferPointer, from index: inout Int) -> Int64? {
        let start = index
        var millis: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            if index - start < 3 { millis = millis * 10 + Int64(digit) }
            index += 1
        }
        let digits = index - start
        guard digits > 0 else { return nil }
        if digits == 1 { millis *= 100 } else if digits == 2 { millis *= 10 }
        return millis
    }

    // MARK: - Calendar forms

    @usableFromInline
    static func parseCalendar(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        // YYYY-MM-DD?HH:MM:SS at fixed offsets.
        @inline(__always) func digits(_ offset: Int, _ length: Int) -> Int64? {
            var value: Int64 = 0
            for index in offset..<(offset + length) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        let separator = bytes[10]
        guard bytes[7] == UInt8(ascii: "-"),
              separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2)
        else { return nil }
        guard month >= 1, month <= 12, day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 59
        else { return nil }

        var index = 19
        var millis: Int64 = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            guard let fraction = parseFraction(bytes, from: &index) else { return nil }
            millis = fraction
        }
        var offsetSeconds: Int64 = 0
        if index < count {
            let zone = bytes[index]
            if zone == UInt8(ascii: "Z") || zone == UInt8(ascii: "z") {
                index += 1
            } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                // ±HH, ±HHMM or ±HH:MM
                let remaining = count - index - 1
                var zoneHours: Int64 = 0
                var zoneMinutes: Int64 = 0
                switch remaining {
                case 2:
                    guard let h = digits(index + 1, 2) else { return nil }
                    zoneHours = h
                case 4:
                    guard let h = digits(index + 1, 2), let m = digits(index + 3, 2) else { return nil }
                    zoneHours = h
                    zoneMinutes = m
                case 5:
                    guard bytes[index + 3] == UInt8(ascii: ":"),
                          let h = digits(index + 1, 2), let m = digits(index + 4, 2) else { return nil }
                    zoneHours = h
                    zoneMinutes = m
                default:
                    return nil
                }
                guard zoneHours <= 23, zoneMinutes <= 59 else { return nil }
                offsetSeconds = (zoneHours * 3600 + zoneMinutes * 60) * (zone == UInt8(ascii: "-") ? -1 : 1)
                index = count
            } else {
                return nil
            }
        }
        guard index == count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1000 + millis
    }
}
