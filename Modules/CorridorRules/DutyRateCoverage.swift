import CorridorModel
public import Foundation

/// How many of a tariff file's rate texts the parser reads: measured on every general-rate text
/// (column "General Rate of Duty") of a USITC HTS CSV.
public struct DutyRateCoverage: Sendable, Codable, Equatable {
    /// One text not read, and how many lines carry it.
    public struct Miss: Sendable, Codable, Equatable {
        public let text: String
        public let lines: Int
    }

    /// The file measured.
    public let file: String
    /// Lines with a non-empty rate text.
    public let lines: Int
    /// Of those, lines whose text was read.
    public let parsed: Int
    /// Distinct texts.
    public let distinctTexts: Int
    /// Lines by kind (`free`, `ad-valorem`, `specific`, `compound`, `bounded`, `reference`, `unparsed`).
    public let kinds: [String: Int]
    /// The texts not read, most frequent first.
    public let unparsed: [Miss]

    /// `parsed / lines`.
    public var ratio: Double { lines == 0 ? 0 : Double(parsed) / Double(lines) }

    /// Measures a USITC HTS CSV export.
    public static func measure(htsCSV url: URL, column: String = "General Rate of Duty") throws(RulesError) -> DutyRateCoverage {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .unreadableFile(url.path, reason: error.localizedDescription) }
        let records: [CSVReader.Record]
        do { records = try CSVReader.parse(text) } catch { throw .malformedFile(url.path, reason: "line \(error.line): \(error.reason)") }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF} ")) }),
              let index = header.firstIndex(of: column) else {
            throw .malformedFile(url.path, reason: "no column '\(column)'; a USITC HTS CSV export is expected")
        }
        var counts: [String: Int] = [:]
        for record in records.dropFirst() where record.fields.count > index {
            let rate = record.fields[index].trimmingCharacters(in: .whitespaces)
            if !rate.isEmpty { counts[rate, default: 0] += 1 }
        }
        var kinds: [String: Int] = [:]
        var parsed = 0
        var misses: [Miss] = []
        for (rate, n) in counts {
            let expression = DutyRateParser.parse(rate)
            kinds[expression.kind, default: 0] += n
            if expression.isParsed { parsed += n } else { misses.append(Miss(text: rate, lines: n)) }
        }
        misses.sort { ($0.lines, $1.text) > ($1.lines, $0.text) }
        return DutyRateCoverage(file: url.lastPathComponent, lines: counts.values.reduce(0, +), parsed: parsed, distinctTexts: counts.count,
                                kinds: kinds, unparsed: misses)
    }
}
