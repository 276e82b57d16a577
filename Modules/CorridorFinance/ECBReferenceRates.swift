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

    /// Parses the text of the file; `file` names it in errors.
    public init(text: String, file: String = "ecb_eurofxref_hist.csv") throws(FinanceError) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(text)
        } catch {
            throw .malformedFile(file: file, line: error.line, reason: error.reason)
        }
        guard let header = records.first, header.fields.first == "Date" else {
            throw .malformedFile(file: file, line: 1, reason: "the header must start with 'Date' (the ECB's eurofxref-hist layout)")
        }
        var columns: [(index: Int, code: CurrencyCode)] = []
        var retired: [String] = []
        for (i, name) in header.fields.enumerated().dropFirst() where !name.isEmpty {
            if let code = try? CurrencyCode(name) { columns.append((i, code)) } else { retired.append(name) }
        }
        var rows: [(CivilDate, [Double?])] = []
        rows.reserveCapacity(records.count)
        for record in records.dropFirst() {
            guard record.fields.count >= header.fields.count else {
                throw .malformedFile(file: file, line: record.line, reason: "\(record.fields.count) fields where the header has \(header.fields.count)")
            }
            guard let date = CivilDate(record.fields[0]) else {
                throw .malformedFile(file: file, line: record.line, reason: "'\(record.fields[0])' is not a date (YYYY-MM-DD)")
            }
            var values: [Double?] = []
            values.reserveCapacity(columns.count)
            for column in columns {
                let text = record.fields[column.index].trimmingCharacters(in: .whitespaces)
                if text == "N/A" || text.isEmpty {
                    values.append(nil)
                } else if let value = Double(text), value > 0, value.isFinite {
                    values.append(value)
                } else {
                    throw .malformedFile(file: file, line: record.line, reason: "\(column.code) rate '\(text)' is not a positive number")
                }
            }
            rows.append((date, values))
        }
        rows.sort { $0.0 < $1.0 }
        for i in rows.indices.dropFirst() where rows[i].0 == rows[i - 1].0 {
            throw .malformedFile(file: file, line: 0, reason: "the date \(rows[i].0) appears twice")
        }
        dates = rows.map(\.0)
        var byCurrency: [CurrencyCode: [Double?]] = [:]
        for (k, column) in columns.enumerated() {
            byCurrency[column.code] = rows.map { $0.1[k] }
        }
        rates = byCurrency
        retiredColumns = retired
    }

    /// Reads and parses a file.
    public init(contentsOf url: URL) throws(FinanceError) {
        try self.init(text: TextFile.read(url), file: url.lastPathComponent)
    }
}
