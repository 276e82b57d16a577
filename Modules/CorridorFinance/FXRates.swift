public import CorridorModel
public import Foundation

/// Exchange rates from the ECB (daily, EUR-based) and the Fed's H.10 (monthly, USD-based), with
/// cross rates through each source's own base.
///
/// A pair is served from the ECB when it quotes both currencies (EUR counts as quoted), else from
/// H.10 when it quotes both (USD counts as quoted). Sources are never mixed within a series, and a
/// pair neither source covers is an error that says what each source lacked.
public struct FXRates: Sendable {
    /// The ECB history, when loaded.
    public let ecb: ECBReferenceRates?
    /// The H.10 history, when loaded.
    public let fed: FedH10Rates?

    /// Combines the sources that are available.
    public init(ecb: ECBReferenceRates?, fed: FedH10Rates?) {
        self.ecb = ecb
        self.fed = fed
    }

    /// The file names inside a data directory's `finance/` folder.
    public static let ecbFile = "finance/ecb_eurofxref_hist.csv"
    /// The H.10 file name inside a data directory.
    public static let fedFile = "finance/fed_h10_monthly.csv"

    /// Loads both files from a data directory laid out like `../shared/data`; `ecb` is the ECB
    /// history when the caller has already read it (the daemon reads it once for finance and rules).
    ///
    /// A missing file is an error: a risk figure must never silently come from the other source.
    public init(dataDirectory: URL, ecb history: ECBRateHistory? = nil) throws(FinanceError) {
        let ecbURL = dataDirectory.appendingPathComponent(Self.ecbFile)
        let fedURL = dataDirectory.appendingPathComponent(Self.fedFile)
        for url in history == nil ? [ecbURL, fedURL] : [fedURL] where !FileManager.default.fileExists(atPath: url.path) {
            throw .malformedFile(file: url.path, line: 0, reason: "not found; point --data at a directory holding \(Self.ecbFile) and \(Self.fedFile) (Docs/DATA.md)")
        }
        let ecb = if let history { ECBReferenceRates(history: history) } else { try ECBReferenceRates(contentsOf: ecbURL) }
        self.init(ecb: ecb, fed: try FedH10Rates(contentsOf: fedURL))
    }

    /// The value of one unit of `currency` in `base` on each date in [from, to].
    ///
    /// - Throws: ``FinanceError/noSeries(currency:base:tried:)`` when no source quotes both;
    ///   ``FinanceError/outsideData(requested:available:source:)`` when the range reaches past the
    ///   pair's data; ``FinanceError/emptyRange(from:to:)`` when `from` is after `to`.
    public func series(of currency: CurrencyCode, in base: CurrencyCode, from: CivilDate, to: CivilDate) throws(FinanceError) -> FXSeries {
        guard from <= to else { throw .emptyRange(from: from, to: to) }
        guard currency != base else {
            throw .invalidParameter(name: "currency", reason: "\(currency) is also the base; choose two different currencies")
        }
        return try series(of: currency, in: base, from: from, to: to, checkBounds: true)
    }

    /// The source that serves a pair, or the reason none does.
    public func source(of currency: CurrencyCode, in base: CurrencyCode) throws(FinanceError) -> FXSource {
        var tried: [String] = []
        if let ecb {
            let missing = [currency, base].filter { $0.code != "EUR" && ecb.rates[$0] == nil }
            if missing.isEmpty { return .ecbDaily }
            tried.append("ECB reference rates (daily) have no \(missing.map(\.code).joined(separator: " or ")) column")
        } else {
            tried.append("ECB reference rates not loaded")
        }
        if let fed {
            let missing = [currency, base].filter { $0.code != "USD" && fed.rates[$0] == nil }
            if missing.isEmpty { return .fedH10Monthly }
            tried.append("Fed H.10 (monthly) has no \(missing.map(\.code).joined(separator: " or ")) series")
        } else {
            tried.append("Fed H.10 not loaded")
        }
        throw .noSeries(currency: currency.code, base: base.code, tried: tried)
    }

    /// The first and last dates on which the pair has a rate in the source that serves it.
    public func span(of currency: CurrencyCode, in base: CurrencyCode) throws(FinanceError) -> ClosedRange<CivilDate> {
        let all = try series(of: currency, in: base, from: nil, to: nil, checkBounds: false)
        guard let first = all.dates.first, let last = all.dates.last else {
            throw .noSeries(currency: currency.code, base: base.code, tried: ["\(all.source.citation) has no day with both"])
        }
        return first...last
    }

    /// The rate (``FXSeries`` convention: `base` per unit of `currency`) on `date`, or on the last
    /// earlier publication day within `lookbackDays` (14 for the daily ECB rates, 40 for the monthly
    /// H.10 rates unless given), with the day it is from.
    public func rate(of currency: CurrencyCode, in base: CurrencyCode, on date: CivilDate, lookbackDays: Int? = nil) throws(FinanceError) -> (date: CivilDate, value: Double) {
        if currency == base { return (date, 1) }
        let source = try source(of: currency, in: base)
        let lookbackDays = lookbackDays ?? (source == .fedH10Monthly ? 40 : 14)
        let window = try series(of: currency, in: base, from: date.adding(days: -lookbackDays), to: date, checkBounds: false)
        guard let last = window.dates.last, let value = window.values.last else {
            let bounds = try span(of: currency, in: base)
            throw .outsideData(requested: "a \(currency)/\(base) rate on or up to \(lookbackDays) days before \(date)",
                               available: "\(bounds.lowerBound) → \(bounds.upperBound)", source: window.source.citation)
        }
        return (last, value)
    }

