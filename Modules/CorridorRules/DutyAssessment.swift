public import Foundation

/// What a rate comes to for one declared line: an amount, or the facts still needed to compute it.
public struct DutyAssessment: Sendable, Equatable, Codable {
    /// The duty, in the customs value's currency for ad valorem terms and in USD for specific
    /// terms (the HTS writes them in ¢ and $); `nil` while facts are missing.
    public let amount: Decimal?
    /// The facts needed and not given ("the quantity in KGM", "the value of the case", "the rate of the applicable subheading").
    public let missing: [String]

    /// Computes `expression` for a line with `customsValue` and quantities keyed by UN/ECE Rec 20
    /// unit code (or by the unit as the rate writes it); `partValues` give the value of a part named
    /// by an "on …" term.
    public static func assess(_ expression: DutyExpression, customsValue: Decimal, quantities: [String: Decimal] = [:],
                              partValues: [String: Decimal] = [:]) -> DutyAssessment {
        var missing: [String] = []
        // 10⁻²: multiplying by it is exact and far cheaper than dividing by 100.
        let onePercent = Decimal(sign: .plus, exponent: -2, significand: 1)
        func value(_ e: DutyExpression) -> Decimal? {
            switch e {
            case .free:
                return 0
            case .adValorem(let percent, let part):
                guard let part else { return customsValue * percent * onePercent }
                guard let base = partValues[part] else {
                    missing.append(part.hasPrefix("the value") || part.hasSuffix(" value") ? part : "the value of \(part)")
                    return nil
                }
                return base * percent * onePercent
            case .specific(let amount, let per, let code, let qualifier):
                guard let quantity = code.flatMap({ quantities[$0] }) ?? quantities[per] else {
                    missing.append("the quantity in \(code ?? per)\(qualifier.map { " (\($0))" } ?? "")")
                    return nil
                }
                return amount * quantity
            case .sum(let terms):
                let parts = terms.map(value)
                return parts.contains(where: { $0 == nil }) ? nil : parts.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
            case .bounded(let base, let low, let high):
                guard var v = value(base) else { return nil }
                if let low, let floor = value(low) { v = max(v, floor) } else if low != nil { return nil }
                if let high, let ceiling = value(high) { v = min(v, ceiling) } else if high != nil { return nil }
                return v
            case .applicableSubheading:
                missing.append("the rate of the applicable subheading (chapter 99 adds to it)")
                return nil
            case .unparsed(let text):
                missing.append("a rate that could be read: '\(text)'")
                return nil
            }
        }
        let amount = value(expression)
        return DutyAssessment(amount: missing.isEmpty ? amount : nil, missing: missing)
    }
}
