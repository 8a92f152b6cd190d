/// Builds one JSON object as text for the `--json` report (not a hot path).
struct JSONObjectWriter {
    private var text = "{"
    private var first = true

    private mutating func key(_ name: String) {
        if !first { text += "," }
        first = false
        text += Self.quoted(name) + ":"
    }

    /// Adds a number; non-finite values and nil become `null`.
    mutating func number(_ name: String, _ value: Double?) {
        key(name)
        if let value, value.isFinite {
            text += value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        } else {
            text += "null"
        }
    }

    /// Adds an integer.
    mutating func integer(_ name: String, _ value: Int) {
        key(name)
        text += String(value)
    }

    /// Adds a string, or `null`.
    mutating func string(_ name: String, _ value: String?) {
        key(name)
        text += value.map(Self.quoted) ?? "null"
    }

    /// Adds a boolean.
    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// Adds a nested object.
    mutating func object(_ name: String, _ build: (inout JSONObjectWriter) -> Void) {
        var nested = JSONObjectWriter()
        build(&nested)
        key(name)
        text += nested.finished
    }

    /// The object's text.
    var finished: String { text + "}" }

    private static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case _ where scalar.value < 0x20: out += "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