    private func series(of currency: CurrencyCode, in base: CurrencyCode, from: CivilDate?, to: CivilDate?, checkBounds: Bool) throws(FinanceError) -> FXSeries {
        switch try source(of: currency, in: base) {
        case .ecbDaily:
            guard let ecb else { throw .noSeries(currency: currency.code, base: base.code, tried: ["ECB reference rates not loaded"]) }
            return try ecbSeries(ecb, currency: currency, base: base, from: from, to: to, checkBounds: checkBounds)
        case .fedH10Monthly:
            guard let fed else { throw .noSeries(currency: currency.code, base: base.code, tried: ["Fed H.10 not loaded"]) }
            return try fedSeries(fed, currency: currency, base: base, from: from, to: to, checkBounds: checkBounds)
        }
    }

    private func ecbSeries(_ ecb: ECBReferenceRates, currency: CurrencyCode, base: CurrencyCode, from: CivilDate?, to: CivilDate?, checkBounds: Bool) throws(FinanceError) -> FXSeries {
        let ones = [Double?](repeating: 1, count: ecb.dates.count)
        let quote = currency.code == "EUR" ? ones : ecb.rates[currency] ?? ones
        let basis = base.code == "EUR" ? ones : ecb.rates[base] ?? ones
        // The pair's span: first and last day both legs are present.
        let both = ecb.dates.indices.filter { quote[$0] != nil && basis[$0] != nil }
        guard let firstIndex = both.first, let lastIndex = both.last else {
            throw .noSeries(currency: currency.code, base: base.code, tried: ["ECB reference rates have no day with both"])
        }
        let first = ecb.dates[firstIndex], last = ecb.dates[lastIndex]
        let from = from ?? first, to = to ?? last
        if checkBounds, from < first || to > last {
            throw .outsideData(requested: "\(from) → \(to)", available: "\(first) → \(last)", source: "ECB reference rates (\(currency)/\(base))")
        }
        var dates: [CivilDate] = [], values: [Double] = [], gaps: [CivilDate] = []
        var i = lowerBound(ecb.dates, from)
        while i < ecb.dates.count, ecb.dates[i] <= to {
            if let q = quote[i], let b = basis[i] {
                dates.append(ecb.dates[i])
                // units of base per EUR ÷ units of currency per EUR = base per unit of currency.
                values.append(b / q)
            } else if ecb.dates[i] >= first, ecb.dates[i] <= last {
                gaps.append(ecb.dates[i])
            }
            i += 1
        }
        return FXSeries(base: base, currency: currency, source: .ecbDaily, dates: dates, values: values, gaps: gaps)
    }

    private func fedSeries(_ fed: FedH10Rates, currency: CurrencyCode, base: CurrencyCode, from: CivilDate?, to: CivilDate?, checkBounds: Bool) throws(FinanceError) -> FXSeries {
        func lookup(_ code: CurrencyCode) -> [CivilDate: Double]? {
            code.code == "USD" ? nil : Dictionary(fed.rates[code]?.map { ($0.date, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        }
        let quote = lookup(currency), basis = lookup(base)
        var allDates = Set<CivilDate>()
        for code in [currency, base] where code.code != "USD" {
            for point in fed.rates[code] ?? [] { allDates.insert(point.date) }
        }
        let sortedDates = allDates.sorted()
        let both = sortedDates.filter { (quote == nil || quote?[$0] != nil) && (basis == nil || basis?[$0] != nil) }
        guard let first = both.first, let last = both.last else {
            throw .noSeries(currency: currency.code, base: base.code, tried: ["Fed H.10 has no month with both"])
        }
        let from = from ?? first, to = to ?? last
        if checkBounds, from < first || to > last {
            throw .outsideData(requested: "\(from) → \(to)", available: "\(first) → \(last) (monthly)", source: "Fed H.10 (\(currency)/\(base))")
        }
        var dates: [CivilDate] = [], values: [Double] = [], gaps: [CivilDate] = []
        for date in sortedDates where date >= from && date <= to {
            let q = quote == nil ? 1 : quote?[date]
            let b = basis == nil ? 1 : basis?[date]
            if let q, let b {
                dates.append(date)
                values.append(b / q)
            } else if date >= first, date <= last {
                gaps.append(date)
            }
        }
        return FXSeries(base: base, currency: currency, source: .fedH10Monthly, dates: dates, values: values, gaps: gaps)
    }

    private func lowerBound(_ dates: [CivilDate], _ target: CivilDate) -> Int {
        var lo = 0, hi = dates.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if dates[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
