import Foundation

/// Decimal amounts and rates written as JSON strings ("125000.00", "0.015"): plain digits with an
/// optional leading minus and one point; no exponents, separators or spaces inside.
enum DecimalText {
    static func parse(_ text: String) -> Decimal? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let digits = t.hasPrefix("-") ? t.dropFirst() : Substring(t)
        guard !digits.isEmpty, digits.allSatisfy({ "0123456789.".contains($0) }), digits.filter({ $0 == "." }).count <= 1,
              digits.contains(where: \.isNumber) else { return nil }
        return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
    }
}
