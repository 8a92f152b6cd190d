/// A parsed LightGBM `model.txt`: the header's `key=value` pairs and one dictionary per
/// `Tree=N` block.
struct LightGBMText {
    var header: [String: Substring] = [:]
    /// Header lines without `=` (such as `average_output`).
    var flags: Set<String> = []
    var trees: [[String: Substring]] = []

    /// Splits the text into header and tree blocks; stops at `end of trees`.
    init(_ text: String, source: String) throws {
        var current: [String: Substring]?
        var sawTree = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line == "end of trees" { break }
            if line.hasPrefix("Tree=") {
                if let tree = current { trees.append(tree) }
                current = [:]
                sawTree = true
                continue
            }
            if line.isEmpty { continue }
            guard let eq = line.firstIndex(of: "=") else {
                if current == nil { flags.insert(String(line)) }
                continue
            }
            let key = String(line[..<eq])
            let value = line[line.index(after: eq)...]
            if current != nil {
                current![key] = value
            } else {
                header[key] = value
            }
        }
        if let tree = current { trees.append(tree) }
        guard header["version"] != nil || sawTree else {
            throw ModelLoadError.malformed(source: source, reason: "not a LightGBM model.txt (no version line and no Tree= block)")
        }
    }
}

/// Parsing helpers for LightGBM's space-separated arrays.
extension Dictionary where Key == String, Value == Substring {
    func int(_ key: String) throws(TreeShapeError) -> Int {
        guard let text = self[key] else { throw TreeShapeError("missing \(key)") }
        guard let value = Int(text) else { throw TreeShapeError("\(key) '\(text)' is not an integer") }
        return value
    }

    func doubles(_ key: String, count: Int) throws(TreeShapeError) -> [Double] {
        guard let text = self[key] else { throw TreeShapeError("missing \(key)") }
        var out: [Double] = []
        out.reserveCapacity(count)
        for item in text.split(separator: " ") {
            guard let v = Double(item) else { throw TreeShapeError("\(key) has non-number '\(item)'") }
            out.append(v)
        }
        guard out.count == count else { throw TreeShapeError("\(key) has \(out.count) values, expected \(count)") }
        return out
    }

    func ints(_ key: String, count: Int) throws(TreeShapeError) -> [Int64] {
        guard let text = self[key] else { throw TreeShapeError("missing \(key)") }
        var out: [Int64] = []
        out.reserveCapacity(count)
        for item in text.split(separator: " ") {
            guard let v = Int64(item) else { throw TreeShapeError("\(key) has non-integer '\(item)'") }
            out.append(v)
        }
        guard out.count == count else { throw TreeShapeError("\(key) has \(out.count) values, expected \(count)") }
        return out
    }
}
