import Foundation

/// A Harmonized System code: a 2-digit chapter, 4-digit heading or 6-digit subheading, or a
/// national tariff line that extends a subheading to 8 or 10 digits (EU CN, US HTS).
///
/// Construction accepts the spellings found in customs documents — `"8517.13"`, `"851713"`,
/// `"8517 13 00 00"`, `"8517.13.00.00"` — and stores the digits only.
public struct HSCode: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The code's digits, without separators: `"851713"`.
    public let digits: String

    /// The lengths a code may have.
    public static let validLengths: Set<Int> = [2, 4, 6, 8, 10]

    /// Parses a code, ignoring spaces, dots and hyphens between digit groups.
    public init(_ text: String) throws(ModelError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .invalidHSCode(text, reason: "the code is empty") }
        var digits = ""
        for ch in trimmed {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if ch == "." || ch == " " || ch == "-" {
                continue
            } else {
                throw .invalidHSCode(text, reason: "'\(ch)' is not a digit or a separator (space, '.', '-')")
            }
        }
        guard HSCode.validLengths.contains(digits.count) else {
            throw .invalidHSCode(
                text,
                reason: "\(digits.count) digits; a code has 2 (chapter), 4 (heading), 6 (subheading), 8 or 10 (national line) digits"
                    + (digits.count % 2 == 1 ? " — was a leading zero lost?" : ""))
        }
        guard digits.prefix(2) != "00" else {
            throw .invalidHSCode(text, reason: "chapter 00 does not exist; chapters run from 01 to 99")
        }
        self.digits = digits
    }

    public init(from decoder: any Decoder) throws {
        self = try HSCode(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    /// The number of digits: 2, 4, 6, 8 or 10.
    public var length: Int { digits.count }

    /// The 2-digit chapter, e.g. `85`.
    public var chapter: HSCode { truncated(to: 2) }

    /// The 4-digit heading, or nil for a chapter.
    public var heading: HSCode? { length >= 4 ? truncated(to: 4) : nil }

    /// The 6-digit subheading, or nil for a chapter or heading.
    public var subheading: HSCode? { length >= 6 ? truncated(to: 6) : nil }

    /// Whether the code goes beyond the internationally harmonized six digits.
    public var isNationalLine: Bool { length > 6 }

    /// The next shorter code in the hierarchy (10 → 8 → 6 → 4 → 2), or nil for a chapter.
    public var parent: HSCode? { length > 2 ? truncated(to: length - 2) : nil }

    /// Whether `self` is `other` or lies beneath it (`85171300` is within `8517`).
    public func isWithin(_ other: HSCode) -> Bool { digits.hasPrefix(other.digits) }

    /// The conventional dotted spelling: `8517`, `8517.13`, `8517.13.00`, `8517.13.00.00`.
    public var dotted: String {
        guard length > 4 else { return digits }
        var out = String(digits.prefix(4))
        var rest = digits.dropFirst(4)
        while !rest.isEmpty {
            out += "." + rest.prefix(2)
            rest = rest.dropFirst(2)
        }
        return out
    }

    public var description: String { dotted }

    public static func < (lhs: HSCode, rhs: HSCode) -> Bool { lhs.digits < rhs.digits }

    private func truncated(to n: Int) -> HSCode { HSCode(validDigits: String(digits.prefix(n))) }

    private init(validDigits: String) { digits = validDigits }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
