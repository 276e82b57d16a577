import Foundation
import CorridorModel

/// Reads tariff rate texts as the US HTS writes them ("Free", "6.5%", "1.5¢/kg", "$2.146/kg",
/// "30.5¢/kg + 8.5%", "0.9¢ each", "3.9% on the movement and case + 5.3% on the battery",
/// "The duty provided in the applicable subheading + 25%") into a ``DutyExpression``. A text it
/// cannot read is `.unparsed` with the text, never a zero.
public enum DutyRateParser {
    /// Parses one rate text.
    public static func parse(_ text: String) -> DutyExpression {
        var t = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "provided inthe", with: "provided in the")
            .replacingOccurrences(of: "provided for in", with: "provided in")
            .replacingOccurrences(of: "subheading+", with: "subheading +")
            .replacingOccurrences(of: "subheading plus ", with: "subheading + ")
        while t.hasSuffix(".") && !t.hasSuffix(" pr.") && !t.hasSuffix(" doz.") && !t.hasSuffix("/pr.") && !t.hasSuffix("/doz.") { t.removeLast() }
        guard !t.isEmpty else { return .unparsed(text) }
        if t == "Free" { return .free(condition: nil) }
        if t.hasPrefix("Free, ") { return .free(condition: String(t.dropFirst(6))) }

        for prefix in ["The duty provided in the applicable subheading", "The duty rate provided in such subheading",
                       "The duty provided in such subheading"] where t.hasPrefix(prefix) {
            let rest = t.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { return .applicableSubheading(plus: nil, minus: nil) }
            if rest.hasPrefix("+") {
                let added = parseSum(String(rest.dropFirst()).trimmingCharacters(in: .whitespaces))
                return added.isParsed ? .applicableSubheading(plus: added, minus: nil) : .unparsed(text)
            }
            if rest.hasPrefix("minus ") {
                let less = parseSum(String(rest.dropFirst(6)))
                return less.isParsed ? .applicableSubheading(plus: nil, minus: less) : .unparsed(text)
            }
            return .unparsed(text)
        }

        // "X, but not less than Y" / "X, but not more than Y" (MIN / MAX forms).
        for (marker, isFloor) in [(" but not less than ", true), (" but not more than ", false), (" but not over ", false)] {
            guard let range = t.range(of: marker) else { continue }
            let base = parseSum(String(t[..<range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: ", ")))
            let bound = parseSum(String(t[range.upperBound...]))
            guard base.isParsed, bound.isParsed else { return .unparsed(text) }
            return .bounded(base, atLeast: isFloor ? bound : nil, atMost: isFloor ? nil : bound)
        }
        let expression = parseSum(t)
        return expression.isParsed ? expression : .unparsed(text)
    }

    /// Terms joined by `+`.
    static func parseSum(_ text: String) -> DutyExpression {
        let terms = text.split(separator: "+").map { parseTerm($0.trimmingCharacters(in: .whitespaces)) }
        guard !terms.isEmpty else { return .unparsed(text) }
        return terms.count == 1 ? terms[0] : .sum(terms)
    }

    /// One term: `N%` [on BASE], `a duty of N% upon BASE`, `N percent of BASE`, `N¢`/`$N` `/UNIT` or
    /// ` each` [QUALIFIER], or `Free`.
    static func parseTerm(_ text: String) -> DutyExpression {
        if text == "Free" { return .free(condition: nil) }
        if text.hasPrefix("a duty of "), let upon = text.range(of: "% upon "),
           let value = decimal(String(text[text.index(text.startIndex, offsetBy: 10)..<upon.lowerBound])) {
            return .adValorem(percent: value, on: String(text[upon.upperBound...]))
        }
        if let range = text.range(of: " percent of "), let value = decimal(String(text[..<range.lowerBound])) {
            return .adValorem(percent: value, on: String(text[range.upperBound...]))
        }
        if let percent = text.firstIndex(of: "%"), let value = decimal(String(text[..<percent])) {
            let rest = text[text.index(after: percent)...].trimmingCharacters(in: .whitespaces)
            if rest.isEmpty { return .adValorem(percent: value, on: nil) }
            if rest.hasPrefix("on ") { return .adValorem(percent: value, on: String(rest.dropFirst(3))) }
            return .unparsed(text)
        }
        // Money: "1.5¢" or "$2.146".
        let amount: Decimal
        var rest: Substring
        if text.hasPrefix("$") {
            let digits = text.dropFirst().prefix { $0.isNumber || $0 == "." || $0 == "," }
            guard let value = decimal(digits.replacingOccurrences(of: ",", with: "")) else { return .unparsed(text) }
            amount = value
            rest = text.dropFirst(1 + digits.count)
        } else if let cent = text.firstIndex(of: "¢"), let value = decimal(String(text[..<cent])) {
            amount = value / 100
            rest = text[text.index(after: cent)...]
        } else {
            return .unparsed(text)
        }
        rest = rest.drop { $0 == " " }
        var unit: String
        if rest.hasPrefix("/") {
            unit = rest.dropFirst().trimmingCharacters(in: .whitespaces)
        } else if rest.hasPrefix("each") {
            unit = "each" + rest.dropFirst(4)
        } else {
            return .unparsed(text)
        }
        var qualifier: String?
        if let on = unit.range(of: " on ") {
            qualifier = String(unit[unit.index(after: on.lowerBound)...])
            unit = String(unit[..<on.lowerBound])
        } else if let of = unit.range(of: " of ") {
            qualifier = String(unit[unit.index(after: of.lowerBound)...])
            unit = String(unit[..<of.lowerBound])
        }
        // A unit is a short name ("kg", "pf. liter", "jewel over 7"); anything carrying amounts or
        // adjustments ("kg less 0.020668¢/kg for each degree …") is not one, and stays unread.
        guard !unit.isEmpty, unit.count <= 24, !unit.contains(where: { "¢$%(".contains($0) }),
              !unit.contains(" less "), !unit.contains(" for each ") else { return .unparsed(text) }
        return .specific(amount: amount, per: unit, unitCode: unitCodes[unit.lowercased()], qualifier: qualifier)
    }

    /// UN/ECE Recommendation 20 codes of the units the HTS writes.
    static let unitCodes: [String: String] = [
        "kg": "KGM", "clean kg": "KGM", "g": "GRM", "t": "TNE", "liter": "LTR", "pf. liter": "PFL", "pf.liter": "PFL",
        "doz.": "DZN", "doz": "DZN", "pr.": "PR", "pr": "PR", "each": "H87", "no.": "H87", "m2": "MTK", "m3": "MTQ", "m": "MTR",
        "bbl": "BLL", "gross": "GRO", "1000": "MIL", "thousand": "MIL", "head": "HEA",
    ]

    static func decimal(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." }), t.filter({ $0 == "." }).count <= 1 else { return nil }
        return Decimal(exactLiteral: t)
    }
}
