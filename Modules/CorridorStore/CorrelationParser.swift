import CorridorModel
import Foundation

/// Parses a correlation CSV: `HS2022,HS2017,relationship`, or `HS2017,ex,HS2012,relationship`
/// where a non-empty `ex` marks a partial mapping.
enum CorrelationParser {
    struct Row: Sendable {
        let from: HSCode
        let to: HSCode
        let relationship: CorrelationRelationship
        let partial: Bool
    }

    static func parse(_ data: Data, file: String, table: CorrelationTableSource) throws(ImportError) -> [Row] {
        let a = "HS\(table.from.year)", b = "HS\(table.to.year)"
        let withEx = [a, "ex", b, "relationship"]
        let plain = [a, b, "relationship"]
        // The header on line 1 says which layout this is; the body is then parsed once against it.
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(file: file, line: 0, reason: "the file is not UTF-8 text")
        }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let hasEx = firstLine.split(separator: ",").count == withEx.count
        let records = try ParserSupport.csvRecords(data, file: file, header: hasEx ? withEx : plain)
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        var seen = Set<String>()
        for record in records {
            let f = record.fields
            let fromText = f[0], toText = hasEx ? f[2] : f[1], relText = hasEx ? f[3] : f[2]
            let from = try ParserSupport.code(fromText, file: file, line: record.line)
            let to = try ParserSupport.code(toText, file: file, line: record.line)
            guard from.length == 6, to.length == 6 else {
                throw .malformed(file: file, line: record.line, reason: "correlation codes must be 6-digit subheadings, got \(fromText) → \(toText)")
            }
            guard let relationship = CorrelationRelationship(rawValue: relText.trimmingCharacters(in: .whitespaces)) else {
                throw .malformed(file: file, line: record.line, reason: "relationship '\(relText)' is not one of 1:1, 1:n, n:1, n:n")
            }
            guard seen.insert(from.digits + to.digits).inserted else { continue }  // exact repeats carry no information
            rows.append(Row(from: from, to: to, relationship: relationship, partial: hasEx && !f[1].isEmpty))
        }
        guard !rows.isEmpty else { throw .malformed(file: file, line: 0, reason: "the table has no rows") }
        return rows
    }
}
