import CorridorLogistics
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("Coverage and siting")
struct CoverageTests {
    @Test("road hours follow the driving rules: 9 h a day, then 15 h of rest")
    func roadHours() throws {
        let c = CoverageAnalysis(dataset: try CorridorDataset.bundled())
        #expect(c.roadHours(540) == 12 + 9 + 15)
        #expect(c.roadHours(60) == 13)
    }

    @Test("greedy with local search meets branch and bound on a small instance, and a far site is not rail-connected")
    func siting() throws {
        let c = CoverageAnalysis(dataset: try CorridorDataset.bundled())
        let sites = [
            CoveragePoint(id: "dui", name: "Duisburg", position: GeoPoint(longitude: 6.76, latitude: 51.43)),
            CoveragePoint(id: "lodz", name: "Łódź", position: GeoPoint(longitude: 19.56, latitude: 51.74)),
            CoveragePoint(id: "mad", name: "Madrid", position: GeoPoint(longitude: -3.66, latitude: 40.39)),
            CoveragePoint(id: "reykjavik", name: "Reykjavík", position: GeoPoint(longitude: -21.9, latitude: 64.1)),
        ]
        var demand: [CoveragePoint] = []
        for (i, (x, y)) in [(2.35, 48.86), (13.4, 52.5), (-3.7, 40.4), (-9.14, 38.7), (21.0, 52.2), (4.9, 52.37), (12.5, 41.9), (-8.6, 41.15)].enumerated() {
            demand.append(CoveragePoint(id: "d\(i)", name: "d\(i)", position: GeoPoint(longitude: x, latitude: y)))
        }
        let report = try c.analyse(sites: sites, demand: demand, choose: 2)
        #expect(report.method.hasPrefix("exact"))
        #expect(report.sites.first { $0.id == "reykjavik" }?.railConnected == false)
        #expect(!report.chosen.contains("reykjavik"))
        // Every pair of the three rail-connected sites: the chosen pair covers the most.
        let connected = ["dui", "lodz", "mad"]
        for a in connected {
            for b in connected where a < b {
                let pair = try c.analyse(sites: sites.filter { $0.id == a || $0.id == b }, demand: demand, choose: nil)
                #expect(pair.covered <= report.covered)
            }
        }
        #expect(throws: LogisticsError.self) { try c.analyse(sites: [], demand: demand, choose: 1) }
    }

    @Test("rail plus warehouses covers more of European port demand within 72 h than sea-port warehouses alone", .needsReferenceData)
    func seedClaim() throws {
        let ports = try LogisticsData.ports()
        let europe: Set<String> = ["DE", "NL", "BE", "FR", "ES", "PT", "IT", "PL", "AT", "CZ", "HU", "GR", "RO", "BG", "DK", "SE", "FI"]
        let demand = ports.ports.values.filter { europe.contains(String($0.locode.prefix(2))) }
            .map { CoveragePoint(id: $0.locode, name: $0.name, position: $0.position) }
        var c = CoverageAnalysis(dataset: try CorridorDataset.bundled())
        c.hours = 36
        let railSites = try ["DEDUI", "DEHAM", "ESMAD"].map { code in
            CoveragePoint(id: code, name: code, position: try ports.port(code).position)
        } + [CoveragePoint(id: "PL-LODZ", name: "Łódź", position: GeoPoint(longitude: 19.56, latitude: 51.74))]
        let rail = try c.analyse(sites: railSites, demand: demand, choose: nil)
        c.railLimitKm = 20_040
        let seaSites = try ["NLRTM", "DEHAM", "ESVLC", "GRPIR"].map { CoveragePoint(id: $0, name: $0, position: try ports.port($0).position) }
        let sea = try c.analyse(sites: seaSites, demand: demand, choose: nil)
        #expect(rail.total == sea.total)
        #expect(rail.covered > 0 && sea.covered > 0)
        #expect(rail.sites.allSatisfy { $0.railConnected })
    }
}
