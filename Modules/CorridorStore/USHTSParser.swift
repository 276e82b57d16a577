import CorridorModel
import Foundation

/// Parses a US Harmonized Tariff Schedule CSV export (USITC column layout).
///
/// Many lines read "Other" or "Males" and only make sense under their parents, and some parents
/// carry no code at all ("Horses:"). The parser rebuilds each coded line's full description from
/// the indent hierarchy and links it to its nearest coded ancestor.
enum USHTSParser {
    static let header = [
        "HTS Number", "Indent", "Description", "Unit of Quantity", "General Rate of Duty",
        "Special Rate of Duty", "Column 2 Rate of Duty", "Quota Quantity", "Additional Duties",
    ]

    static func parse(_ data: Data, file: String, release: NomenclatureRelease) throws(ImportError) -> [NomenclatureEntry] {
        let records = try ParserSupport.csvRecords(data, file: file, header: header)
        var stack: [(indent: Int, code: HSCode?, text: String)] = []
        var entries: [NomenclatureEntry] = []
        entries.reserveCapacity(records.count)
        var seen = Set<String>()
        for record in records {
            let f = record.fields
            guard let indent = Int(f[1].trimmingCharacters(in: .whitespaces)), indent >= 0 else {
                throw .malformed(file: file, line: record.line, reason: "indent '\(f[1])' is not a non-negative whole number")
            }
            let text = f[2].trimmingCharacters(in: .whitespacesAndNewlines)
            let number = f[0].trimmingCharacters(in: .whitespaces)
            let code: HSCode? = number.isEmpty ? nil : try ParserSupport.code(number, file: file, line: record.line)
            if code == nil && text.isEmpty { continue }
            while let last = stack.last, last.indent >= indent { stack.removeLast() }
            let ancestors = stack.map { stripColon($0.text) }.filter { !$0.isEmpty }
            stack.append((indent, code, text))
            guard let code else { continue }
            // The nearest coded line above that the code really extends (a few chapter 98 lines sit
            // under a sibling in the printed indent, which is not their parent).
            let parent = stack.dropLast().last(where: { $0.code.map { code.isWithin($0) && code != $0 } ?? false })?.code
            guard seen.insert(code.digits).inserted else {
                throw .malformed(file: file, line: record.line, reason: "HTS number \(number) appears twice")
            }
            let units = try self.units(f[3], file: file, line: record.line)
            let rates = TariffRates(general: f[4], special: f[5], column2: f[6], additional: f[8], quota: f[7])
            let own = stripColon(text)
            entries.append(try ParserSupport.entry(file: file, line: record.line) { () throws(ModelError) in try NomenclatureEntry(
                release: release.id, code: code, description: own,
                fullDescription: (ancestors + [own]).joined(separator: " > "),
                parent: parent, units: units, rates: rates.isEmpty ? nil : rates) })
        }
        guard !entries.isEmpty else { throw .malformed(file: file, line: 0, reason: "no HTS numbers found") }
        return entries
    }

    /// The unit column holds a JSON array (`["No."]`, `["doz.","kg"]`) or nothing.
    private static func units(_ text: String, file: String, line: Int) throws(ImportError) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return [] }
        guard let data = trimmed.data(using: .utf8), let units = try? JSONDecoder().decode([String].self, from: data) else {
            throw .malformed(file: file, line: line, reason: "unit of quantity '\(text)' is not a JSON list of strings such as [\"kg\"]")
        }
        return units
    }

    private static func stripColon(_ s: String) -> String {
        var t = Substring(s)
        while t.last == ":" || t.last == " " { t = t.dropLast() }
        return String(t)
    }
}
