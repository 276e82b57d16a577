public import CorridorModel
public import Foundation

/// Builds the training corpus from real reference data, deterministically.
///
/// Sources (see `CorpusSource`): HS 2022 subheadings with their heading and chapter text, US HTS 2026
/// lines with their ancestors, EU CN 2026 lines, HMRC search references and UK ATaR rulings. Labels
/// are HS 2022 subheadings: a code that is not one is mapped from HS 2017 when the correlation table
/// gives exactly one target, and dropped (and counted) otherwise.
///
/// The development split is 15% of every source, chosen by a hash of source and text, so it is the
/// same on every run and every machine.
public struct CorpusBuilder: Sendable {
    /// Parts per thousand of each source held out as the development split.
    public var devPermille: Int

    /// Creates a builder; `devPermille` must be between 1 and 500.
    public init(devPermille: Int = 150) throws(ClassificationError) {
        guard (1...500).contains(devPermille) else {
            throw .invalidArgument(name: "dev split", reason: "must be between 1 and 500 per thousand, got \(devPermille)")
        }
        self.devPermille = devPermille
    }

    /// One HMRC search reference.
    public struct SearchReference: Sendable, Hashable {
        /// The trader's term, e.g. `crash helmets`.
        public let term: String
        /// The UK commodity code it leads to (10 digits).
        public let code: String
    }

    /// One UK Advance Tariff Ruling.
    public struct Ruling: Sendable, Hashable {
        /// The ruling reference.
        public let reference: String
        /// The UK commodity code (10 digits).
        public let code: String
        /// The description of the goods.
        public let description: String
        /// The ruling's keywords.
        public let keywords: [String]
    }

    /// The inputs, already read.
    public struct Inputs: Sendable {
        /// HS 2022 lines of every level (chapters, headings, subheadings).
        public var hs2022: [NomenclatureEntry]
        /// US HTS lines.
        public var usHTS: [NomenclatureEntry]
        /// EU CN lines.
        public var euCN: [NomenclatureEntry]
        /// HMRC search references.
        public var searchReferences: [SearchReference]
        /// UK ATaR rulings.
        public var rulings: [Ruling]
        /// HS 2017 subheading → its HS 2022 targets, for codes that are not HS 2022 subheadings.
        public var hs2017To2022: [String: [String]]

        /// Creates the inputs.
        public init(hs2022: [NomenclatureEntry], usHTS: [NomenclatureEntry], euCN: [NomenclatureEntry],
                    searchReferences: [SearchReference], rulings: [Ruling], hs2017To2022: [String: [String]]) {
            self.hs2022 = hs2022
            self.usHTS = usHTS
            self.euCN = euCN
            self.searchReferences = searchReferences
            self.rulings = rulings
            self.hs2017To2022 = hs2017To2022
        }
    }

    /// Reads every input: the nomenclatures from `reference` (releases `hs2022`, `us-hts-2026r4`,
    /// `eu-cn-2026`) and the HMRC files from `dataDirectory/classification/`.
    public static func readInputs(reference: any TariffReference, dataDirectory: URL,
                                  usRelease: String = "us-hts-2026r4", euRelease: String = "eu-cn-2026") async throws -> Inputs {
        let hs = try await reference.entries(release: "hs2022")
        let us = try await reference.entries(release: usRelease)
        let eu = try await reference.entries(release: euRelease)
        let references = try readSearchReferences(dataDirectory.appendingPathComponent("classification/uk_search_references.json"))
        let rulings = try readRulings(dataDirectory.appendingPathComponent("classification/uk_atar_rulings.json"))
        let leaves = Set(hs.filter { $0.level == 6 }.map(\.code.digits))
        var mapping: [String: [String]] = [:]
        let foreign = Set((references.map(\.code) + rulings.map(\.code)).map { String($0.prefix(6)) }).subtracting(leaves)
        for code in foreign.sorted() {
            guard let hsCode = try? HSCode(code) else { continue }
            if let correlation = try? await reference.correlate(hsCode, from: .hs2017, to: .hs2022) {
                mapping[code] = correlation.targets.map(\.code.digits)
            }
        }
        return Inputs(hs2022: hs, usHTS: us, euCN: eu, searchReferences: references, rulings: rulings, hs2017To2022: mapping)
    }

    /// Reads `uk_search_references.json`: an object of term → 10-digit commodity code.
    public static func readSearchReferences(_ url: URL) throws(ClassificationError) -> [SearchReference] {
        let object = try readJSON(url)
        guard let terms = object as? [String: Any] else {
            throw .unreadableSource(path: url.path, reason: "expected an object of search term → commodity code")
        }
        var out: [SearchReference] = []
        for (term, value) in terms {
            guard let code = value as? String else {
                throw .unreadableSource(path: url.path, reason: "the code of '\(term)' is not a string")
            }
            out.append(SearchReference(term: term, code: code))
        }
        return out.sorted { ($0.term, $0.code) < ($1.term, $1.code) }
    }

