import Foundation

/// An equirectangular SVG map: the maritime network drawn faintly as the world's outline of sea
/// lanes, and routes on top (a line breaks where it crosses the antimeridian).
public enum RouteMap {
    static let width = 1200.0, height = 600.0

    /// Draws `routes` (each a list of points with a colour and a label) over the network.
    public static func svg(network: SeaNetwork?, routes: [(points: [GeoPoint], colour: String, label: String)], title: String) -> String {
        func x(_ lon: Double) -> Double { (GeoPoint(longitude: lon, latitude: 0).normalised.longitude + 180) / 360 * width }
        func y(_ lat: Double) -> Double { (90 - lat) / 180 * height }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func path(_ points: [GeoPoint]) -> String {
            var d = ""
            var previous: Double?
            for p in points {
                let px = x(p.longitude), py = y(p.latitude)
                let jump = previous.map { abs($0 - px) > width / 2 } ?? true
                d += (jump ? "M" : "L") + f(px) + "," + f(py) + " "
                previous = px
            }
            return d
        }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"13\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#f4f1ea\"/>\n"
        if let network {
            var d = ""
            for segment in network.segments() { d += path(segment) }
            svg += "<path d=\"\(d)\" fill=\"none\" stroke=\"#b9c9d6\" stroke-width=\"0.6\"/>\n"
        }
        for (i, route) in routes.enumerated() {
            svg += "<path d=\"\(path(route.points))\" fill=\"none\" stroke=\"\(route.colour)\" stroke-width=\"2.4\"/>\n"
            if let first = route.points.first, let last = route.points.last {
                for p in [first, last] { svg += "<circle cx=\"\(f(x(p.longitude)))\" cy=\"\(f(y(p.latitude)))\" r=\"4\" fill=\"\(route.colour)\"/>\n" }
            }
            let label = route.label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            svg += "<text x=\"12\" y=\"\(40 + 18 * i)\" fill=\"\(route.colour)\">\(label)</text>\n"
        }
        let heading = title.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        svg += "<text x=\"12\" y=\"20\" font-size=\"16\">\(heading)</text>\n</svg>\n"
        return svg
    }
}
