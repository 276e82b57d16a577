import Foundation

/// Finds personal and sensitive identifiers in free text with patterns and, wherever the
/// identifier has one, its checksum: Luhn for cards, mod 97 for IBANs, GB 11643 for resident IDs,
/// GB 32100 for credit codes. A number with a wrong check character is never reported.
///
/// Names, organisations and street addresses need a language model or gazetteers and are not
/// detected yet (see Docs/LEDGER.md for the measured coverage).
public enum PIIScanner {
    /// Every finding in `text`, sorted by position; where two overlap, the longer (then the more specific) wins.
    public static func scan(_ text: String) -> [PIIFinding] {
        var found: [PIIFinding] = []
        // Ranges shaped like a checksummed identifier whose check failed: nothing inside them is
        // reported, so an invalid IBAN or card never reappears as a "phone number".
        var claimed: [Range<Int>] = []
        let checksummed: Set<PIIEntity> = [.iban, .creditCard, .cnResidentID, .cnCreditCode]
        // Swift's Regex has no lookbehind: `notAfter` names the characters that may not precede a match.
        func add(_ entity: PIIEntity, notAfter: String = "", _ regex: Regex<Substring>, where accept: (Substring) -> Bool = { _ in true }) {
            for match in text.matches(of: regex) {
                if match.output.startIndex > text.startIndex, notAfter.contains(text[text.index(before: match.output.startIndex)]) { continue }
                var value = match.output
                while let last = value.last, ".,;:!?)]}'\"".contains(last), entity == .url || entity == .email { value = value.dropLast() }
                let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: value.startIndex)
                guard accept(value) else {
                    if checksummed.contains(entity) { claimed.append(start..<start + value.unicodeScalars.count) }
                    continue
                }
                found.append(PIIFinding(entity: entity, start: start, end: start + value.unicodeScalars.count, text: String(value)))
            }
        }
        add(.email, #/[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/#)
        add(.url, #/(?:https?:\/\/|www\.)[^\s<>"]+/#)
        add(.ipAddress, notAfter: "0123456789.", #/(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.])/#)
        add(.ipAddress, notAfter: "0123456789abcdefABCDEF:", #/(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Fa-f:])/#)
        add(.cnResidentID, notAfter: "0123456789", #/\d{17}[\dXx](?![\dA-Za-z])/#, where: { Checksums.isValidResidentID(String($0)) })
        add(.cnCreditCode, notAfter: "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", #/[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Z])/#, where: { Checksums.isValidCreditCode(String($0)) })
        add(.creditCard, notAfter: "0123456789-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", #/(?:\d[ -]?){11,18}\d(?![\dA-Za-z\-])/#, where: { Checksums.isValidLuhn(String($0)) })
        add(.iban, notAfter: "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", #/[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){3,7}(?: [A-Za-z0-9]{1,4})?)(?![A-Za-z0-9])/#, where: { Checksums.isValidIBAN(String($0)) })
        add(.phone, #/\+\d{1,3}[ \-.]?(?:\(\d{1,4}\)[ \-.]?)?\d{1,4}(?:[ \-.]?\d{2,4}){1,4}(?!\d)/#)
        add(.phone, notAfter: "0123456789", #/1[3-9]\d{9}(?!\d)/#)
        // National layouts: groups of 2–4 digits (7–15 digits in all), an optional country or trunk
        // prefix, area code in parentheses and extension; a US SSN layout (3-2-4) is not a phone.
        add(.phone, notAfter: "0123456789-.", #/(?:(?:\+|00)\d{1,3}[ .\-]?)?(?:\(0\)\d{1,4}[ .\-]?|\(\d{1,4}\)[ .\-]?)?\d{2,4}(?:[ .\-]\d{2,4}){1,4}(?:x\d{1,5})?(?![\d\-])/#, where: { value in
            let digits = value.filter(\.isNumber).count
            return (7...15).contains(digits) && value.wholeMatch(of: #/\d{3}-\d{2}-\d{4}/#) == nil
                && value.wholeMatch(of: #/\d{4}-\d{2}-\d{2}.*/#) == nil
        })
        add(.passport, #/(?i:passport|护照)(?:\s+(?:no\.?|number|#))?[:：\s]*[A-Z]{1,2}\d{6,9}/#)
        add(.dateTime, notAfter: "0123456789", #/\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?(?!\d)/#)
        add(.dateTime, notAfter: "0123456789", #/\d{1,2}\/\d{1,2}\/\d{2,4}(?!\d)/#)
        add(.dateTime, #/(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})/#)
        add(.dateTime, #/(?i:\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4})/#)
        add(.dateTime, #/\d{4}年\d{1,2}月\d{1,2}日/#)
        add(.dateTime, notAfter: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", #/(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])/#)
        // A bare year counts only after a word that introduces a time ("in 1977", "during 2017").
        for match in text.matches(of: #/(?i:(?:in|during|since|until|from|before|after|of|by) )((?:19|20)\d{2})(?![\d\-\/])/#) {
            let year = match.output.1
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: year.startIndex)
            found.append(PIIFinding(entity: .dateTime, start: start, end: start + 4, text: String(year)))
        }
        // A passport finding covers its keyword; keep only the number.
        found = found.map { f in
            guard f.entity == .passport, let r = f.text.range(of: #"[A-Z]{1,2}\d{6,9}$"#, options: .regularExpression) else { return f }
            let number = String(f.text[r])
            return PIIFinding(entity: .passport, start: f.end - number.unicodeScalars.count, end: f.end, text: number)
        }
        found.removeAll { f in !checksummed.contains(f.entity) && claimed.contains { $0.overlaps(f.start..<f.end) } }
        return resolveOverlaps(found)
    }

    private static let specificity: [PIIEntity: Int] = [
        .cnResidentID: 9, .cnCreditCode: 9, .iban: 8, .creditCard: 7, .passport: 7, .email: 6, .url: 5, .ipAddress: 5, .phone: 3, .dateTime: 2,
    ]

    private static func resolveOverlaps(_ findings: [PIIFinding]) -> [PIIFinding] {
        let ranked = findings.sorted {
            ($0.end - $0.start, specificity[$0.entity] ?? 0) > ($1.end - $1.start, specificity[$1.entity] ?? 0)
        }
        var kept: [PIIFinding] = []
        for f in ranked where !kept.contains(where: { $0.start < f.end && f.start < $0.end }) {
            // An email's domain is not a separate URL; a longer generic match does not hide a checksummed one.
            kept.append(f)
        }
        return kept.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }
}
