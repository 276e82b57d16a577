import CorridorModel
import Foundation

/// Finds personal and sensitive identifiers in free text with patterns and, wherever the
/// identifier has one, its checksum: Luhn for cards, mod 97 for IBANs, GB 11643 for resident IDs,
/// GB 32100 (with the GB 11714 organization code inside) for credit codes. A string shaped like a
/// checksummed identifier whose check fails is never reported, as that or as anything else.
///
/// Names, organisations and street addresses need a language model or gazetteers and are not
/// detected yet (see Docs/LEDGER.md for the measured coverage).
public enum PIIScanner {
    /// One detection rule: a pattern (ICU syntax), the group holding the value, and a check.
    struct Rule: Sendable {
        let entity: PIIEntity
        let regex: NSRegularExpression
        let group: Int
        let accept: @Sendable (String) -> Bool
    }

    private static func rule(_ entity: PIIEntity, _ pattern: String, group: Int = 0, caseInsensitive: Bool = false,
                             accept: @escaping @Sendable (String) -> Bool = { _ in true }) -> Rule? {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return nil }
        return Rule(entity: entity, regex: regex, group: group, accept: accept)
    }

    static let patternCount = 24

    /// The rules, compiled once. `rules.count == patternCount` is checked by the tests, so a
    /// pattern that fails to compile cannot go unnoticed.
    static let rules: [Rule] = [
        rule(.email, #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"#),
        rule(.url, #"(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)\]}']"#),
        rule(.ipAddress, #"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])"#),
        rule(.ipAddress, #"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])"#),
        rule(.cnResidentID, #"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])"#, accept: Checksums.isValidResidentID),
        rule(.cnCreditCode, #"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Za-z])"#, accept: Checksums.isValidCreditCode),
        // Card numbers start with 1–9 (an international prefix such as 0086 or +86 is a phone).
        rule(.creditCard, #"(?<![0-9A-Za-z\-+])[1-9](?:[ -]?\d){11,18}(?![0-9A-Za-z\-])"#, accept: Checksums.isValidLuhn),
        rule(.iban, #"(?<![0-9A-Za-z])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){3,7}(?: [A-Za-z0-9]{1,4})?)(?![0-9A-Za-z])"#,
             accept: Checksums.isValidIBAN),
        rule(.phone, #"\+\d{1,3}[ \-.]?(?:\(\d{1,4}\)[ \-.]?)?\d{1,4}(?:[ \-.]?\d{2,4}){1,4}(?!\d)"#),
        rule(.phone, #"(?<!\d)1[3-9]\d{9}(?!\d)"#),
        // National layouts: groups of 2–4 digits (7–15 digits in all), an optional country or
        // trunk prefix, an area code in parentheses and an extension; not a US SSN (3-2-4) or an ISO date.
        rule(.phone, #"(?<![\d\-.])(?:(?:\+|00)\d{1,3}[ .\-]?)?(?:\(0\)\d{1,4}[ .\-]?|\(\d{1,4}\)[ .\-]?)?\d{2,4}(?:[ .\-]\d{2,4}){1,4}(?:x\d{1,5})?(?![\d\-])"#,
             accept: { value in
                 let digits = value.filter(\.isNumber).count
                 return (7...15).contains(digits) && value.range(of: #"^\d{3}-\d{2}-\d{4}$"#, options: .regularExpression) == nil
                     && value.range(of: #"^\d{4}-\d{2}-\d{2}"#, options: .regularExpression) == nil
             }),
        rule(.passport, #"(?:passport|护照)(?:\s+(?:no\.?|number|#))?[:：\s]*([A-Z]{1,2}\d{6,9})(?![0-9A-Za-z])"#, group: 1, caseInsensitive: true),
        rule(.dateTime, #"(?<!\d)\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?!\d)"#),
        rule(.dateTime, #"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"#),
        rule(.dateTime, #"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}\b"#,
             caseInsensitive: true),
        rule(.dateTime, #"\d{4}年\d{1,2}月\d{1,2}日"#),
        rule(.dateTime, #"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"#),
        // A bare year counts only after a word that introduces a time ("in 1977", "during 2017").
        rule(.dateTime, #"\b(?:in|during|since|until|from|before|after|of|by) ((?:19|20)\d{2})(?![\d\-/])"#, group: 1, caseInsensitive: true),
        // Heuristics for names, organisations, places and addresses (no language model): context
        // words and suffixes. Their precision and recall are measured and reported, not assumed.
        rule(.person, #"(?:[Mm]y name is|[Nn]ame:|I am|I'm|[Dd]irected [Bb]y:|[Cc]ontact:|[Dd]ear|\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?)\s+(\p{Lu}[\p{L}'\-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'\-]+){0,2})"#, group: 1),
        rule(.person, #"(?m)(?:^|address:\s*|^>)(\p{Lu}[\p{Ll}'\-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'\-]+)\s*$"#, group: 1),
        rule(.organization, #"\b(\p{Lu}[\p{L}&'\-]*(?:\s+\p{Lu}[\p{L}&'\-]*){0,3}\s+(?:Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|Technologies|Group|Company|GmbH|plc|PLC|Limited|Bank|Holdings|Partners|Systems|Solutions))(?![\p{L}])"#, group: 1),
        rule(.organization, #"[\p{Han}]{2,20}(?:有限公司|股份有限公司|集团)"#),
        rule(.location, #"\b(?:from|to|in|at|visit|visiting|near)\s+(\p{Lu}[\p{Ll}\-]+(?:\s+\p{Lu}[\p{Ll}\-]+)?)\b"#, group: 1),
        rule(.streetAddress, #"\b\d{1,5}\s+\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3}\s+(?:\d{1,4}|Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Boulevard|Blvd\.|Drive|Way)(?:,?\s+(?:Apt\.|Suite|Unit)\s+\d{1,5})?"#),
    ].compactMap { $0 }

    /// Country names (ISO 3166, English, from the generated table) as one alternation, longest
    /// first so "South Africa" beats "Africa".
    static let countryRule: Rule? = {
        let names = CountryCode.all.map(\.name).filter { $0.count >= 4 }.sorted { $0.count > $1.count }
        return rule(.location, "(?<![\\p{L}])(?:" + names.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|") + ")(?![\\p{L}])")
    }()

    private static let checksummed: Set<PIIEntity> = [.iban, .creditCard, .cnResidentID, .cnCreditCode]

    /// Every finding in `text`, sorted by position; where two overlap, the longer (then the more specific) wins.
    public static func scan(_ text: String) -> [PIIFinding] {
        let ns = text as NSString
        // UTF-16 offset → Unicode scalar offset, for positions as Python and the Presidio corpus count them.
        var scalarAt = [Int](repeating: 0, count: ns.length + 1)
        var u16 = 0, scalar = 0
        for s in text.unicodeScalars {
            let width = s.utf16.count
            for k in 0..<width { scalarAt[u16 + k] = scalar }
            u16 += width
            scalar += 1
        }
        scalarAt[ns.length] = scalar

        var found: [PIIFinding] = []
        // Ranges shaped like a checksummed identifier whose check failed: nothing inside them is
        // reported, so an invalid IBAN or card never reappears as a "phone number".
        var claimed: [(entity: PIIEntity, range: Range<Int>)] = []
        for rule in rules + [countryRule].compactMap({ $0 }) {
            for match in rule.regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let range = match.range(at: rule.group)
                guard range.location != NSNotFound else { continue }
                let value = ns.substring(with: range)
                let start = scalarAt[range.location], end = scalarAt[range.location + range.length]
                guard rule.accept(value) else {
                    if checksummed.contains(rule.entity) { claimed.append((rule.entity, start..<end)) }
                    continue
                }
                found.append(PIIFinding(entity: rule.entity, start: start, end: end, text: value))
            }
        }
        // A span that failed one identifier's check is reported as nothing less specific either: an
        // invalid resident ID that happens to pass Luhn is not a card, and an invalid IBAN's digits
        // are not a phone. A longer valid identifier around a failed candidate still stands.
        found.removeAll { f in
            claimed.contains { c in
                guard c.range.overlaps(f.start..<f.end) else { return false }
                guard checksummed.contains(f.entity) else { return true }
                return c.entity != f.entity && c.range.lowerBound <= f.start && f.end <= c.range.upperBound
                    && (specificity[c.entity] ?? 0) > (specificity[f.entity] ?? 0)
            }
        }
        return resolveOverlaps(found)
    }

    private static let specificity: [PIIEntity: Int] = [
        .cnResidentID: 10, .cnCreditCode: 9, .iban: 8, .creditCard: 7, .passport: 7, .email: 6, .url: 5, .ipAddress: 5, .phone: 3, .dateTime: 2,
        .streetAddress: 2, .organization: 1, .person: 1, .location: 0,
    ]

    private static func resolveOverlaps(_ findings: [PIIFinding]) -> [PIIFinding] {
        let ranked = findings.sorted {
            ($0.end - $0.start, specificity[$0.entity] ?? 0) > ($1.end - $1.start, specificity[$1.entity] ?? 0)
        }
        var kept: [PIIFinding] = []
        for f in ranked where !kept.contains(where: { $0.start < f.end && f.start < $0.end }) {
            kept.append(f)
        }
        return kept.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
