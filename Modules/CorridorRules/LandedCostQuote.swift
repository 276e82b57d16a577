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
        public let name: String
        public let deMinimisApplied: Bool
        public let duty: String
        public let rule: String
        public let basis: String
        enum CodingKeys: String, CodingKey { case name, deMinimisApplied = "de_minimis_applied", duty, rule, basis }
    }

    /// A duty on a line.
    public struct Duty: Sendable, Hashable, Encodable {
        public let kind: String
        public let rateText: String
        /// The amount; nil while the line's national tariff line is open (then `range` is given).
        public let amount: Amount?
        /// The lowest and highest amounts over the national lines the code may be, while one is to be chosen.
        public let range: [Amount]?
        public let basis: String
        enum CodingKeys: String, CodingKey { case kind, rateText = "rate_text", amount, range, basis }
    }

    /// A tax on a line.
    public struct Tax: Sendable, Hashable, Encodable {
        public let kind: String
        /// The rate as a fraction (`0.19`), written as a string.
        public let rate: Decimal
        public let base: Amount
        public let amount: Amount
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
        public let kind: String
        public let amount: Amount
        public let basis: String
    }

    /// One line's result.
    public struct Line: Sendable, Hashable, Encodable {
        public let index: Int
        public let code: String
        public let customsValue: Amount
        public let duties: [Duty]
        public let taxes: [Tax]
        enum CodingKeys: String, CodingKey { case index, code, customsValue = "customs_value", duties, taxes }
    }

    /// The totals, decimal strings in `currency`.
    public struct Totals: Sendable, Hashable, Encodable {
        public let goods: Amount
        public let shipping: Amount
        public let insurance: Amount
        public let duties: Amount
        public let taxes: Amount
        public let fees: Amount
        public let total: Amount
    }

    /// An open question: the fact it asks for and the question.
    public struct Question: Sendable, Hashable, Encodable, Comparable {
        public let fact: String
        public let question: String
        public static func < (a: Question, b: Question) -> Bool { (a.fact, a.question) < (b.fact, b.question) }
    }

    /// A pack used: id, version, SHA-256.
    public struct PackUsed: Sendable, Hashable, Encodable {
        public let id: String
        public let version: String
        public let sha256: String
    }

    /// The exchange rate used.
    public struct Rate: Sendable, Hashable, Encodable {
        public let from: String
        public let to: String
        public let rate: String
        public let date: String
        public let source: String
    }

    /// One step of the trace: a decision, the rules it chose with their outputs, and the facts it lacked.
    public struct Step: Sendable, Hashable, Encodable {
        /// A rule chosen and what it gave.
        public struct Match: Sendable, Hashable, Encodable {
            public let rule: String
            /// The outputs (written as text: `3 EUR`, `0.19`, `true`).
            public let outputs: [String: RuleValue]
        }
        public let decision: String
        public let line: Int?
        public let matches: [Match]
        public let missing: [String]
    }

    public let asOf: String
    public let origin: String
    public let destination: String
    public let currency: String
    public let complete: Bool
    public let regime: Regime?
    public let lines: [Line]
    public let fees: [Fee]
    public let totals: Totals?
    public let fx: Rate?
    public let warnings: [String]
    public let questions: [Question]
    public let packs: [PackUsed]
    public let trace: [Step]
    /// The id of the recorded decision (`corridor-rules replay ID`); not part of the recorded output.
    public var decisionID: String?

    enum CodingKeys: String, CodingKey {
        case decisionID = "decision_id", asOf = "as_of", origin, destination, currency, complete, regime, lines, fees, totals, fx, warnings, questions, packs, trace
    }
}
