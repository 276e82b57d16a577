public import Foundation
import CorridorModel

/// A table of applicants read from CSV: a header row, then one row per applicant.
///
/// Cells are kept as text; a column is numeric when every non-missing cell parses as a number.
/// Empty cells and `NA`, `N/A`, `NaN`, `null` and `None` are missing values.
public struct CreditDataset: Sendable {
    /// Column names, in file order.
    public let columns: [String]
    /// Cells, one array per row (`nil` for a missing value).
    public let rows: [[String?]]
    /// The file line each row starts on.
    public let lines: [Int]

    static let missingTokens: Set<String> = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None"]

    /// Parses CSV text; `file` names it in errors.
    public init(csv text: String, file: String = "input") throws(FinanceError) {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(text)
        } catch {
            throw .malformedFile(file: file, line: error.line, reason: error.reason)
        }
        guard let header = records.first else { throw .malformedFile(file: file, line: 1, reason: "the file is empty; a header row is needed") }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for name in names {
            guard !name.isEmpty else { throw .malformedFile(file: file, line: header.line, reason: "a column has no name") }
            guard seen.insert(name).inserted else { throw .malformedFile(file: file, line: header.line, reason: "the column '\(name)' appears twice") }
        }
        var rows: [[String?]] = []
        var lines: [Int] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw .malformedFile(file: file, line: record.line, reason: "\(record.fields.count) fields where the header has \(names.count)")
            }
            rows.append(record.fields.map { field in
                let t = field.trimmingCharacters(in: .whitespaces)
                return Self.missingTokens.contains(t) ? nil : t
            })
            lines.append(record.line)
        }
        guard !rows.isEmpty else { throw .malformedFile(file: file, line: header.line, reason: "the file has a header but no rows") }
        columns = names
        self.rows = rows
        self.lines = lines
    }

    /// Reads and parses a file.
    public init(contentsOf url: URL) throws(FinanceError) {
        try self.init(csv: TextFile.read(url), file: url.lastPathComponent)
    }

    /// The index of a column.
    public func index(of name: String) throws(FinanceError) -> Int {
        guard let i = columns.firstIndex(of: name) else { throw .unknownColumn(name, available: columns) }
        return i
    }

    /// A column's cells.
    public func column(_ name: String) throws(FinanceError) -> [String?] {
        let i = try index(of: name)
        return rows.map { $0[i] }
    }

    /// A column as numbers when every non-missing cell is one, else `nil`.
    public func numericColumn(_ name: String) throws(FinanceError) -> [Double?]? {
        var out: [Double?] = []
        for cell in try column(name) {
            guard let cell else { out.append(nil); continue }
            guard let value = Double(cell), value.isFinite else { return nil }
            out.append(value)
        }
        return out
    }

    /// The target column as events, choosing the event outcome as documented in ``BinaryTarget``.
    public func target(_ name: String, event: String? = nil) throws(FinanceError) -> BinaryTarget {
        let cells = try column(name)
        let lineNumbers = lines
        for (i, cell) in cells.enumerated() where cell == nil {
            throw .malformedFile(file: "target '\(name)'", line: lineNumbers[i], reason: "the target is missing; every row needs an outcome")
        }
        return try BinaryTarget(column: name, outcomes: cells.compactMap { $0 }, event: event)
    }
}
