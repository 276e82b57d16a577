public import Foundation

/// The ECB's euro reference-rate history (`eurofxref-hist.csv`), read exactly: one row a
/// publication day, one column a currency, in units of currency per EUR, as `Decimal`.
///
/// It is read once and shared: the rules engine converts quotes with the exact figures, and the
/// finance engine takes its risk series from the same days. The file lists the newest day first,
/// writes `N/A` where a currency has no rate and ends every row with a comma; all three are
/// handled. A missing rate stays missing: nothing is forward-filled. Columns are kept as the header
/// names them, including currencies no longer in ISO 4217 (CYP, EEK, …).
public struct ECBRateHistory: Sendable {
    /// One publication day.
    public struct Day: Sendable {
        /// The day.
        public let date: CivilDate
        /// The rate of each of ``ECBRateHistory/columns`` that day (`nil` where the ECB published `N/A`).
        public let rates: [Decimal?]
    }

    /// The currency columns, as the header names them.
    public let columns: [String]
    /// The publication days, oldest first.
    public let days: [Day]

    /// Parses the text of the file.
    ///
    /// - Throws: ``CSVReader/SyntaxError`` with the line and the reason: a header that does not
    ///   start with `Date`, a short row, a day that is not `YYYY-MM-DD`, a rate that is not a
    ///   positive decimal, a quoted field, or a day listed twice.
    public init(text: String) throws(CSVReader.SyntaxError) {
        // The ECB writes no quotes, so lines and commas are enough, which keeps a 7,000-day file fast to read.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().makeIterator()
        guard let (_, headerLine) = lines.next(), !headerLine.isEmpty else { throw CSVReader.SyntaxError(line: 1, reason: "the file is empty") }
        let header = headerLine.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard header.first?.trimmingCharacters(in: ["\u{FEFF}"]) == "Date", header.count > 1 else {
            throw CSVReader.SyntaxError(line: 1, reason: "the header must start with 'Date' (the ECB's eurofxref-hist layout)")
        }
        let used = header.indices.dropFirst().filter { !header[$0].isEmpty }
        var days: [Day] = []
        while let (index, line) = lines.next() {
            let number = index + 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard !line.contains("\"") else { throw CSVReader.SyntaxError(line: number, reason: "quoted fields are not in the ECB's layout") }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count >= header.count else {
                throw CSVReader.SyntaxError(line: number, reason: "\(cells.count) fields where the header has \(header.count)")
            }
            let dateText = cells[0].trimmingCharacters(in: .whitespaces)
            guard let date = CivilDate(dateText) else { throw CSVReader.SyntaxError(line: number, reason: "'\(dateText)' is not a date (YYYY-MM-DD)") }
            var rates: [Decimal?] = []
            rates.reserveCapacity(used.count)
            for i in used {
                let cell = cells[i]
                // Trimming only when a space is there keeps the common case cheap.
                let text = cell.first == " " || cell.last == " " || cell.last == "\r" ? cell.trimmingCharacters(in: .whitespacesAndNewlines) : String(cell)
                if text == "N/A" || text.isEmpty {
                    rates.append(nil)
                } else if let value = Decimal(exactLiteral: text), value > 0 {
                    rates.append(value)
                } else {
                    throw CSVReader.SyntaxError(line: number, reason: "\(header[i]) rate '\(text)' is not a positive decimal")
                }
            }
            days.append(Day(date: date, rates: rates))
        }
        guard !days.isEmpty else { throw CSVReader.SyntaxError(line: 2, reason: "the file holds no rates") }
        days.sort { $0.date < $1.date }
        for i in days.indices.dropFirst() where days[i].date == days[i - 1].date {
            throw CSVReader.SyntaxError(line: 0, reason: "the date \(days[i].date) appears twice")
        }
        columns = used.map { header[$0] }
        self.days = days
    }
}
