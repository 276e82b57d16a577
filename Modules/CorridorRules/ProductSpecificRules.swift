public import CorridorModel
public import Foundation
import Yams

/// An agreement's product-specific rules of origin, loaded from YAML: the parties, the de minimis,
/// and a rule (criteria joined by `or`) for each HS prefix, each row citing its source.
///
/// ```yaml
/// agreement: RCEP
/// version: "2022.1"
/// title: RCEP Annex 3A (HS 2012)
/// parties: [AU, BN, KH, CN, ID, JP, KR, LA, MY, MM, NZ, PH, SG, TH, VN]
/// de_minimis: {percent_of_fob: 10, percent_of_weight: 10, weight_chapters: "50-63"}
/// sources:
///   - {id: annex-3a, title: "…", url: https://…, date: 2020-11-15}
/// rules:
///   - {hs: "61", rule: CC, source: annex-3a}
///   - {hs: "8517", rule: "CTSH or RVC40", source: annex-3a}
/// ```
public struct ProductSpecificRules: Sendable {
    /// One row: an HS prefix and its alternatives.
    public struct Row: Sendable {
        /// The HS prefix (2, 4 or 6 digits) the row covers.
        public let hs: String
        /// The rule as written (`CTH or RVC40`).
        public let text: String
        /// Its alternatives; meeting one is enough (Annex 3A headnote 4).
        public let alternatives: [OriginCriterion]
        /// The source id.
        public let source: String
        /// Where in the source the row is (`p. 193`), if given.
        public let page: String?
    }

    /// The agreement's name (`RCEP`).
    public let agreement: String
    /// The table's version.
    public let version: String
    /// A title.
    public let title: String
    /// The nomenclature the rows are written in (`HS 2012`), if stated; codes are compared in it.
    public let nomenclature: String?
    /// The parties (ISO alpha-2): materials originating in any of them accumulate.
    public let parties: Set<String>
    /// The most non-originating materials failing the change of classification may be worth, in per
    /// cent of FOB (goods outside the weight chapters).
    public let deMinimisPercentOfFOB: Decimal
    /// The same by weight, in per cent of the good's weight, for the weight chapters (textiles).
    public let deMinimisPercentOfWeight: Decimal
    /// The chapters whose de minimis is by weight (RCEP: 50 to 63).
    public let weightChapters: ClosedRange<Int>
    /// The sources.
    public let sources: [RuleSource]
    /// The rows, longest prefix first.
    public let rows: [Row]
    /// The SHA-256 of the file.
    public let sha256: String
    /// The file's text, kept so that a decision log can store the very table that decided.
    public let text: String

    /// How the decision log names this table: `psr-rcep`, its version and SHA-256.
    public var reference: DecisionRecord.PackReference {
        DecisionRecord.PackReference(id: "psr-" + agreement.lowercased(), version: version, sha256: sha256)
    }

    /// The row for a product code: the longest HS prefix that matches.
    public func row(for code: String) -> Row? { rows.first { code.hasPrefix($0.hs) } }

    /// Loads a table from its text; `file` names it in errors.
    public init(text: String, file: String) throws(RulesError) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw RulesError.malformedPack(file: file, line: nil, reason: "the file is empty") }
            root = node
        } catch let error as RulesError { throw error } catch { throw .malformedPack(file: file, line: nil, reason: "not valid YAML: \(error)") }
        let reader = PackReader(file: file)
        let top = try reader.mapping(root, what: "the rules of origin", allowed: ["agreement", "version", "title", "nomenclature", "parties", "de_minimis", "sources", "rules"])
        agreement = try reader.string(top, "agreement")
        version = try reader.string(top, "version")
        title = try reader.string(top, "title")
        nomenclature = top.node("nomenclature") == nil ? nil : try reader.string(top, "nomenclature")
        var parties = Set<String>()
        for node in try reader.sequence(top.required("parties"), what: "parties") {
            let code = try reader.text(node)
            guard code.count == 2, (try? CountryCode(code)) != nil else { throw reader.error(node, "'\(code)' is not an ISO 3166-1 alpha-2 country") }
            parties.insert(code)
        }
        self.parties = parties
        let deMinimis = try reader.mapping(top.required("de_minimis"), what: "de_minimis", allowed: ["percent_of_fob", "percent_of_weight", "weight_chapters"])
        guard case .decimal(let fob) = try reader.value(deMinimis.required("percent_of_fob"), type: .decimal),
              case .decimal(let weight) = try reader.value(deMinimis.required("percent_of_weight"), type: .decimal) else {
            throw reader.error(deMinimis.node, "de_minimis needs percent_of_fob and percent_of_weight")
        }
        guard (0...100).contains(fob), (0...100).contains(weight) else { throw reader.error(deMinimis.node, "de minimis percentages are between 0 and 100") }
        deMinimisPercentOfFOB = fob
        deMinimisPercentOfWeight = weight
        let chapters = try reader.string(deMinimis, "weight_chapters").split(separator: "-").compactMap { Int($0) }
        guard chapters.count == 2, chapters[0] <= chapters[1] else { throw reader.error(deMinimis.node("weight_chapters"), "weight_chapters is a range such as 50-63") }
        weightChapters = chapters[0]...chapters[1]
        var sources: [RuleSource] = []
        for node in try reader.sequence(top.required("sources"), what: "sources") {
            let m = try reader.mapping(node, what: "a source", allowed: ["id", "title", "url", "date"])
            sources.append(RuleSource(id: try reader.string(m, "id"), title: try reader.string(m, "title"), url: try reader.string(m, "url"), date: try reader.date(m, "date")))
        }
        self.sources = sources
        var rows: [Row] = []
        for node in try reader.sequence(top.required("rules"), what: "rules") {
            let m = try reader.mapping(node, what: "a rule", allowed: ["hs", "rule", "source", "page"])
            let hs = try reader.string(m, "hs").filter { $0 != "." }
            guard [2, 4, 6].contains(hs.count), hs.allSatisfy(\.isNumber) else { throw reader.error(m.node("hs"), "hs is a chapter, heading or subheading (2, 4 or 6 digits), not '\(hs)'") }
            guard !rows.contains(where: { $0.hs == hs }) else { throw reader.error(node, "hs \(hs) has two rules") }
            let text = try reader.string(m, "rule")
            var alternatives: [OriginCriterion] = []
            for part in text.components(separatedBy: " or ") {
                guard let criterion = OriginCriterion(text: part) else {
                    throw reader.error(m.node("rule"), "'\(part)' is not a criterion (WO, CC, CTH, CTSH, RVC40, 'CTH except from 6406')")
                }
                alternatives.append(criterion)
            }
            let source = try reader.string(m, "source")
            guard sources.contains(where: { $0.id == source }) else { throw reader.error(m.node("source"), "rule for \(hs) cites '\(source)', which is not under sources:") }
            let page = m.node("page") == nil ? nil : try reader.string(m, "page")
            rows.append(Row(hs: hs, text: text, alternatives: alternatives, source: source, page: page))
        }
        self.rows = rows.sorted { $0.hs.count > $1.hs.count || ($0.hs.count == $1.hs.count && $0.hs < $1.hs) }
        sha256 = RulePackLoader.digest(Data(text.utf8))
        self.text = text
    }

    /// Loads a table file.
    public init(contentsOf url: URL) throws(RulesError) {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw .unreadableFile(url.path, reason: error.localizedDescription) }
        try self.init(text: text, file: url.lastPathComponent)
    }
}
