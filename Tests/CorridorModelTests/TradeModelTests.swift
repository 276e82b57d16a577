import CorridorModel
import Foundation
import Testing

@Suite("Trade vocabulary")
struct TradeModelTests {
    @Test("quantities use Rec. 20 units and are never negative")
    func quantities() throws {
        let kg = try UnitCode("kgm")
        #expect(kg.code == "KGM" && kg.name == "kilogram")
        #expect(try UnitCode("H87").name == "piece")
        #expect(throws: ModelError.self) { try UnitCode("kilogram") }
        #expect(throws: ModelError.self) { try Quantity(-1, kg) }
        let q = try Quantity(Decimal(string: "12.5") ?? 0, kg)
        #expect(q.description == "12.5 KGM")
        #expect(try JSONDecoder().decode(Quantity.self, from: JSONEncoder().encode(q)) == q)
    }

    @Test("Incoterms 2020: sea-only rules and who pays duty")
    func incoterms() throws {
        #expect(Incoterm.allCases.count == 11)
        #expect(try Incoterm(parsing: "fob").isSeaAndInlandWaterwayOnly)
        #expect(!Incoterm.fob.permits(.air) && Incoterm.fca.permits(.air))
        #expect(Incoterm.ddp.sellerPaysImportDuties && !Incoterm.dap.sellerPaysImportDuties)
        #expect(Incoterm.cip.sellerInsures)
        #expect(throws: ModelError.self) { try Incoterm(parsing: "DDU") }
        #expect(try TransportMode(parsing: "inland_water") == .inlandWater)
        #expect(TransportMode.rail.rec19Code == 2)
    }

    @Test("locations validate UN/LOCODEs and coordinates")
    func locations() throws {
        let sha = try Location(locode: "CN SHA", name: "Shanghai", coordinate: Coordinate(latitude: 31.23, longitude: 121.47))
        #expect(sha.locode == "CNSHA" && sha.country.alpha2 == "CN")
        #expect(throws: ModelError.self) { try Location(locode: "XXABC") }
        #expect(throws: ModelError.self) { try Location(locode: "CNSH1") }
        #expect(throws: ModelError.self) { try Coordinate(latitude: 91, longitude: 0) }
    }

