import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

@Suite("Reference queries on the real data", .needsReferenceData)
struct ReferenceQueryTests {
    func store() async throws -> ReferenceStore { ReferenceStore(database: try await ReferenceFixture.database()) }
    func date(_ s: String) throws -> CivilDate { try CivilDate(parsing: s) }

    @Test("851713 (HS 2022) maps to HS 2017 851712, n:1")
    func correlationNToOne() async throws {
        let c = try await store().correlate(try HSCode("851713"), from: .hs2022, to: .hs2017)
        #expect(c.targets.map(\.code.digits) == ["851712"])
        #expect(c.targets.first?.relationship == .manyToOne)
        #expect(c.targets.first?.description == "Telephones for cellular networks or for other wireless networks")
    }

    @Test("880621 (drones) maps to 852580, 880211 and 880220, n:n")
    func correlationNToN() async throws {
        let c = try await store().correlate(try HSCode("8806.21"), from: .hs2022, to: .hs2017)
        #expect(c.targets.map(\.code.digits) == ["852580", "880211", "880220"])
        #expect(c.targets.allSatisfy { $0.relationship == .manyToMany })
    }

    @Test("the reverse direction reads the table backwards and inverts the relationship")
    func correlationReverse() async throws {
        let c = try await store().correlate(try HSCode("851712"), from: .hs2017, to: .hs2022)
        #expect(c.targets.contains { $0.code.digits == "851713" && $0.relationship == .oneToMany })
        #expect(c.path == ["hs2022→hs2017 (read in reverse)"])
        let old = try await store().correlate(try HSCode("030193"), from: .hs2017, to: .hs2012)
        #expect(old.targets.contains { $0.partial }, "the 'ex' column marks partial mappings")
    }

