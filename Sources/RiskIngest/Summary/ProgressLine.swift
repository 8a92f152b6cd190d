/// The one-line progress display of a rescoring run: records, records/s, the fraction of the
/// stored input consumed and the estimated time left.
public enum ProgressLine {
    /// Renders the line (without a line terminator) for a terminal `width` columns wide.
    ///
    /// - Parameters:
    ///   - progress: The pipeline's progress.
    ///   - elapsed: Seconds since the run started.
    ///   - width: The bar's width in characters.
    public static func render(_ progress: PipelineProgress, elapsed: Double, width: Int = 30) -> String {
        let rate = elapsed > 0 ? Double(progress.recordsRead) / elapsed : 0
        var text = "\(SummaryReport.grouped(progress.recordsRead)) records  \(SummaryReport.grouped(Int(rate))) records/s"
        guard let total = progress.totalBytes, total > 0 else { return text }
        let fraction = min(max(Double(progress.bytesConsumed) / Double(total), 0), 1)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        text = "[\(bar)] \(SummaryReport.fixed(fraction * 100, decimals: 1))%  " + text
        if fraction > 0.001 && elapsed > 0 {
            let remaining = Int((elapsed / fraction - elapsed).rounded())
            text += "  ETA \(clock(remaining))"
        }
        return text
    }

    /// `3725` → `1:02:05`, `65` → `1:05`.
    static func clock(_ seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = (seconds % 3600) / 60
        let secs = seconds % 60
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(secs))" : "\(minutes):\(twoDigits(secs))"
    }
}
