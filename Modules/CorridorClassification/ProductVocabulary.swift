import Foundation

/// Traders' words mapped to the nomenclature's wording, and words that say nothing about the goods.
///
/// Product titles say "sneakers", "earbuds" and "power bank"; the nomenclature says "footwear …
/// outer soles of rubber", "headphones and earphones" and "lithium-ion accumulators". Before a
/// product text is classified, each known phrase (1–3 stemmed words, longest first) adds its
/// nomenclature words to the text, and noise words (colours, sizes, marketing) are dropped.
///
/// The shipped vocabulary is `Resources/product-vocabulary.txt`; a trained model stores the
/// vocabulary it was trained with, so that a model file behaves the same wherever it is loaded.
public struct ProductVocabulary: Sendable, Hashable, Codable {
    /// Phrase (stems joined by spaces) → the nomenclature words it adds.
    public let expansions: [String: String]
    /// Stems dropped from product text.
    public let noise: Set<String>
    /// The longest phrase, in words.
    public let longestPhrase: Int
    /// The longest Chinese key, in characters. A Chinese key is matched inside runs of Han characters
    /// (longest first, left to right), since Chinese writes without spaces: "无线蓝牙耳机" holds "耳机".
    public let longestHan: Int
    /// The first words of the phrases: a text position whose word is not one starts no phrase.
    private let firstWords: Set<Substring>

    /// Reads the vocabulary format: `phrase | nomenclature words` lines, `noise: w1 w2 …` lines,
    /// `#` comments. A malformed line is an error naming its number.
    public init(text: String) throws(ClassificationError) {
        var expansions: [String: String] = [:]
        var noise = Set<String>()
        var longest = 1
        var longestHan = 0
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("noise:") {
                for token in TextNormalizer.tokens(String(line.dropFirst(6))) { noise.insert(token.stem) }
                continue
            }
            let parts = line.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw .invalidLine(number: index + 1, reason: "expected 'phrase | nomenclature words' or 'noise: words', got '\(line)'")
            }
            let tokens = TextNormalizer.tokens(parts[0])
            let key = tokens.map(\.stem)
            if tokens.count == 1, tokens[0].isHan { longestHan = max(longestHan, tokens[0].text.count) }
            guard (1...3).contains(key.count) else {
                throw .invalidLine(number: index + 1, reason: "a phrase has one to three words, '\(parts[0])' has \(key.count)")
            }
            let joined = key.joined(separator: " ")
            guard expansions[joined] == nil else { throw .invalidLine(number: index + 1, reason: "'\(parts[0])' is listed twice") }
            expansions[joined] = parts[1]
            longest = max(longest, key.count)
        }
        self.expansions = expansions
        self.noise = noise
        self.longestPhrase = longest
        self.longestHan = longestHan
        firstWords = Self.firstWords(expansions)
    }

    private static func firstWords(_ expansions: [String: String]) -> Set<Substring> {
        Set(expansions.keys.compactMap { $0.split(separator: " ").first })
    }

    /// The vocabulary shipped with Corridor.
    public static func bundled() throws(ClassificationError) -> ProductVocabulary {
        try ProductVocabulary(text: String(decoding: PackageResources.product_vocabulary_txt, as: UTF8.self))
    }

    /// No expansions and no noise words.
    public static let empty = ProductVocabulary(expansions: [:], noise: [], longestPhrase: 1, longestHan: 0)

    private init(expansions: [String: String], noise: Set<String>, longestPhrase: Int, longestHan: Int) {
        self.expansions = expansions
        self.noise = noise
        self.longestPhrase = longestPhrase
        self.longestHan = longestHan
        firstWords = Self.firstWords(expansions)
    }

    private enum CodingKeys: String, CodingKey { case expansions, noise, longestPhrase, longestHan }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        expansions = try c.decode([String: String].self, forKey: .expansions)
        noise = Set(try c.decode([String].self, forKey: .noise))
        longestPhrase = try c.decode(Int.self, forKey: .longestPhrase)
        longestHan = try c.decode(Int.self, forKey: .longestHan)
        firstWords = Self.firstWords(expansions)
    }

    /// Encodes the noise words sorted, so that a model file's bytes are stable.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(expansions, forKey: .expansions)
        try c.encode(noise.sorted(), forKey: .noise)
        try c.encode(longestPhrase, forKey: .longestPhrase)
        try c.encode(longestHan, forKey: .longestHan)
    }

    /// The tokens with noise words removed (unless nothing else is left) and the nomenclature words of
    /// every matched phrase appended; also the phrases matched, for explanations.
    public func apply(_ tokens: [TextNormalizer.Token]) -> (tokens: [TextNormalizer.Token], matched: [String]) {
        let kept = tokens.filter { !noise.contains($0.stem) }
        let base = kept.isEmpty ? tokens : kept
        guard !expansions.isEmpty else { return (base, []) }
        let stems = base.map(\.stem)
        var added: [TextNormalizer.Token] = []
        var matched: [String] = []
        func add(_ phrase: String, _ expansion: String) {
            guard !matched.contains(phrase) else { return }
            matched.append(phrase)
            added.append(contentsOf: TextNormalizer.tokens(expansion))
        }
        for token in base where token.isHan && longestHan > 0 {
            let characters = Array(token.text)
            var start = 0
            while start < characters.count {
                var hit = 0
                for length in stride(from: min(longestHan, characters.count - start), through: 1, by: -1) {
                    let piece = String(characters[start..<(start + length)])
                    if let expansion = expansions[piece] {
                        add(piece, expansion)
                        hit = length
                        break
                    }
                }
                start += max(hit, 1)
            }
        }
        var index = 0
        while index < stems.count {
            guard firstWords.contains(Substring(stems[index])) else {
                index += 1
                continue
            }
            var hit = 0
            for length in stride(from: min(longestPhrase, stems.count - index), through: 1, by: -1) {
                let phrase = stems[index..<(index + length)].joined(separator: " ")
                if let expansion = expansions[phrase] {
                    add(phrase, expansion)
                    hit = length
                    break
                }
            }
            index += max(hit, 1)
        }
        return (base + added, matched)
    }
}
