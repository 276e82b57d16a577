public import CorridorModel
public import Foundation

/// An amount an exporter is owed in a currency on a due date.
public struct Receivable: Sendable, Codable, Equatable {
    /// The invoice currency.
    public let currency: CurrencyCode
    /// The amount owed, in `currency`.
    public let amount: Decimal
    /// When it is due.
    public let due: CivilDate

    /// Creates a receivable; the amount must be positive.
    public init(currency: CurrencyCode, amount: Decimal, due: CivilDate) throws(FinanceError) {
        guard amount > 0, !amount.isNaN else {
            throw .invalidParameter(name: "amount", reason: "a receivable must be a positive amount, got \(amount)")
        }
        self.currency = currency
        self.amount = amount
        self.due = due
    }

    enum CodingKeys: String, CodingKey { case currency, amount, due }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let text = try c.decode(String.self, forKey: .amount)
        guard let amount = Decimal(exactLiteral: text) else {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: "amount '\(text)' is not a decimal string such as \"125000.00\"")
        }
        do {
            try self.init(currency: c.decode(CurrencyCode.self, forKey: .currency), amount: amount, due: c.decode(CivilDate.self, forKey: .due))
        } catch let error as FinanceError {
            throw DecodingError.dataCorruptedError(forKey: .amount, in: c, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(currency, forKey: .currency)
        try c.encode("\(amount)", forKey: .amount)
        try c.encode(due, forKey: .due)
    }
}
