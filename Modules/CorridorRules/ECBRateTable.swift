public import CorridorModel
public import Foundation

/// The ECB's euro reference rates (`eurofxref-hist.csv`) read exactly, as `Decimal`, for quotes.
///
/// The ECB publishes on TARGET business days; a quote dated on a weekend or holiday, or after the
/// file's last day, uses the last publication on or before it, and says so.
public struct ECBRateTable: Sendable {
    /// Publication days, ascending, with units of each currency per 1 EUR.
    public let days: [(date: CivilDate, rates: [String: Decimal])]

    /// Reads the CSV text (`Date,USD,JPY,…`, `N/A` for no rate); `file` names it in errors.
    public init(text: String, file: String = "ecb_eurofxref_hist.csv") throws(RulesError) {
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw .malformedFile(file, reason: "is empty") }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.first == "Date", header.count > 1 else { throw .malformedFile(file, reason: "the first column must be Date (the ECB eurofxref-hist.csv layout)") }
        var days: [(CivilDate, [String: Decimal])] = []
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                // The ECB writes no spaces; trimming only when one is there keeps a 7,000-day file fast to read.
                cell.first == " " || cell.last == " " || cell.last == "\r" ? cell.trimmingCharacters(in: .whitespacesAndNewlines) : String(cell)
            }
            guard let date = try? CivilDate(parsing: cells[0]) else {
                throw .malformedFile(file, reason: "line \(number + 2): '\(cells[0])' is not a day")
            }
            var rates: [String: Decimal] = [:]
            for (i, cell) in cells.enumerated().dropFirst() where i < header.count && !header[i].isEmpty && cell != "N/A" && !cell.isEmpty {
                guard let value = Decimal(exactLiteral: cell), value > 0 else {
                    throw .malformedFile(file, reason: "line \(number + 2), \(header[i]): '\(cell)' is not a rate")
                }
                rates[header[i]] = value
            }
            days.append((date, rates))
        }
        guard !days.isEmpty else { throw .malformedFile(file, reason: "holds no rates") }
        self.days = days.sorted { $0.0 < $1.0 }
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
