public import CorridorModel
public import Foundation

/// The ECB's euro reference rates (`eurofxref-hist.csv`) read exactly, as `Decimal`, for quotes.
///
/// The ECB publishes on TARGET business days; a quote dated on a weekend or holiday, or after the
/// file's last day, uses the last publication on or before it, and says so.
public struct ECBRateTable: Sendable {
    /// Publication days, ascending, with units of each currency per 1 EUR.
    public let days: [(date: CivilDate, rates: [String: Decimal])]

    /// The rates of a history already read (``ECBRateHistory``, shared with the finance engine).
    public init(history: ECBRateHistory) {
        days = history.days.map { day in
            var rates: [String: Decimal] = [:]
            for (column, rate) in zip(history.columns, day.rates) { if let rate { rates[column] = rate } }
            return (day.date, rates)
        }
    }

    /// Reads the CSV text (`Date,USD,JPY,…`, `N/A` for no rate); `file` names it in errors.
    public init(text: String, file: String = "ecb_eurofxref_hist.csv") throws(RulesError) {
        do { self.init(history: try ECBRateHistory(text: text)) } catch { throw .malformedFile(file, reason: error.description) }
    }

    /// Reads the file.
    public init(contentsOf url: URL) throws(RulesError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .unreadableFile(url.path, reason: error.localizedDescription) }
        try self.init(text: text, file: url.lastPathComponent)
    }

    /// The rates of the last publication on or before `date`, limited to `currencies` (all when empty).
    public func converter(on date: CivilDate, currencies: Set<String> = []) throws(RulesError) -> CurrencyConverter {
        var low = 0, high = days.count
        while low < high {
            let mid = (low + high) / 2
            if days[mid].date <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { throw .noExchangeRate("EUR", date: date.description) }
        let day = days[low - 1]
        let rates = currencies.isEmpty ? day.rates : day.rates.filter { currencies.contains($0.key) }
        guard let euro = try? CurrencyCode("EUR") else { throw .noExchangeRate("EUR", date: date.description) }
        return CurrencyConverter(base: euro, date: day.date, perBase: rates)
    }
}
