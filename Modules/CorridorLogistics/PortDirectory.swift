public import Foundation

/// Ports by UN/LOCODE, read from searoute's `ports.geojson` (Point features with `port`, `name`,
/// `cty`). When a code appears more than once, the entry marked as a terminal (`t` = 1) wins, then
/// the first.
public struct PortDirectory: Sendable {
    /// Every port by code.
    public let ports: [String: Port]

    /// Parses GeoJSON data; `file` names it in errors.
    public init(geojson data: Data, file: String = "searoute_ports.geojson") throws(LogisticsError) {
        let features = try GeoJSONFeatures.parse(data, file: file)
        var ports: [String: (port: Port, terminal: Bool)] = [:]
        for (i, feature) in features.enumerated() {
            guard let properties = feature["properties"] as? [String: Any], let code = properties["port"] as? String,
                  let geometry = feature["geometry"] as? [String: Any], let xy = geometry["coordinates"] as? [Double], xy.count >= 2 else {
                throw .malformedFile(file: file, line: 0, reason: "feature \(i) lacks a `port` code or Point coordinates")
            }
            let terminal = (properties["t"] as? Double ?? 0) >= 1
            let port = Port(locode: code.uppercased(), name: properties["name"] as? String ?? code, country: properties["cty"] as? String ?? "",
                            position: GeoPoint(longitude: xy[0], latitude: xy[1]))
            if let existing = ports[port.locode], existing.terminal || !terminal { continue }
            ports[port.locode] = (port, terminal)
        }
        self.ports = ports.mapValues(\.port)
    }

    /// Reads a file.
    public init(contentsOf url: URL) throws(LogisticsError) {
        try self.init(geojson: GeoJSONFeatures.read(url), file: url.lastPathComponent)
    }

    /// The port with a code, or an error that suggests a near code.
    public func port(_ code: String) throws(LogisticsError) -> Port {
        let key = code.uppercased().replacingOccurrences(of: " ", with: "")
        if let port = ports[key] { return port }
        let sameCountry = ports.keys.filter { $0.hasPrefix(String(key.prefix(2))) }.sorted()
        let suggestion = sameCountry.min { a, b in distance(a, key) < distance(b, key) }
        throw .unknownLocation(code, suggestion: suggestion.map { "\($0) (\(ports[$0]?.name ?? ""))" })
    }

    private func distance(_ a: String, _ b: String) -> Int {
        zip(a, b).filter { $0 != $1 }.count + abs(a.count - b.count)
    }
}
