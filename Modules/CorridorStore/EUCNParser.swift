import CorridorModel
import Foundation

/// Parses the EU Combined Nomenclature JSON published by xterr/php-cncodes
/// (an array of `{code, rawCode, name, version, subheading, heading, chapter, section, supplementaryUnit}`).
enum EUCNParser {
    private struct Item: Decodable {
        let code: String
        let name: String
        let version: Int
        let section: String?
        let supplementaryUnit: String?
    }

    static func parse(_ data: Data, file: String, release: NomenclatureRelease, year: Int,
                      subheadingText: [String: String]) throws(ImportError) -> [NomenclatureEntry] {
        let lines = elementLines(data)
        func line(_ context: DecodingError.Context) -> Int {
            guard let index = context.codingPath.first?.intValue, index < lines.count else { return 0 }
            return lines[index]
        }
        let items: [Item]
        do {
            items = try JSONDecoder().decode([Item].self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed(file: file, line: 0, reason: "not valid JSON: \(context.debugDescription) \(underlying(context))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed(file: file, line: line(context), reason: "element \(position(context)) has no '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed(file: file, line: line(context), reason: "element \(position(context)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .malformed(file: file, line: line(context), reason: "element \(position(context)) has a null where a value is required")
        } catch {
            throw .malformed(file: file, line: 0, reason: "not a CN code list: \(error)")
        }
        var entries: [NomenclatureEntry] = []
        entries.reserveCapacity(items.count)
        var seen = Set<String>()
        for (index, item) in items.enumerated() {
            let at = "element \(index) (code \(item.code))"
            let line = index < lines.count ? lines[index] : 0
            guard item.version == year else {
                throw .malformed(file: file, line: line, reason: "\(at) belongs to CN \(item.version), but this file was given as \(release.id)")
            }
            let code: HSCode
            do {
                code = try HSCode(item.code)
            } catch {
                throw .malformed(file: file, line: line, reason: "\(at): \(error.description)")
            }
            guard code.length == 8 else { throw .malformed(file: file, line: line, reason: "\(at): CN codes have 8 digits") }
            let name = item.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw .malformed(file: file, line: line, reason: "\(at) has an empty name") }
            guard seen.insert(code.digits).inserted else { throw .malformed(file: file, line: line, reason: "\(at) appears twice") }
            let hs6 = code.subheading
            // "HS text > CN text", unless the CN line repeats its subheading's words.
            let full = hs6.flatMap { subheadingText[$0.digits] }.map { $0.caseInsensitiveCompare(name) == .orderedSame ? name : "\($0) > \(name)" } ?? name
            entries.append(try ParserSupport.entry(file: file, line: line) { () throws(ModelError) in try NomenclatureEntry(
                release: release.id, code: code, description: name, fullDescription: full, parent: hs6,
                section: item.section, units: item.supplementaryUnit.map { [$0] } ?? []) })
        }
        guard !entries.isEmpty else { throw .malformed(file: file, line: 0, reason: "the list is empty") }
        return entries
    }

    /// The 1-based line on which each top-level array element starts, found by a scan that
    /// skips string contents, so that errors found after decoding can name a line.
    static func elementLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false
        for byte in data {
            if byte == UInt8(ascii: "\n") { line += 1 }
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1 { lines.append(line) }
                depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return lines
    }

    private static func position(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func underlying(_ context: DecodingError.Context) -> String {
        context.underlyingError.map { "(\($0))" } ?? ""
    }
}