    @Test("a consignment needs lines in one currency and an Incoterm that fits the mode")
    func consignment() throws {
        let product = try Product(sku: "EB-01", title: "蓝牙耳机", language: .zh, origin: CountryCode("CN"))
        let cny = try CurrencyCode("CNY")
        let line = try OrderLine(product: product, quantity: Quantity(100, UnitCode("H87")), unitPrice: try Money(Decimal(string: "35.5") ?? 0, cny))
        let exporter = try EnterpriseID("shenzhen-audio")
        let c = try Consignment(reference: "PO-1", exporter: exporter, origin: CountryCode("CN"), destination: CountryCode("TH"),
                                lines: [line, line], incoterm: .fob, transportMode: .sea)
        #expect(c.totalValue == (try Money(7100, cny)))
        #expect(throws: ModelError.self) {
            try Consignment(reference: "PO-2", exporter: exporter, origin: CountryCode("CN"), destination: CountryCode("TH"),
                            lines: [line], incoterm: .fob, transportMode: .air)
        }
        let usdLine = try OrderLine(product: product, quantity: Quantity(1, UnitCode("H87")), unitPrice: try Money(5, CurrencyCode("USD")))
        #expect(throws: ModelError.currencyMismatch("CNY", "USD")) {
            try Consignment(reference: "PO-3", exporter: exporter, origin: CountryCode("CN"), destination: CountryCode("TH"),
                            lines: [line, usdLine], incoterm: .cif, transportMode: .sea)
        }
        #expect(throws: ModelError.self) {
            try Consignment(reference: "PO-4", exporter: exporter, origin: CountryCode("CN"), destination: CountryCode("TH"),
                            lines: [], incoterm: .cif, transportMode: .sea)
        }
        let json = try JSONEncoder().encode(c)
        #expect(try JSONDecoder().decode(Consignment.self, from: json) == c)
    }

    @Test("enterprises validate on construction and on decoding")
    func enterprises() throws {
        #expect(throws: ModelError.self) { try EnterpriseID("Acme") }
        #expect(throws: ModelError.self) { try EnterpriseID("-x") }
        let e = try Enterprise(id: EnterpriseID("acme-export"), name: " Acme Export ", tier: .sme, country: CountryCode("CHN"))
        #expect(e.name == "Acme Export" && e.country.alpha2 == "CN")
        let bad = Data(#"{"id":"acme","name":"","tier":"sme","country":"CN"}"#.utf8)
        #expect(throws: ModelError.self) { try JSONDecoder().decode(Enterprise.self, from: bad) }
        #expect(throws: ModelError.self) { try EnterpriseTier(parsing: "huge") }
        #expect(throws: ModelError.self) { try Product(sku: "", title: "x", language: .en) }
    }

    @Test("release catalogue resolves identifiers and derives nothing from the clock")
    func releases() throws {
        #expect(NomenclatureRelease.known("us-hts-2026-rev4")?.id == "us-hts-2026r4")
        #expect(NomenclatureRelease.known("us_hts_2026_rev4")?.id == "us-hts-2026r4")
        #expect(NomenclatureRelease.known("us-hts-2025r13")?.revision == 13)
        #expect(NomenclatureRelease.known("HS2022")?.hsVersion == .hs2022)
        #expect(NomenclatureRelease.known("eu-cn-2026")?.effectiveFrom.description == "2026-01-01")
        #expect(NomenclatureRelease.known("cn-2027") == nil)
        #expect(CorrelationRelationship.oneToMany.inverted == .manyToOne)
    }

    @Test("nomenclature entries validate their description and parent")
    func entries() throws {
        let code = try HSCode("851713")
        let e = try NomenclatureEntry(release: "hs2022", code: code, description: "Smartphones", parent: HSCode("8517"))
        #expect(e.fullDescription == "Smartphones" && e.level == 6)
        #expect(throws: ModelError.self) { try NomenclatureEntry(release: "hs2022", code: code, description: "  ") }
        #expect(throws: ModelError.self) { try NomenclatureEntry(release: "hs2022", code: code, description: "x", parent: HSCode("8518")) }
        #expect(throws: ModelError.self) { try NomenclatureEntry(release: "hs2022", code: code, description: "x", parent: code) }
        let json = try JSONEncoder().encode(e)
        #expect(String(decoding: json, as: UTF8.self).contains(#""dotted":"8517.13""#))
        #expect(try JSONDecoder().decode(NomenclatureEntry.self, from: json) == e)
    }

    @Test("the release in force: latest started, higher revision wins, nothing after a known successor")
    func inForce() throws {
        func release(_ id: String, _ from: String, supersededOn: String? = nil) throws -> NomenclatureRelease {
            NomenclatureRelease(id: id, family: .usHTS, title: id, effectiveFrom: try CivilDate(parsing: from), hsBasis: .hs2022,
                                effectiveDateSource: "test", relativePath: "x", supersededOn: try supersededOn.map { try CivilDate(parsing: $0) })
        }
        let held = [try release("us-hts-2026r4", "2026-01-01"), try release("us-hts-2026r10", "2026-01-01", supersededOn: "2027-01-01"),
                    try release("us-hts-2025r13", "2025-01-01", supersededOn: "2026-01-01")]
        #expect(NomenclatureRelease.inForce(.usHTS, asOf: try CivilDate(parsing: "2026-03-01"), among: held)?.id == "us-hts-2026r10")
        #expect(NomenclatureRelease.inForce(.usHTS, asOf: try CivilDate(parsing: "2025-12-31"), among: held)?.id == "us-hts-2025r13")
        let late = try CivilDate(parsing: "2027-01-01")
        #expect(NomenclatureRelease.inForce(.usHTS, asOf: late, among: held) == nil)
        #expect(NomenclatureRelease.notInForce(.usHTS, asOf: late, among: held)
                == .superseded(release: "us-hts-2026r10", on: late, asOf: late))
        let early = try CivilDate(parsing: "2024-06-01")
        #expect(NomenclatureRelease.notInForce(.usHTS, asOf: early, among: held) == .noReleaseInForce(family: .usHTS, asOf: early))
    }
}
