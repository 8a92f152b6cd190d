/// The Luhn (mod 10) check digit that every real card number ends with.
public enum Luhn {
    /// The check digit to append to `payload` (the PAN without its last digit).
    public static func checkDigit(for payload: UInt64) -> UInt64 {
        var sum: UInt64 = 0
        var rest = payload
        var double = true // the digit just left of the check digit is doubled
        while rest > 0 {
            var digit = rest % 10
            rest /= 10
            if double {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
            double.toggle()
        }
        return (10 - sum % 10) % 10
    }

    /// The card number `payload` followed by its check digit.
    public static func complete(_ payload: UInt64) -> UInt64 {
        payload * 10 + checkDigit(for: payload)
    }

    /// Whether a string of ASCII digits passes the Luhn check (false for anything but digits).
    public static func isValid<Digits: Sequence>(_ digits: Digits) -> Bool where Digits.Element == UInt8 {
        var values: [UInt64] = []
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return false }
            values.append(UInt64(byte - 0x30))
        }
        guard !values.isEmpty else { return false }
        var sum: UInt64 = 0
        for (offset, value) in values.reversed().enumerated() {
            var digit = value
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }
}
