/// HTML escaping and number formatting for the report.
enum HTMLText {
    /// Escapes `&`, `<`, `>` and `"`.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A metric with four decimals, or "–" when absent.
    static func metric(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let scaled = Int((value * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// A share as a percentage with three decimals.
    static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let scaled = Int((value * 100_000).rounded())
        let fraction = String(scaled % 1_000)
        return "\(scaled / 1_000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)%"
    }
}
