public import CorridorModel
import Foundation

/// Small, dependency-free SVG charts for the command line: a return series with its VaR line and
/// breaches, and a histogram (the score distribution of a scorecard).
public enum SVGChart {
    static let width = 900.0, height = 420.0, margin = 50.0

    /// Returns over time with −VaR drawn as a line (one value, or one per day) and breaches marked.
    public static func returns(dates: [CivilDate], returns: [Double], valueAtRisk: [Double], title: String) -> String {
        guard !returns.isEmpty else { return empty(title) }
        let low = min(returns.min() ?? 0, -(valueAtRisk.max() ?? 0)), high = returns.max() ?? 0
        let span = max(high - low, 1e-12)
        func x(_ i: Int) -> Double { margin + (width - 2 * margin) * Double(i) / Double(max(returns.count - 1, 1)) }
        func y(_ v: Double) -> Double { height - margin - (height - 2 * margin) * (v - low) / span }
        var svg = header(title)
        svg += axis(low: low, high: high, y: y)
        svg += polyline(returns.indices.map { (x($0), y(returns[$0])) }, stroke: "#4a6fa5", width: 0.6)
        let limits = valueAtRisk.count == 1 ? [Double](repeating: valueAtRisk[0], count: returns.count) : valueAtRisk
        let offset = returns.count - limits.count
        svg += polyline(limits.indices.map { (x($0 + offset), y(-limits[$0])) }, stroke: "#c0392b", width: 1.2)
        for i in limits.indices where returns[i + offset] < -limits[i] {
            svg += "<circle cx=\"\(f(x(i + offset)))\" cy=\"\(f(y(returns[i + offset])))\" r=\"2.5\" fill=\"#c0392b\"/>\n"
        }
        if let first = dates.first, let last = dates.last {
            svg += text(margin, height - margin / 3, "\(first)") + text(width - margin - 70, height - margin / 3, "\(last)")
        }
        svg += text(width - margin - 200, margin - 10, "— returns   — −VaR   ● breach")
        return svg + "</svg>\n"
    }

    /// A histogram of values in `buckets` equal-width buckets. With `events`, each bar is split:
    /// the events' share is drawn in red on top of the non-events, so separation shows.
    public static func histogram(_ values: [Double], events: [Bool]? = nil, buckets: Int = 30, title: String, xLabel: String) -> String {
        guard let low = values.min(), let high = values.max(), buckets > 0 else { return empty(title) }
        let span = max(high - low, 1e-12)
        var counts = [Int](repeating: 0, count: buckets), eventCounts = [Int](repeating: 0, count: buckets)
        for (i, v) in values.enumerated() {
            let b = min(buckets - 1, Int((v - low) / span * Double(buckets)))
            counts[b] += 1
            if let events, i < events.count, events[i] { eventCounts[b] += 1 }
        }
        let top = Double(max(counts.max() ?? 1, 1))
        let barWidth = (width - 2 * margin) / Double(buckets)
        var svg = header(title)
        for (i, c) in counts.enumerated() {
            let h = (height - 2 * margin) * Double(c) / top
            let he = (height - 2 * margin) * Double(eventCounts[i]) / top
            let x = f(margin + Double(i) * barWidth), w = f(barWidth - 1)
            svg += "<rect x=\"\(x)\" y=\"\(f(height - margin - h))\" width=\"\(w)\" height=\"\(f(h - he))\" fill=\"#4a6fa5\"/>\n"
            if he > 0 {
                svg += "<rect x=\"\(x)\" y=\"\(f(height - margin - he))\" width=\"\(w)\" height=\"\(f(he))\" fill=\"#c0392b\"/>\n"
            }
        }
        svg += text(margin, height - margin / 3, f(low)) + text(width - margin - 40, height - margin / 3, f(high))
        svg += text(width / 2 - 40, height - margin / 3, xLabel)
        if events != nil { svg += text(width - margin - 200, margin - 10, "■ non-events   ■ events (red)") }
        return svg + "</svg>\n"
    }

    private static func header(_ title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + text(margin, margin / 2, title, size: 15)
    }

    private static func empty(_ title: String) -> String { header(title) + text(margin, height / 2, "no data") + "</svg>\n" }

    private static func axis(low: Double, high: Double, y: (Double) -> Double) -> String {
        var out = "<line x1=\"\(f(margin))\" y1=\"\(f(y(0)))\" x2=\"\(f(width - margin))\" y2=\"\(f(y(0)))\" stroke=\"#999\" stroke-width=\"0.5\"/>\n"
        out += text(4, y(high) + 4, percent(high)) + text(4, y(low) + 4, percent(low)) + text(4, y(0) + 4, "0")
        return out
    }

    private static func polyline(_ points: [(Double, Double)], stroke: String, width: Double) -> String {
        "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(width)\" points=\"" + points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>\n"
    }

    private static func text(_ x: Double, _ y: Double, _ s: String, size: Int = 12) -> String {
        let escaped = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        return "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(size)\">\(escaped)</text>\n"
    }

    private static func percent(_ v: Double) -> String { f(v * 100) + "%" }

    private static func f(_ v: Double) -> String { "\((v * 100).rounded() / 100)" }
}
