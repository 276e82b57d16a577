public import CorridorModel
import Foundation

/// The FX risk of an exporter's receivables, valued in a reporting currency (CNY for a Chinese exporter).
public struct ExposureRisk: Sendable, Codable, Equatable {
    /// One receivable's valuation and stand-alone risk.
    public struct Position: Sendable, Codable, Equatable {
        /// The receivable.
        public let receivable: Receivable
        /// Trading days to the due date (calendar days × 252 / 365, at least 1).
        public let horizonDays: Int
        /// Reporting currency per unit of the receivable's currency.
        public let spot: Double
        /// The publication day of `spot`.
        public let spotDate: CivilDate
        /// The receivable's value in the reporting currency at spot.
        public let value: Double
        /// Its stand-alone VaR to the due date, in the reporting currency.
        public let valueAtRisk: Double
    }

    /// The reporting currency.
    public let reporting: CurrencyCode
    /// The valuation date.
    public let asOf: CivilDate
    /// The confidence level.
    public let level: Double
    /// The positions, in input order.
    public let positions: [Position]
    /// The portfolio VaR to each position's due date, in the reporting currency (historical simulation
    /// over joint daily returns, each scaled by √horizon).
    public let valueAtRisk: Double
    /// The sum of stand-alone VaRs; the difference to ``valueAtRisk`` is diversification.
    public let undiversifiedValueAtRisk: Double
    /// The number of joint historical scenarios.
    public let scenarios: Int
    /// The first and last day of the returns used.
    public let historyFrom: CivilDate
    /// The last day of the returns used.
    public let historyTo: CivilDate

    /// The total value at spot in the reporting currency.
    public var totalValue: Double { positions.reduce(0) { $0 + $1.value } }

    /// Values receivables at `asOf` and measures their joint FX VaR from the last `lookback` daily
    /// returns up to `asOf`.
    public static func analyze(_ receivables: [Receivable], reporting: CurrencyCode, asOf: CivilDate, rates: FXRates,
                               level: Double = 0.99, lookback: Int = 500) throws(FinanceError) -> ExposureRisk {
        guard !receivables.isEmpty else { throw .invalidParameter(name: "receivables", reason: "the exposure lists none") }
        guard level > 0.5, level < 1 else { throw .invalidParameter(name: "level", reason: "must lie between 0.5 and 1, got \(level)") }
        guard lookback >= 100, lookback <= 5_000 else {
            throw .invalidParameter(name: "lookback", reason: "must be 100 to 5,000 daily returns, got \(lookback)")
        }
        for r in receivables where r.due <= asOf {
            throw .invalidParameter(name: "due", reason: "a \(r.currency) receivable is due \(r.due), not after as_of \(asOf)")
        }
        let foreign = Array(Set(receivables.map(\.currency).filter { $0 != reporting })).sorted()
        // Joint history: each foreign currency's value in the reporting currency on common days.
        var valuesByCurrency: [CurrencyCode: [CivilDate: Double]] = [:]
        var commonDates: Set<CivilDate>?
        let start = asOf.adding(days: -(lookback * 2 + 30))
        for currency in foreign {
            let span = try rates.span(of: currency, in: reporting)
            guard asOf >= span.lowerBound else {
                throw .outsideData(requested: "as_of \(asOf)", available: "\(span.lowerBound) → \(span.upperBound)", source: "\(currency)/\(reporting) rates")
            }
            guard asOf.adding(days: -14) <= span.upperBound else {
                throw .outsideData(requested: "as_of \(asOf)", available: "\(span.lowerBound) → \(span.upperBound)", source: "\(currency)/\(reporting) rates")
            }
            let series = try rates.series(of: currency, in: reporting, from: max(start, span.lowerBound), to: min(asOf, span.upperBound))
            guard series.source == .ecbDaily else {
                throw .noSeries(currency: currency.code, base: reporting.code, tried: ["daily rates are needed for exposure VaR; only \(series.source.citation) covers the pair"])
            }
            valuesByCurrency[currency] = Dictionary(uniqueKeysWithValues: zip(series.dates, series.values))
            let dates = Set(series.dates)
            commonDates = commonDates.map { $0.intersection(dates) } ?? dates
        }
        let dates = Array((commonDates ?? []).sorted().suffix(lookback + 1))
        if !foreign.isEmpty, dates.count < 101 {
            throw .tooFewObservations(method: "exposure VaR", needed: 100, got: max(0, dates.count - 1))
        }
        var returns: [CurrencyCode: [Double]] = [:]
        for currency in foreign {
            let v = dates.compactMap { valuesByCurrency[currency]?[$0] }
            returns[currency] = ReturnKind.simple.returns(of: v)
        }
        let scenarioCount = max(0, dates.count - 1)
        var pnl = [Double](repeating: 0, count: scenarioCount)
        var positions: [Position] = []
        var undiversified = 0.0
        for r in receivables {
            let calendar = r.due.daysSinceEpoch - asOf.daysSinceEpoch
            let horizon = max(1, Int((Double(calendar) * 252 / 365).rounded()))
            let amount = NSDecimalNumber(decimal: r.amount).doubleValue
            let spot = try rates.rate(of: r.currency, in: reporting, on: asOf)
            let value = amount * spot.value
            var standalone = 0.0
            if let series = returns[r.currency] {
                let scale = Double(horizon).squareRoot()
                var own = [Double](repeating: 0, count: scenarioCount)
                for s in 0..<scenarioCount {
                    own[s] = value * series[s] * scale
                    pnl[s] += own[s]
                }
                standalone = -ValueAtRisk.lowerQuantile(sorted: own.sorted(), 1 - level)
            }
            undiversified += standalone
            positions.append(Position(receivable: r, horizonDays: horizon, spot: spot.value, spotDate: spot.date, value: value, valueAtRisk: standalone))
        }
        let total = scenarioCount > 0 ? -ValueAtRisk.lowerQuantile(sorted: pnl.sorted(), 1 - level) : 0
        return ExposureRisk(reporting: reporting, asOf: asOf, level: level, positions: positions, valueAtRisk: max(0, total),
                            undiversifiedValueAtRisk: undiversified, scenarios: scenarioCount,
                            historyFrom: dates.first ?? asOf, historyTo: dates.last ?? asOf)
    }
}
