public import CorridorModel
import Foundation

/// What can be read from a record's free text: HS codes, the kind of measure, and the trading
/// partners named. Feeds whose records carry no structured products (the Federal Register, EUR-Lex)
/// are read this way; a code found in text is only as good as the text.
public enum TextSignals {
    /// HS codes written the way tariff texts write them: `8517.13`, `8517.13.00`, `8517 13 00`,
    /// `heading 8517`, `subheading 851713`, `chapter 85`. Chapters and headings only with their word.
    public static func hsCodes(in text: String) -> [HSCode] {
        var found: [String] = []
        let patterns = [
            #"\b(\d{4})[.\s](\d{2})(?:[.\s](\d{2}))?(?:[.\s](\d{2}))?\b"#,
            #"\b(?:subheadings?|CN codes?|HTSUS|HS codes?)\s+(\d{6,10})\b"#,
            #"\b[Hh]eadings?\s+(\d{4})\b"#,
            #"\b[Cc]hapters?\s+(\d{2})\b"#,
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            let range = NSRange(text.startIndex..., in: text)
            for match in regex.matches(in: text, range: range) {
                var digits = ""
                for g in 1..<match.numberOfRanges {
                    if let r = Range(match.range(at: g), in: text) { digits += text[r] }
                }
                if [2, 4, 6, 8, 10].contains(digits.count) { found.append(String(digits.prefix(min(digits.count, 6)))) }
            }
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }.compactMap { try? HSCode($0) }
    }

    /// The measure a text describes, from its keywords; `fallback` when none applies.
    public static func measure(in text: String, fallback: MeasureType) -> MeasureType {
        let t = text.lowercased()
        let rules: [(MeasureType, [String])] = [
            (.tradeRemedy, ["antidumping", "anti-dumping", "countervailing", "safeguard"]),
            (.lowValueRegime, ["de minimis", "low-value", "low value consignment", "section 321"]),
            (.sanctionExportControl, ["entity list", "export administration", "sanction", "export control"]),
            (.quota, ["tariff quota", "tariff-rate quota", "quota"]),
            (.sps, ["sanitary", "phytosanitary", "pesticide", "maximum residue"]),
            (.tbt, ["technical regulation", "conformity assessment", "labelling", "labeling", "standard"]),
            (.dataTransfer, ["data transfer", "personal information", "personal data"]),
            (.licensing, ["licence", "license", "licensing"]),
            (.tariffChange, ["tariff", "duty", "duties", "combined nomenclature", "harmonized tariff schedule", "cbam", "carbon border"]),
        ]
        for (measure, words) in rules where words.contains(where: { t.contains($0) }) { return measure }
        return fallback
    }

    /// Trading partners named in a text (English country names from the ISO table, plus "China"
    /// for "People's Republic of China"), as alpha-2 codes.
    public static func countries(in text: String) -> [String] {
        let t = text.lowercased()
        var out: [String] = []
        if t.contains("china") { out.append("CN") }
        for (name, code) in countryNames where code != "CN" && containsWord(t, name) { out.append(code) }
        return out
    }

    /// Text without HTML tags, entities for `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&nbsp;`
    /// decoded, and runs of white space made one space.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for ch in html {
            if ch == "<" { inTag = true; out.append(" "); continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (entity, value) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A date from an ISO 8601 date or date-time (`2025-11-26`, `2025-11-26T00:00:00`).
    static func date(_ value: Any?) -> CivilDate? {
        (value as? String).flatMap { CivilDate(String($0.prefix(10))) }
    }

    /// Lower-cased country names and their codes, built once.
    private static let countryNames: [(String, String)] = CountryCode.all.filter { $0.name.count > 3 }.map { ($0.name.lowercased(), $0.alpha2) }

    /// Whether `word` occurs in `text` between non-letters.
    private static func containsWord(_ text: String, _ word: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: word, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }
}