    @Test("correlation refuses non-subheadings and unknown codes")
    func correlationErrors() async throws {
        let s = try await store()
        await #expect(throws: ReferenceDataError.self) { try await s.correlate(try HSCode("8517"), from: .hs2022, to: .hs2017) }
        await #expect(throws: ReferenceDataError.codeNotFound(code: "9999.98", release: "the hs2022 correlation table")) {
            try await s.correlate(try HSCode("999998"), from: .hs2022, to: .hs2017)
        }
    }

    @Test("as-of: the release in force on the date answers; the start day is inclusive")
    func asOf() async throws {
        let s = try await store()
        let code = try HSCode("8517.13")
        await #expect(throws: ReferenceDataError.codeNotFound(code: "8517.13", release: "hs2017")) {
            try await s.lookup(code, version: nil, asOf: try date("2021-12-31"))
        }
        let found = try await s.lookup(code, version: nil, asOf: try date("2022-01-01"))
        #expect(found.release.id == "hs2022")
        #expect(found.ancestors.map(\.code.digits) == ["85", "8517"])
        #expect(try await s.release(of: .usHTS, asOf: try date("2025-12-31")).id == "us-hts-2025r13")
        #expect(try await s.release(of: .usHTS, asOf: try date("2026-01-01")).id == "us-hts-2026r4")
        await #expect(throws: ReferenceDataError.noReleaseInForce(family: .euCN, asOf: try date("2024-12-31"))) {
            try await s.release(of: .euCN, asOf: try date("2024-12-31"))
        }
        // After a known successor takes over, the old release no longer answers.
        await #expect(throws: ReferenceDataError.superseded(release: "hs2022", on: try date("2028-01-01"), asOf: try date("2028-06-01"))) {
            try await s.lookup(code, version: nil, asOf: try date("2028-06-01"))
        }
        await #expect(throws: ReferenceDataError.superseded(release: "eu-cn-2026", on: try date("2027-01-01"), asOf: try date("2027-01-01"))) {
            try await s.release(of: .euCN, asOf: try date("2027-01-01"))
        }
    }

    @Test("a named release that is not in force on an explicit date is refused")
    func versionAndAsOf() async throws {
        let s = try await store()
        await #expect(throws: ReferenceDataError.self) {
            try await s.lookup(try HSCode("851712"), version: "hs2017", asOf: try date("2023-01-01"))
        }
        let ok = try await s.lookup(try HSCode("851712"), version: "hs2017", asOf: try date("2020-01-01"))
        #expect(ok.entry.description == "Telephones for cellular networks or for other wireless networks")
        let family = try await s.lookup(try HSCode("0101.21.00.10"), version: "us-hts", asOf: try date("2026-03-01"))
        #expect(family.release.id == "us-hts-2026r4")
    }

    @Test("US HTS lines get their full description from the indent hierarchy")
    func htsHierarchy() async throws {
        let s = try await store()
        let e = try #require(try await s.entry(try HSCode("0101.21.00.10"), release: "us-hts-2026r4"))
        #expect(e.description == "Males")
        #expect(e.fullDescription == "Live horses, asses, mules and hinnies > Horses > Purebred breeding animals > Males")
        #expect(e.parent?.digits == "01012100")
        #expect(e.units == ["No."])
        let rated = try #require(try await s.entry(try HSCode("0101.30.00.00"), release: "us-hts-2026r4"))
        #expect(rated.rates?.general == "6.8%")
        #expect(rated.rates?.column2 == "15%")
        let ancestors = try await s.ancestors(of: try HSCode("0101.21.00.10"), release: "us-hts-2026r4")
        #expect(ancestors.map(\.code.digits) == ["0101", "01012100"])
        // A statistical suffix prints no rate; the lookup shows the rate of the line it belongs to.
        let males = try await s.lookup(try HSCode("0101.21.00.10"), version: "us-hts-2026r4", asOf: try date("2026-03-01"))
        #expect(males.entry.rates == nil)
        #expect(males.applicableRates?.from.digits == "01012100")
        #expect(males.applicableRates?.rates.general == "Free")
        // Parents are real prefixes, even where the printed indent puts a line under a sibling.
        let misplaced = try #require(try await s.entry(try HSCode("9823.03.02"), release: "us-hts-2026r4"))
        #expect(misplaced.parent.map { misplaced.code.isWithin($0) } ?? true)
    }

    @Test("an 8-digit code in both national tariffs is ambiguous without a version")
    func ambiguous() async throws {
        let s = try await store()
        await #expect(throws: ReferenceDataError.ambiguousCode(code: "0101.21.00", releases: ["us-hts-2026r4", "eu-cn-2026"])) {
            try await s.lookup(try HSCode("01012100"), version: nil, asOf: try date("2026-06-01"))
        }
        let cn = try await s.lookup(try HSCode("01012100"), version: "eu-cn", asOf: try date("2026-06-01"))
        #expect(cn.entry.fullDescription == "Horses; live, pure-bred breeding animals > Pure-bred breeding animals")
        #expect(cn.ancestors.map(\.code.digits) == ["01", "0101", "010121"], "CN lines continue into their HS basis")
    }

    @Test("children and the national lines under a subheading")
    func children() async throws {
        let s = try await store()
        let kids = try await s.children(of: try HSCode("8517"), release: "hs2022")
        #expect(kids.map(\.code.digits).contains("851713"))
        #expect(kids.allSatisfy { $0.parent?.digits == "8517" })
        let lines = try await s.nationalLines(under: try HSCode("851713"), release: "us-hts-2026r4")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.code.digits.hasPrefix("851713") && $0.code.length > 6 })
        let cn = try await s.nationalLines(under: try HSCode("851713"), release: "eu-cn-2026")
        #expect(cn.map(\.code.digits) == ["85171300"])
        await #expect(throws: ReferenceDataError.self) { try await s.nationalLines(under: try HSCode("851713"), release: "hs2022") }
    }

    @Test("search ranks the best match first and cannot be used to inject FTS syntax")
    func search() async throws {
        let s = try await store()
        let hits = try await s.search("smartphones", release: "hs2022", limit: 5)
        #expect(hits.first?.entry.code.digits == "851713")
        #expect(hits.map(\.score) == hits.map(\.score).sorted(by: >))
        // No line has both words; goods lines rank before chapter 99 provisions that mention one.
        let headphones = try await s.search("bluetooth headphones", release: nil, limit: 5)
        #expect(headphones.allSatisfy { $0.entry.code.digits.hasPrefix("8518") }, "\(headphones.map(\.entry.code.dotted))")
        let cn = try #require(try await s.entry(try HSCode("85183000"), release: "eu-cn-2026"))
        #expect(!cn.fullDescription.contains(" > "), "a CN line that repeats its subheading is not doubled")
        let horses = try await s.search("live horses breeding", release: nil, limit: 50)
        #expect(horses.contains { $0.entry.code.digits == "010121" && $0.entry.release == "hs2022" })
        let quoted = try await s.search("\"NEAR(telephone*) OR", release: nil, limit: 3)
        #expect(!quoted.isEmpty)
        await #expect(throws: ReferenceDataError.self) { try await s.search("  ;; ", release: nil, limit: 5) }
        await #expect(throws: ReferenceDataError.self) { try await s.search("tea", release: nil, limit: 0) }
        await #expect(throws: ReferenceDataError.unknownRelease("hs1996")) { try await s.search("tea", release: "hs1996", limit: 5) }
    }

    @Test("the US HTS 2025 r13 → 2026 r4 diff is non-empty, stable and names real changes")
    func diff() async throws {
        let s = try await store()
        let a = try await s.diff(from: "us-hts-2025r13", to: "us-hts-2026r4")
        let b = try await s.diff(from: "us-hts-2025r13", to: "us-hts-2026r4")
        #expect(a == b)
        #expect(a.counts[.added] == 436)
        #expect(a.counts[.removed] == 551)
        #expect(a.counts[.descriptionChanged] == 126, "103 lines re-worded and 23 re-parented under new headings")
        #expect(a.counts[.unitsChanged] == 21)
        let moved = try #require(a.changes.first { $0.code.digits == "3004909206" && $0.field == "fullDescription" })
        #expect(moved.before?.contains("Antifungals") == true && moved.after?.contains("Antivirals") == true)
        #expect(a.counts[.rateChanged] == 241)
        #expect(a.changes.contains { $0.kind == .removed && $0.code.digits == "0201305085" })
        #expect(a.changes.contains { $0.kind == .added && $0.code.digits == "0201305091" && $0.after == "Certified organic" })
        let korea = try #require(a.changes.first { $0.kind == .rateChanged && $0.code.digits == "02011050" })
        #expect(korea.field == "special" && korea.before?.contains("1.7% (KR)") == true)
        #expect(a.changes.map(\.code.digits) == a.changes.map(\.code.digits).sorted())
        let reverse = try await s.diff(from: "us-hts-2026r4", to: "us-hts-2025r13")
        #expect(reverse.counts[.added] == a.counts[.removed])
        await #expect(throws: ReferenceDataError.incomparableReleases("us-hts-2026r4", "eu-cn-2026")) {
            try await s.diff(from: "us-hts-2026r4", to: "eu-cn-2026")
        }
        let eu = try await s.diff(from: "eu-cn-2025", to: "eu-cn-2026")
        #expect(!eu.changes.isEmpty)
    }
}
