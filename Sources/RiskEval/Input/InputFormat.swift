/// The format of a transaction log.
public enum InputFormat: String, Sendable, CaseIterable {
    /// One JSON object per line (the canonical field names).
    case ndjson
    /// A header line, then one transaction per line; columns mapped with `field=COLUMN`.
    case csv

    /// The format a file name implies (`.csv`, `.csv.zst` → CSV; anything else NDJSON).
    public static func guess(fromPath path: String) -> InputFormat {
        let name = path.hasSuffix(".zst") ? String(path.dropLast(4)) : path
        return name.hasSuffix(".csv") ? .csv : .ndjson
    }
}
