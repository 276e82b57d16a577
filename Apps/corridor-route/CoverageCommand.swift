import CorridorCommandLine
import ArgumentParser
import CorridorLogistics
import CorridorModel
import Foundation

/// `corridor-route coverage`
struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Which demand points warehouse sites reach within H hours by last-mile road, which sites lie within 200 km of a rail line, and the best K sites.",
        discussion: """
            --sites and --demand are CSV files with a header id,name,lon,lat[,weight]. --demand ports:EU uses every European port in
            the ports file as a demand proxy (weight 1). With --choose K the best K rail-connected sites are picked: exactly by branch and
            bound for K ≤ 6 and ≤ 40 candidates, else greedily with local search and an optimality gap.
            --compare-sea also reports the coverage of warehouses at the main European sea ports, the sea-only fulfilment model.
            """
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Candidate sites CSV.") var sites: String
    @Option(help: "Demand points CSV, or ports:EU.") var demand: String
    @Option(help: "Hour limit.") var hours: Double = 72
    @Option(help: "Pick this many sites.") var choose: Int?
    @Option(help: "Rail-line distance limit, km.") var railKm: Double = 200
    @Flag(help: "Also report sea-only fulfilment from the main European ports.") var compareSea = false
    @Option(help: "json | table.") var format: String = "table"

    func run() async throws {
        let dataset = try logistics { () throws(LogisticsError) in try CorridorDataset.bundled() }
        let ports = try data.ports()
        let sitePoints = try readPoints(sites, ports: ports)
        let demandPoints = try readPoints(demand, ports: ports)
        var analysis = CoverageAnalysis(dataset: dataset)
        analysis.hours = hours
        analysis.railLimitKm = railKm
        let report = try logistics { () throws(LogisticsError) in try analysis.analyse(sites: sitePoints, demand: demandPoints, choose: choose) }
        var seaOnly: CoverageReport?
        if compareSea {
            let seaSites = try ["NLRTM", "DEHAM", "BEANR", "ESVLC", "GRPIR", "ITGOA", "PLGDN"].map { code in
                let p = try logistics { () throws(LogisticsError) in try ports.port(code) }
                return CoveragePoint(id: p.locode, name: p.name, position: p.position)
            }
            var sea = analysis
            sea.railLimitKm = 20_040  // half the Earth's circumference: no site is excluded
            seaOnly = try logistics { () throws(LogisticsError) in try sea.analyse(sites: seaSites, demand: demandPoints, choose: nil) }
        }
        struct Output: Encodable { let rail: CoverageReport; let seaOnly: CoverageReport? }
        switch format {
        case "json": try printJSON(Output(rail: report, seaOnly: seaOnly))
        default:
            for s in report.sites {
                print("\(s.id) \(s.name): \(s.kmToRail) km to rail\(s.railConnected ? "" : " (not rail-connected)"), reaches \(s.reach)")
            }
            if !report.chosen.isEmpty { print("chosen: \(report.chosen.joined(separator: ", ")) (\(report.method)\(report.gap.map { String(format: ", gap %.1f%%", $0 * 100) } ?? ""))") }
            print(String(format: "covered within %.0f h: %.0f of %.0f (%.1f%%)", hours, report.covered, report.total, 100 * report.covered / max(report.total, 1)))
            if let seaOnly {
                print(String(format: "sea-only (warehouses at 7 main ports): %.0f of %.0f (%.1f%%)", seaOnly.covered, seaOnly.total, 100 * seaOnly.covered / max(seaOnly.total, 1)))
            }
        }
    }

    func readPoints(_ source: String, ports: PortDirectory) throws -> [CoveragePoint] {
        if source.lowercased() == "ports:eu" {
            let europe: Set<String> = ["DE", "NL", "BE", "FR", "ES", "PT", "IT", "PL", "CZ", "SK", "AT", "HU", "DK", "SE", "FI", "GR", "RO", "BG", "SI", "HR",
                                       "LU", "IE", "LT", "LV", "EE"]
            return ports.ports.values.filter { europe.contains(String($0.locode.prefix(2))) }.sorted { $0.locode < $1.locode }
                .map { CoveragePoint(id: $0.locode, name: $0.name, position: $0.position) }
        }
        let text: String
        do { text = try String(contentsOfFile: source, encoding: .utf8) } catch { throw CLIError("cannot read \(source): \(error.localizedDescription)") }
        let records: [CSVReader.Record]
        do { records = try CSVReader.parse(text) } catch { throw CLIError("\(source):\(error.line): \(error.reason)") }
        guard let header = records.first?.fields.map({ $0.lowercased() }), let id = header.firstIndex(of: "id"),
              let lon = header.firstIndex(of: "lon"), let lat = header.firstIndex(of: "lat") else {
            throw CLIError("\(source): the header must have id, lon and lat (and may have name and weight)")
        }
        let name = header.firstIndex(of: "name"), weight = header.firstIndex(of: "weight")
        return try records.dropFirst().map { r in
            guard r.fields.count == header.count, let x = Double(r.fields[lon]), let y = Double(r.fields[lat]), (-90...90).contains(y), (-180...180).contains(x) else {
                throw CLIError("\(source):\(r.line): lon and lat must be numbers in range")
            }
            let w = weight.map { Double(r.fields[$0]) ?? -1 } ?? 1
            guard w >= 0 else { throw CLIError("\(source):\(r.line): weight must be a number ≥ 0") }
            return CoveragePoint(id: r.fields[id], name: name.map { r.fields[$0] } ?? r.fields[id], position: GeoPoint(longitude: x, latitude: y), weight: w)
        }
    }
}
