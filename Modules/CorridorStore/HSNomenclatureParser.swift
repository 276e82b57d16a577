import CorridorModel
import Foundation

/// Parses the HS nomenclature CSV published by datasets/harmonized-system
/// (`section,hscode,description,parent,level`).
enum HSNomenclatureParser {
    static let header = ["section", "hscode", "description", "parent", "level"]

    static func parse(_ data: Data, file: String, release: NomenclatureRelease) throws(ImportError) -> [NomenclatureEntry] {
        let records = try ParserSupport.csvRecords(data, file: file, header: header)
        var entries: [NomenclatureEntry] = []
        entries.reserveCapacity(records.count)
        var seen = Set<String>()
        for record in records {
            let f = record.fields
            // The publisher adds one "TOTAL" row for the whole nomenclature; it is not a code.
            if f[1] == "TOTAL" { continue }
            let code = try ParserSupport.code(f[1], file: file, line: record.line)
            guard code.length <= 6 else {
                throw .malformed(file: file, line: record.line, reason: "HS code '\(f[1])' has \(code.length) digits; the HS has at most 6")
            }
            guard let level = Int(f[4]), level == code.length else {
                throw .malformed(file: file, line: record.line, reason: "level '\(f[4])' does not match the \(code.length)-digit code \(f[1])")
            }
            let description = f[2].trimmingCharacters(in: .whitespaces)
            guard !description.isEmpty else {
                throw .malformed(file: file, line: record.line, reason: "code \(f[1]) has no description")
            }
            let parent: HSCode? = f[3] == "TOTAL" ? nil : try ParserSupport.code(f[3], file: file, line: record.line)
            if let parent, parent != code.parent {
                throw .malformed(file: file, line: record.line, reason: "parent \(f[3]) is not the parent of \(f[1])")
            }
            guard seen.insert(code.digits).inserted else {
                throw .malformed(file: file, line: record.line, reason: "code \(f[1]) appears twice")
            }
            entries.append(try ParserSupport.entry(file: file, line: record.line) { () throws(ModelError) in try NomenclatureEntry(
                release: release.id, code: code, description: description, parent: parent,
                section: f[0].isEmpty ? nil : f[0]) })
        }
        guard !entries.isEmpty else { throw .malformed(file: file, line: 0, reason: "the file has a header but no codes") }
        return entries
    }
}
