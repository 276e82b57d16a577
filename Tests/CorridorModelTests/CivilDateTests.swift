import CorridorModel
import Foundation
import Testing

@Suite("CivilDate and EffectivePeriod")
struct CivilDateTests {
    @Test("parses valid dates, leap years included")
    func parses() throws {
        #expect(try CivilDate(parsing: "2024-02-29").day == 29)
        #expect(try CivilDate(parsing: "2026-07-01").description == "2026-07-01")
    }

    @Test("rejects invalid dates", arguments: ["2026-02-29", "2026-13-01", "2026-7-1", "20260701", "2026-06-31", "", "abcd-ef-gh"])
    func rejects(text: String) {
        #expect(throws: ModelError.invalidDate(text)) { try CivilDate(parsing: text) }
    }

    @Test("property: adding days is consistent with the day count")
    func dayArithmetic() throws {
        var rng = SeededGenerator(seed: 42)
        let start = try CivilDate(parsing: "1999-01-04")
        for _ in 0..<2_000 {
            let n = Int.random(in: -20_000...20_000, using: &rng)
            let d = start.adding(days: n)
            #expect(d.daysSinceEpoch - start.daysSinceEpoch == n)
            #expect(try CivilDate(parsing: d.description) == d)
            #expect((n > 0) == (d > start) || n == 0)
        }
        #expect(try CivilDate(parsing: "1970-01-01").daysSinceEpoch == 0)
    }

    @Test("an instant converts to the UTC calendar day, or another zone's")
    func fromInstant() throws {
        let instant = Date(timeIntervalSince1970: 1_782_863_999)  // 2026-06-30T23:59:59Z
        #expect(CivilDate(instant).description == "2026-06-30")
        #expect(CivilDate(instant, timeZone: try #require(TimeZone(identifier: "Asia/Shanghai"))).description == "2026-07-01")
    }

    @Test("a period includes its start and excludes its end")
    func asOfSemantics() throws {
        let july = try CivilDate(parsing: "2026-07-01")
        let period = try EffectivePeriod(start: july, end: CivilDate(parsing: "2027-01-01"))
        #expect(period.contains(asOf: july))
        #expect(period.contains(asOf: try CivilDate(parsing: "2026-12-31")))
        #expect(!period.contains(asOf: try CivilDate(parsing: "2027-01-01")))
        #expect(!period.contains(asOf: try CivilDate(parsing: "2026-06-30")))
        let open = try EffectivePeriod(start: july)
        #expect(open.contains(asOf: try CivilDate(parsing: "2099-01-01")))
        #expect(period.overlaps(open))
        let before = try EffectivePeriod(start: CivilDate(parsing: "2026-01-01"), end: july)
        #expect(!before.overlaps(period), "adjacent periods share no day")
    }

    @Test("a period must end after it starts, also when decoded")
    func invalidPeriod() throws {
        let d = try CivilDate(parsing: "2026-07-01")
        #expect(throws: ModelError.self) { try EffectivePeriod(start: d, end: d) }
        let json = Data(#"{"start":"2026-07-01","end":"2026-01-01"}"#.utf8)
        #expect(throws: ModelError.self) { try JSONDecoder().decode(EffectivePeriod.self, from: json) }
    }
}

@Suite("Weekdays")
struct WeekdayTests {
    @Test("ISO weekdays: 1970-01-01 was a Thursday, 2026-12-01 a Tuesday, before the epoch too")
    func isoWeekday() throws {
        #expect(try CivilDate(parsing: "1970-01-01").isoWeekday == 4)
        #expect(try CivilDate(parsing: "2026-12-01").isoWeekday == 2)
        #expect(try CivilDate(parsing: "2026-11-29").isoWeekday == 7)
        #expect(try CivilDate(parsing: "1969-12-29").isoWeekday == 1)
    }
}