    /// Reads `uk_atar_rulings.json`: `{"drafts": [{"ruling": {ref, commodity_code, description, keywords}}]}`.
    public static func readRulings(_ url: URL) throws(ClassificationError) -> [Ruling] {
        let object = try readJSON(url)
        guard let drafts = (object as? [String: Any])?["drafts"] as? [[String: Any]] else {
            throw .unreadableSource(path: url.path, reason: "expected an object with a 'drafts' array")
        }
        var out: [Ruling] = []
        for (i, draft) in drafts.enumerated() {
            guard let ruling = draft["ruling"] as? [String: Any], let code = ruling["commodity_code"] as? String,
                  let description = ruling["description"] as? String else {
                throw .unreadableSource(path: url.path, reason: "draft \(i + 1) lacks ruling.commodity_code or ruling.description")
            }
            out.append(Ruling(reference: ruling["ref"] as? String ?? "draft \(i + 1)", code: code, description: description,
                              keywords: ruling["keywords"] as? [String] ?? []))
        }
        return out
    }

    private static func readJSON(_ url: URL) throws(ClassificationError) -> Any {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableSource(path: url.path, reason: "the file cannot be read (\(error.localizedDescription)); set CORRIDOR_DATA or --data")
        }
        do { return try JSONSerialization.jsonObject(with: data) } catch {
            throw .unreadableSource(path: url.path, reason: "not valid JSON")
        }
    }

    /// Builds the corpus.
    public func build(_ inputs: Inputs) throws(ClassificationError) -> TrainingCorpus {
        var descriptions: [String: String] = [:]
        for entry in inputs.hs2022 where entry.level <= 6 {
            descriptions[entry.code.digits] = entry.description
        }
        let leafCodes = inputs.hs2022.filter { $0.level == 6 }.map(\.code.digits)
        let tree = try LabelTree(leaves: leafCodes, descriptions: descriptions)
        let leaves = Set(leafCodes)
        var statistics = CorpusStatistics()
        statistics.labels = leaves.count
        var examples: [TrainingExample] = []
        var seen = Set<String>()

        func add(_ raw: String, code: String, source: CorpusSource) {
            var counts = statistics.sources[source] ?? CorpusStatistics.SourceCounts()
            defer { statistics.sources[source] = counts }
            counts.read += 1
            let text = Self.clean(raw)
            guard !text.isEmpty, TextNormalizer.tokens(text).contains(where: { !$0.text.allSatisfy(\.isNumber) }) else {
                counts.empty += 1
                return
            }
            var label = String(code.prefix(6))
            if !leaves.contains(label) {
                guard let targets = inputs.hs2017To2022[label], targets.count == 1, leaves.contains(targets[0]) else {
                    counts.unmappable += 1
                    return
                }
                label = targets[0]
                counts.mappedFromHS2017 += 1
            }
            let key = label + "\u{1}" + TextNormalizer.normalize(text)
            guard seen.insert(key).inserted else {
                counts.duplicates += 1
                return
            }
            let isDev = Self.isDev(source: source, text: text, permille: devPermille)
            counts.kept += 1
            if isDev { counts.dev += 1 }
            examples.append(TrainingExample(text: text, hs6: label, source: source, isDev: isDev))
        }

        for entry in inputs.hs2022 where entry.level == 6 {
            let code = entry.code.digits
            let parts = [entry.description, descriptions[String(code.prefix(4))], descriptions[String(code.prefix(2))]]
            add(parts.compactMap { $0 }.joined(separator: "; "), code: code, source: .hsNomenclature)
        }
        for entry in inputs.usHTS where entry.level >= 8 {
            add(entry.fullDescription.replacingOccurrences(of: " > ", with: "; "), code: entry.code.digits, source: .usHTS)
        }
        for entry in inputs.euCN where entry.level >= 8 {
            add(entry.fullDescription.replacingOccurrences(of: " > ", with: "; "), code: entry.code.digits, source: .euCN)
        }
        for reference in inputs.searchReferences {
            add(reference.term, code: reference.code, source: .searchReference)
        }
        for ruling in inputs.rulings {
            add(ruling.description + " " + ruling.keywords.joined(separator: ", "), code: ruling.code, source: .ruling)
        }
        statistics.labelsWithExamples = Set(examples.lazy.filter { !$0.isDev }.map(\.hs6)).count
        guard examples.contains(where: { !$0.isDev }), examples.contains(where: \.isDev) else {
            throw .insufficientCorpus("no training or no development examples were built from the inputs")
        }
        return TrainingCorpus(tree: tree, examples: examples, statistics: statistics)
    }

    /// Collapses whitespace and removes US textile category numbers such as "(352)" or "(338, 339)".
    static func clean(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(", let close = text[index...].firstIndex(of: ")"),
               text[text.index(after: index)..<close].allSatisfy({ $0.isNumber || $0 == "," || $0 == " " }),
               text.distance(from: index, to: close) > 1 {
                index = text.index(after: close)
                pendingSpace = true
                continue
            }
            if character.isWhitespace {
                pendingSpace = true
            } else {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            }
            index = text.index(after: index)
        }
        return out
    }

    /// Whether an example falls in the development split: FNV-1a of source and text, modulo 1,000.
    static func isDev(source: CorpusSource, text: String, permille: Int) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (source.rawValue + "\u{1}" + text).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int(hash % 1_000) < permille
    }
}
