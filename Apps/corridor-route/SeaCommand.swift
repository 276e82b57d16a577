import CorridorCommandLine
import ArgumentParser
import CorridorLogistics
import Foundation

/// `corridor-route sea`
struct SeaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sea",
        abstract: "The shortest sea route between two ports (UN/LOCODE) on the maritime network.",
        discussion: """
            The Northwest Passage is excluded by default; --exclude replaces that list (e.g. --exclude suez,northwest).
            Passages: babalmandab, bering, bosporus, chili, dardanelles, gibraltar, malacca, northwest, ormuz, panama,
            south_africa, suez, sunda. Coordinates are [longitude, latitude] (GeoJSON order) and continue past ±180.
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Origin port UN/LOCODE, e.g. CNSHA.") var from: String
    @Argument(help: "Destination port UN/LOCODE, e.g. NLRTM.") var to: String
    @Option(help: "Comma-separated passages to avoid (default: northwest).") var exclude: String?
    @Option(help: "planar (searoute's rule) | great-circle.") var snap: String = "planar"
    @Option(help: "json | geojson | table.") var format: String = "table"
    @Option(help: "Draw the route on a world map of sea lanes to this SVG file.") var svg: String?

    struct Output: Encodable {
        let from: String, to: String
        let fromName: String, toName: String
        let lengthKm: Double?
        let lengthNm: Double?
        let passages: [String]
        let excluded: [String]
        let coordinates: [GeoPoint]
        let snapped: [SeaRoute.Snap]
        let reason: String?

        enum CodingKeys: String, CodingKey {
            case from, to, fromName = "from_name", toName = "to_name", lengthKm = "length_km", lengthNm = "length_nm", passages, excluded, coordinates, snapped, reason
        }
    }

    func run() async throws {
        guard ["json", "geojson", "table"].contains(format) else { throw ValidationError("--format must be json, geojson or table") }
        guard let metric = SnapMetric(rawValue: snap) else { throw ValidationError("--snap must be planar or great-circle") }
        let network = try data.network(), ports = try data.ports()
        let a = try logistics { () throws(LogisticsError) in try ports.port(from) }
        let b = try logistics { () throws(LogisticsError) in try ports.port(to) }
        let exclusions = exclude.map { list($0) } ?? SeaNetwork.defaultExclusions
        let route = try logistics { () throws(LogisticsError) in try network.route(from: a.position, to: b.position, excluding: exclusions, snap: metric) }
        let output = Output(from: a.locode, to: b.locode, fromName: a.name, toName: b.name, lengthKm: route.lengthKm.map { ($0 * 1000).rounded() / 1000 },
                            lengthNm: route.lengthKm.map { ($0 / 1.852 * 10).rounded() / 10 }, passages: route.passages, excluded: route.excluded,
                            coordinates: route.coordinates, snapped: [route.origin, route.destination], reason: route.unreachableReason)
        if let svg {
            try writeSVG(RouteMap.svg(network: network, routes: [(route.coordinates, "#c0392b", "\(a.name) → \(b.name): \(output.lengthKm.map { "\($0) km" } ?? "no route")")],
                                      title: "Sea route \(a.locode) → \(b.locode)"), to: svg)
        }
        switch format {
        case "json": try printJSON(output)
        case "geojson":
            struct Feature: Encodable {
                struct Geometry: Encodable { let type = "LineString"; let coordinates: [GeoPoint] }
                let type = "Feature"
                let geometry: Geometry
                let properties: Output
            }
            try printJSON(Feature(geometry: .init(coordinates: route.coordinates), properties: output))
        default:
            if let km = output.lengthKm {
                print("\(a.name) (\(a.locode)) → \(b.name) (\(b.locode)): \(km) km (\(output.lengthNm ?? 0) nm)")
                print("passages: \(route.passages.isEmpty ? "none" : route.passages.joined(separator: ", "))")
                print("excluded: \(route.excluded.isEmpty ? "none" : route.excluded.joined(separator: ", "))")
            }
        }
        if let reason = route.unreachableReason {
            FileHandle.standardError.write(Data("no route: \(reason)\n".utf8))
            throw ExitCode(noRouteStatus)
        }
    }
}
