import CorridorFinance
import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@Suite("FX rates: ECB and H.10 loaders, cross rates, explicit gaps")
struct FXRatesTests {
    // A fixture in the ECB layout: newest first, N/A, a trailing comma on every row.
    static let ecbText = """
        Date,USD,CNY,THB,CYP,
        2024-01-04,1.0944,7.8106,37.659,N/A,
        2024-01-03,1.0919,N/A,37.512,N/A,
        2024-01-02,1.0956,7.8264,37.683,N/A,

        """

    @Test("the ECB layout parses oldest first, keeps N/A missing and sets retired currencies aside")
    func ecbLayout() throws {
        let ecb = try ECBReferenceRates(text: Self.ecbText)
        #expect(ecb.dates.map(\.description) == ["2024-01-02", "2024-01-03", "2024-01-04"])
        #expect(ecb.rates[try code("CNY")] == [7.8264, nil, 7.8106])
        #expect(ecb.retiredColumns == ["CYP"])
    }

    @Test("a cross rate through EUR skips the day a leg is missing and lists it as a gap")
    func crossRateWithGap() throws {
        let rates = FXRates(ecb: try ECBReferenceRates(text: Self.ecbText), fed: nil)
        let series = try rates.series(of: code("THB"), in: code("CNY"), from: day("2024-01-02"), to: day("2024-01-04"))
        #expect(series.dates.map(\.description) == ["2024-01-02", "2024-01-04"])
        #expect(series.gaps.map(\.description) == ["2024-01-03"])
        #expect(abs(series.values[0] - 7.8264 / 37.683) < 1e-15)
        #expect(series.returns().count == 1, "two rates give one return")
    }

    @Test("a malformed rate names the line")
    func malformedRate() {
        let text = "Date,USD,\n2024-01-02,1.09,\n2024-01-03,abc,\n"
        #expect(throws: FinanceError.malformedFile(file: "x.csv", line: 3, reason: "USD rate 'abc' is not a positive decimal")) {
            try ECBReferenceRates(text: text, file: "x.csv")
        }
    }

    @Test("a history read once elsewhere gives the same series as reading the file; the H.10 file is still required", .needsReferenceData)
    func sharedHistory() throws {
        let directory = try TestData.requireData()
        let text = try String(contentsOf: directory.appendingPathComponent(FXRates.ecbFile), encoding: .utf8)
        let shared = try FXRates(dataDirectory: directory, ecb: try ECBRateHistory(text: text))
        let own = try FinanceData.rates()
        let a = try shared.series(of: code("THB"), in: code("CNY"), from: day("2020-01-01"), to: day("2025-12-31"))
        let b = try own.series(of: code("THB"), in: code("CNY"), from: day("2020-01-01"), to: day("2025-12-31"))
        #expect(a.values == b.values && a.dates == b.dates && a.gaps == b.gaps)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-finance-\(UUID().uuidString)")
        #expect(throws: FinanceError.self) { try FXRates(dataDirectory: empty, ecb: try ECBRateHistory(text: text)) }
    }

    @Test("real data: EUR/CNY over ten years, THB/CNY cross rate, ISK's ten-year gap", .needsReferenceData)
    func realSeries() throws {
        let rates = try FinanceData.rates()
        let series = try rates.series(of: code("CNY"), in: code("EUR"), from: day("2016-01-01"), to: day("2025-12-31"))
        #expect(series.values.count == 2560)
        #expect(series.source == .ecbDaily)
        #expect(series.gaps.isEmpty)
        // 2025-12-24 in the file: CNY 8.2679 and THB 36.593 per EUR.
        let cross = try rates.rate(of: code("THB"), in: code("CNY"), on: day("2025-12-25"))
        #expect(cross.date == (try day("2025-12-24")), "Christmas Day has no fixing: the last earlier day is used and named")
        #expect(abs(cross.value - 8.2679 / 36.593) < 1e-15)
        let isk = try rates.series(of: code("ISK"), in: code("EUR"), from: day("2008-01-01"), to: day("2019-01-01"))
        #expect(isk.gaps.count > 2000, "ISK was not fixed from December 2008 to 2018; those days are gaps, not forward-filled")
        #expect(isk.dates.count + isk.gaps.count == (try rates.series(of: code("USD"), in: code("EUR"), from: day("2008-01-01"), to: day("2019-01-01"))).dates.count)
    }

    @Test("H.10 rates are units per USD for every currency, the euro included", .needsReferenceData)
    func fedNormalisation() throws {
        let rates = try FinanceData.rates()
        let fed = try #require(rates.fed)
        let eur = try #require(fed.rates[code("EUR")]?.first { $0.date == (try day("2020-01-01")) })
        #expect(eur.value == 0.9011, "0.9011 EUR per USD in January 2020, as the file gives it")
        // The cross rate through USD: CNY per EUR = (CNY per USD) / (EUR per USD).
        let cny = try rates.rate(of: code("EUR"), in: code("CNY"), on: day("2020-01-01"))
        #expect(cny.value > 7.5 && cny.value < 8, "the ECB's own figure is served first: \(cny.value)")
        let lkr = try rates.series(of: code("LKR"), in: code("USD"), from: day("2020-01-01"), to: day("2020-12-01"))
        #expect(lkr.source == .fedH10Monthly)
        #expect(lkr.values.count == 12)
        #expect(fed.retiredSeries.contains("Venezuela"))
        // A monthly series answers a mid-month date with the month's figure, and says so.
        let mid = try rates.rate(of: code("LKR"), in: code("USD"), on: day("2020-06-17"))
        #expect(mid.date == (try day("2020-06-01")))
    }

    @Test("no source, dates outside the data and an empty range are precise errors", .needsReferenceData)
    func errors() throws {
        let rates = try FinanceData.rates()
        #expect(throws: FinanceError.noSeries(currency: "VND", base: "EUR", tried: [
            "ECB reference rates (daily) have no VND column", "Fed H.10 (monthly) has no VND series",
        ])) {
            try rates.series(of: code("VND"), in: code("EUR"), from: day("2020-01-01"), to: day("2020-12-31"))
        }
        #expect(throws: FinanceError.outsideData(requested: "2000-01-01 → 2020-12-31", available: "2005-04-01 → 2026-04-13",
                                                 source: "ECB reference rates (CNY/EUR)")) {
            try rates.series(of: code("CNY"), in: code("EUR"), from: day("2000-01-01"), to: day("2020-12-31"))
        }
        #expect(throws: FinanceError.invalidParameter(name: "currency", reason: "EUR is also the base; choose two different currencies")) {
            try rates.series(of: code("EUR"), in: code("EUR"), from: day("2020-01-01"), to: day("2020-12-31"))
        }
        #expect(throws: FinanceError.emptyRange(from: try day("2021-01-01"), to: try day("2020-01-01"))) {
            try rates.series(of: code("CNY"), in: code("EUR"), from: day("2021-01-01"), to: day("2020-01-01"))
        }
    }
}
