public import CorridorModel
public import Foundation

/// A landed-cost answer: the regime, the duties and taxes of each line, the totals in the
/// destination currency, and what it rests on (packs, rates, rules).
///
/// When a question is open, `totals` is nil and `complete` is false: a quote never shows a total
/// that silently leaves something out.
public struct LandedCostQuote: Sendable, Hashable, Encodable {
    /// The regime the consignment falls under.
    public struct Regime: Sendable, Hashable, Encodable {
        /// The regime's name, as the pack writes it.
        public let name: String
        /// Whether a de minimis or low-value relief applies.
        public let deMinimisApplied: Bool
        /// How duty is assessed: `mfn`, `exempt` or `flat`.
        public let duty: String
        /// The rule that decided.
        public let rule: String
        /// The citation it rests on: title (date), URL.
        public let basis: String
        enum CodingKeys: String, CodingKey { case name, deMinimisApplied = "de_minimis_applied", duty, rule, basis }
    }

    /// A duty on a line.
    public struct Duty: Sendable, Hashable, Encodable {
        /// `mfn`, `flat`, or what a pack's `duties` decision names (e.g. `additional`).
        public let kind: String
        /// The rate as published or declared (`16.5%`, `90¢/pr. + 20%`).
        public let rateText: String
        /// The amount; nil while the line's national tariff line is open (then `range` is given).
        public let amount: Amount?
        /// The lowest and highest amounts over the national lines the code may be, while one is to be chosen.
        public let range: [Amount]?
        /// Where the rate comes from: the tariff line and release, the declared rate, or a citation.
        public let basis: String
        enum CodingKeys: String, CodingKey { case kind, rateText = "rate_text", amount, range, basis }
    }

    /// A tax on a line.
    public struct Tax: Sendable, Hashable, Encodable {
        /// `vat`, `gst`, `sales_tax`, `consumption`.
        public let kind: String
        /// The rate as a fraction (`0.19`), written as a string.
        public let rate: Decimal
        /// The amount taxed.
        public let base: Amount
        /// base × rate, rounded.
        public let amount: Amount
        /// The citation it rests on.
        public let basis: String
        enum CodingKeys: String, CodingKey { case kind, rate, base, amount, basis }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(rate.description, forKey: .rate)
            try c.encode(base, forKey: .base)
            try c.encode(amount, forKey: .amount)
            try c.encode(basis, forKey: .basis)
        }
    }

    /// A fee on the consignment.
    public struct Fee: Sendable, Hashable, Encodable {
        /// What the fee is.
        public let kind: String
        /// Its amount.
        public let amount: Amount
        /// The citation it rests on.
        public let basis: String
    }

    /// One line's result.
    public struct Line: Sendable, Hashable, Encodable {
        /// The line's position in the request, from 0.
        public let index: Int
        /// The code as declared, digits only.
        public let code: String
        /// The customs value in the quote's currency.
        public let customsValue: Amount
        /// The duties.
        public let duties: [Duty]
        /// The taxes.
        public let taxes: [Tax]
        enum CodingKeys: String, CodingKey { case index, code, customsValue = "customs_value", duties, taxes }
    }

    /// The totals, decimal strings in `currency`.
    public struct Totals: Sendable, Hashable, Encodable {
        /// The goods: the lines' values, each rounded.
        public let goods: Amount
        /// Transport to the destination.
        public let shipping: Amount
        /// Insurance.
        public let insurance: Amount
        /// All duties.
        public let duties: Amount
        /// All taxes.
        public let taxes: Amount
        /// All fees.
        public let fees: Amount
        /// goods + shipping + insurance + duties + taxes + fees.
        public let total: Amount
    }

    /// An open question: the fact it asks for and the question.
    public struct Question: Sendable, Hashable, Encodable, Comparable {
        /// The fact that would settle it (`seller.ioss_registered`, `lines[1].duty_rate`).
        public let fact: String
        /// The question, for people.
        public let question: String
        public static func < (a: Question, b: Question) -> Bool { (a.fact, a.question) < (b.fact, b.question) }
    }

    /// A pack used: id, version, SHA-256.
    public struct PackUsed: Sendable, Hashable, Encodable {
        /// The pack id.
        public let id: String
        /// Its version.
        public let version: String
        /// The SHA-256 of its file.
        public let sha256: String
    }

    /// The exchange rate used.
    public struct Rate: Sendable, Hashable, Encodable {
        /// The request's currency.
        public let from: String
        /// The quote's currency.
        public let to: String
        /// Units of `to` per unit of `from`.
        public let rate: String
        /// The publication day of the rates used.
        public let date: String
        /// Where the rates come from.
        public let source: String
    }

    /// One step of the trace: a decision, the rules it chose with their outputs, and the facts it lacked.
    public struct Step: Sendable, Hashable, Encodable {
        /// A rule chosen and what it gave.
        public struct Match: Sendable, Hashable, Encodable {
            /// The rule id.
            public let rule: String
            /// The outputs (written as text: `3 EUR`, `0.19`, `true`).
            public let outputs: [String: RuleValue]
        }
        /// The pack whose decision it is (the market's pack or an overlay).
        public let pack: String
        /// The decision id.
        public let decision: String
        /// The line, for a line-scope decision.
        public let line: Int?
        /// The rules chosen.
        public let matches: [Match]
        /// The facts it lacked.
        public let missing: [String]
    }

    /// The business date.
    public let asOf: String
    /// The country of origin.
    public let origin: String
    /// The destination.
    public let destination: String
    /// The currency of every amount in the quote (the destination pack's).
    public let currency: String
    /// Whether every fact needed was known; false while `questions` are open.
    public let complete: Bool
    /// The regime, once decided.
    public let regime: Regime?
    /// Each line's duties and taxes.
    public let lines: [Line]
    /// Consignment fees.
    public let fees: [Fee]
    /// The totals; nil while the quote is incomplete.
    public let totals: Totals?
    /// The exchange rate used, when the request's currency differs.
    public let fx: Rate?
    /// What the quote does not cover, and advice.
    public let warnings: [String]
    /// What must be answered to complete the quote.
    public let questions: [Question]
    /// The packs that decided.
    public let packs: [PackUsed]
    /// Each decision, the rules it chose and what they gave.
    public let trace: [Step]
    /// The id of the recorded decision (`corridor-rules replay ID`); not part of the recorded output.
    public var decisionID: String?

    enum CodingKeys: String, CodingKey {
        case decisionID = "decision_id", asOf = "as_of", origin, destination, currency, complete, regime, lines, fees, totals, fx, warnings, questions, packs, trace
    }
}
