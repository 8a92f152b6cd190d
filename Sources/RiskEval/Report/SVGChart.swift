/// Minimal inline-SVG charts for the HTML report (no scripts, no external resources).
enum SVGChart {
    /// One line of a line chart.
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
        var dashed = false
    }

    static let width = 520.0, height = 360.0, left = 56.0, right = 16.0, top = 28.0, bottom = 48.0

    static func x(_ value: Double) -> Double { left + value * (width - left - right) }
    static func y(_ value: Double) -> Double { height - bottom - value * (height - top - bottom) }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A frame with a 0–1 grid on both axes and axis titles.
    static func frame(title: String, xTitle: String, yTitle: String, yMaximum: Double = 1) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        svg += "<text x=\"\(number(width / 2))\" y=\"18\" text-anchor=\"middle\" class=\"title\">\(HTMLText.escape(title))</text>"
        for step in 0...5 {
            let fraction = Double(step) / 5
            svg += "<line x1=\"\(number(x(0)))\" y1=\"\(number(y(fraction)))\" x2=\"\(number(x(1)))\" y2=\"\(number(y(fraction)))\" class=\"grid\"/>"
            svg += "<line x1=\"\(number(x(fraction)))\" y1=\"\(number(y(0)))\" x2=\"\(number(x(fraction)))\" y2=\"\(number(y(1)))\" class=\"grid\"/>"
            let yLabel = yMaximum == 1 ? String(format2(fraction)) : String(format2(fraction * yMaximum))
            svg += "<text x=\"\(number(x(0) - 6))\" y=\"\(number(y(fraction) + 4))\" text-anchor=\"end\" class=\"tick\">\(yLabel)</text>"
        }
        svg += "<rect x=\"\(number(x(0)))\" y=\"\(number(y(1)))\" width=\"\(number(x(1) - x(0)))\" height=\"\(number(y(0) - y(1)))\" class=\"axis\"/>"
        svg += "<text x=\"\(number((x(0) + x(1)) / 2))\" y=\"\(number(height - 10))\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(xTitle))</text>"
        svg += "<text transform=\"translate(14 \(number((y(0) + y(1)) / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(yTitle))</text>"
        return svg
    }

    static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// A line chart over [0,1]² with x-tick labels 0…1 and a legend.
    /// `legendAt` is the legend's top-left corner in plot coordinates (0–1 on both axes).
    static func lines(title: String, xTitle: String, yTitle: String, series: [Series], legendAt: (x: Double, y: Double) = (0.42, 1)) -> String {
        var svg = frame(title: title, xTitle: xTitle, yTitle: yTitle)
        for step in 0...5 {
            let fraction = Double(step) / 5
            svg += "<text x=\"\(number(x(fraction)))\" y=\"\(number(y(0) + 16))\" text-anchor=\"middle\" class=\"tick\">\(format2(fraction))</text>"
        }
        for line in series where !line.points.isEmpty {
            let path = line.points.map { "\(number(x($0.x))),\(number(y($0.y)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2\"\(line.dashed ? " stroke-dasharray=\"5 4\"" : "")/>"
        }
        svg += legend(series.map { ($0.name, $0.color) }, at: legendAt)
        return svg + "</svg>"
    }

    /// Side-by-side bars per bin (shares 0–1 per class), x axis 0–100.
    static func histogram(title: String, bars: [(name: String, color: String, shares: [Double])]) -> String {
        let maximum = max(0.05, bars.flatMap(\.shares).max() ?? 1)
        let yMaximum = (maximum * 10).rounded(.up) / 10
        var svg = frame(title: title, xTitle: "score", yTitle: "share of class", yMaximum: yMaximum)
        for step in 0...5 {
            let fraction = Double(step) / 5
            svg += "<text x=\"\(number(x(fraction)))\" y=\"\(number(y(0) + 16))\" text-anchor=\"middle\" class=\"tick\">\(Int(fraction * 100))</text>"
        }
        let bins = bars.first?.shares.count ?? 0
        guard bins > 0 else { return svg + "</svg>" }
        let binWidth = (x(1) - x(0)) / Double(bins)
        let barWidth = binWidth * 0.8 / Double(bars.count)
        for (index, bar) in bars.enumerated() {
            for (bin, share) in bar.shares.enumerated() where share > 0 {
                let left = x(0) + Double(bin) * binWidth + binWidth * 0.1 + Double(index) * barWidth
                let top = y(share / yMaximum)
                svg += "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(barWidth))\" height=\"\(number(max(0.5, y(0) - top)))\" fill=\"\(bar.color)\"/>"
            }
        }
        svg += legend(bars.map { ($0.name, $0.color) }, at: (0.4, 1))
        return svg + "</svg>"
    }

    static func legend(_ entries: [(String, String)], at corner: (x: Double, y: Double)) -> String {
        var svg = ""
        for (index, entry) in entries.enumerated() {
            let top = y(corner.y) + 10 + Double(index) * 18
            let left = x(corner.x)
            svg += "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"12\" height=\"12\" fill=\"\(entry.1)\"/>"
            svg += "<text x=\"\(number(left + 18))\" y=\"\(number(top + 10))\" class=\"legend\">\(HTMLText.escape(entry.0))</text>"
        }
        return svg
    }
}
