public import CorridorModel
public import Foundation

/// The ECB's euro reference-rate history (`eurofxref-hist.csv`): one row a publication day, one
/// column a currency, in units of currency per EUR.
///
/// The file lists the newest day first, writes `N/A` where a currency has no rate and ends every
/// row with a comma; all three are handled. A missing rate stays missing: nothing is forward-filled.
/// Columns for currencies that are no longer in ISO 4217 (CYP, EEK, …) are kept aside in
/// ``retiredColumns``.
public struct ECBReferenceRates: Sendable {
    /// Publication days, oldest first.
    public let dates: [CivilDate]
    /// Per currency, the rate on each of ``dates`` (`nil` where the ECB published `N/A`).
    public let rates: [CurrencyCode: [Double?]]
    /// Header codes that are not current ISO 4217 currencies, and so are not offered.
    public let retiredColumns: [String]

    /// The series of a history already read (``ECBRateHistory``, shared with the rules engine).
    /// Rates become `Double` here, from their exact decimal digits.
    public init(history: ECBRateHistory) {
        var columns: [(index: Int, code: CurrencyCode)] = []
        var retired: [String] = []
        for (i, name) in history.columns.enumerated() {
            if let code = try? CurrencyCode(name) { columns.append((i, code)) } else { retired.append(name) }
        }
        dates = history.days.map(\.date)
        var byCurrency: [CurrencyCode: [Double?]] = [:]
        for column in columns {
            byCurrency[column.code] = history.days.map { day in day.rates[column.index].flatMap { Double("\($0)") } }
        }
        rates = byCurrency
        retiredColumns = retired
    }

    /// Parses the text of the file; `file` names it in errors.
    public init(text: String, file: String = "ecb_eurofxref_hist.csv") throws(FinanceError) {
        do { self.init(history: try ECBRateHistory(text: text)) } catch { throw .malformedFile(file: file, line: error.line, reason: error.reason) }
    }

    /// Reads and parses a file.
    public init(contentsOf url: URL) throws(FinanceError) {
        try self.init(text: TextFile.read(url), file: url.lastPathComponent)
    }
}
