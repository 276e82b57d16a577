public import Foundation

extension Decimal {
    /// A decimal written plainly: digits with an optional sign and one point (`"125000.00"`,
    /// `"-0.015"`); no exponent, grouping or spaces inside. Surrounding spaces are ignored. `nil`
    /// for anything else, so a typo is never read as a different number.
    public init?(exactLiteral text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard Decimal.isLiteral(trimmed), let value = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self = value
    }

    static func isLiteral(_ s: String) -> Bool {
        var body = Substring(s)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if parts.count == 2 {
            return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
        }
        return true
    }
}
