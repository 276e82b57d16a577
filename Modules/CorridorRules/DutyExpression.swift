public import Foundation

/// A tariff rate text read into its structure: free, ad valorem, specific per unit, their sum
/// (compound), bounds ("but not less than"), a reference to the rate of another subheading, or a
/// text that could not be read. Amounts are `Decimal`; specific amounts are in US dollars (¢ is
/// divided by 100 when parsed).
public indirect enum DutyExpression: Sendable, Equatable, Codable {
    /// No duty, perhaps under a condition ("under bond, as prescribed in U.S. note 1").
    case free(condition: String?)
    /// A percentage of the customs value, or of a part of it (`on` names the part, e.g. "the case").
    case adValorem(percent: Decimal, on: String?)
    /// An amount per unit: `per` is the unit as written ("kg", "liter", "doz.", "each"), `unitCode`
    /// its UN/ECE Recommendation 20 code when known, `qualifier` what the quantity is of ("on drained weight").
    case specific(amount: Decimal, per: String, unitCode: String?, qualifier: String?)
    /// Terms added together (a compound rate such as "30.5¢/kg + 8.5%").
    case sum([DutyExpression])
    /// A rate with a floor or a ceiling ("… but not less than …", "… but not more than …").
    case bounded(DutyExpression, atLeast: DutyExpression?, atMost: DutyExpression?)
    /// The rate of the subheading that applies to the article (chapter 99), plus or minus a rate.
    case applicableSubheading(plus: DutyExpression?, minus: DutyExpression?)
    /// A text that is not one of these forms; never a silent zero.
    case unparsed(String)

    /// Whether the text was read.
    public var isParsed: Bool {
        switch self {
        case .unparsed: false
        case .sum(let terms): terms.allSatisfy(\.isParsed)
        case .bounded(let base, let low, let high): base.isParsed && (low?.isParsed ?? true) && (high?.isParsed ?? true)
        case .applicableSubheading(let plus, let minus): (plus?.isParsed ?? true) && (minus?.isParsed ?? true)
        default: true
        }
    }

    /// `mfn`-style kind names for the quote: `free`, `ad-valorem`, `specific`, `compound`, `bounded`, `reference`, `unparsed`.
    public var kind: String {
        switch self {
        case .free: "free"
        case .adValorem: "ad-valorem"
        case .specific: "specific"
        case .sum: "compound"
        case .bounded: "bounded"
        case .applicableSubheading: "reference"
        case .unparsed: "unparsed"
        }
    }
}

extension DutyExpression: CustomStringConvertible {
    /// The expression in words: "USD 0.015 per kg (KGM) + 6.4% of the customs value".
    public var description: String {
        switch self {
        case .free(let condition): return "free" + (condition.map { " (\($0))" } ?? "")
        case .adValorem(let percent, let part): return "\(percent)% of \(part ?? "the customs value")"
        case .specific(let amount, let per, let code, let qualifier):
            return "USD \(amount) per \(per)" + (code.map { " (\($0))" } ?? "") + (qualifier.map { " \($0)" } ?? "")
        case .sum(let terms): return terms.map(\.description).joined(separator: " + ")
        case .bounded(let base, let low, let high):
            return base.description + (low.map { ", at least \($0)" } ?? "") + (high.map { ", at most \($0)" } ?? "")
        case .applicableSubheading(let plus, let minus):
            return "the rate of the applicable subheading" + (plus.map { " + \($0)" } ?? "") + (minus.map { " − \($0)" } ?? "")
        case .unparsed(let text): return "unread: \(text)"
        }
    }
}

extension DutyExpression {
    /// Whether any term is an amount per unit (written in ¢ or $, so in USD).
    public var hasSpecificTerm: Bool {
        switch self {
        case .specific: true
        case .sum(let terms): terms.contains(where: \.hasSpecificTerm)
        case .bounded(let base, let low, let high): base.hasSpecificTerm || (low?.hasSpecificTerm ?? false) || (high?.hasSpecificTerm ?? false)
        case .applicableSubheading(let plus, let minus): (plus?.hasSpecificTerm ?? false) || (minus?.hasSpecificTerm ?? false)
        case .free, .adValorem, .unparsed: false
        }
    }
}
