import CorridorModel
import Foundation

/// Checks shared by the importers' parsers.
enum ParserSupport {
    /// Decodes UTF-8, parses CSV, checks the header and that every record has the header's width.
    static func csvRecords(_ data: Data, file: String, header: [String]) throws(ImportError) -> [CSVReader.Record] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .malformed(file: file, line: 0, reason: "the file is not UTF-8 text")
        }
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(text)
        } catch {
            throw .malformed(file: file, line: error.line, reason: error.reason)
        }
        guard let first = records.first else { throw .malformed(file: file, line: 0, reason: "the file is empty") }
        let found = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found.map({ $0.lowercased() }) == header.map({ $0.lowercased() }) else {
            throw .malformed(file: file, line: first.line,
                             reason: "unexpected header \(found.joined(separator: ",")); expected \(header.joined(separator: ","))")
        }
        for record in records.dropFirst() where record.fields.count != header.count {
            throw .malformed(file: file, line: record.line,
                             reason: "\(record.fields.count) fields where the header has \(header.count)")
        }
        // Spreadsheet exports end with rows of empty cells (",,,,"); they carry nothing.
        return records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    /// Parses a code, turning a model error into a line-precise import error.
    static func code(_ text: String, file: String, line: Int) throws(ImportError) -> HSCode {
        do {
            return try HSCode(text)
        } catch {
            throw .malformed(file: file, line: line, reason: error.description)
        }
    }

    /// Builds a model value, turning its validation error into a line-precise import error.
    static func entry<T>(file: String, line: Int, _ make: () throws(ModelError) -> T) throws(ImportError) -> T {
        do {
            return try make()
        } catch {
            throw .malformed(file: file, line: line, reason: error.description)
        }
    }
}
