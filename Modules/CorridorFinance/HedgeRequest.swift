public import CorridorModel
public import Foundation

/// An exporter's exposure and hedging constraints, as `corridor-risk fx hedge --file` and
/// `POST /v1/risk/fx/hedge` take them.
///
/// ```json
/// {"as_of":"2025-12-31","reporting_currency":"CNY","level":0.99,"lookback":500,"var_limit":"150000",
///  "interest_rates":{"CNY":"0.015","USD":"0.043","THB":"0.0125"},
///  "receivables":[{"currency":"USD","amount":"250000.00","due":"2026-03-31"}]}
/// ```
public struct HedgeRequest: Sendable, Decodable, Equatable {
    /// The valuation date.
    public let asOf: CivilDate
    /// The exporter's reporting currency.
    public let reporting: CurrencyCode
    /// The VaR confidence level (0.99 by default).
    public let level: Double
    /// Daily returns in the history (500 by default).
    public let lookback: Int
    /// The VaR limit in the reporting currency.
    public let limit: Decimal
    /// Simple annual interest rates by currency.
    public let interestRates: [CurrencyCode: Decimal]
    /// The receivables.
    public let receivables: [Receivable]

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", reporting = "reporting_currency", level, lookback, limit = "var_limit", interestRates = "interest_rates", receivables
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try c.decode(CivilDate.self, forKey: .asOf)
        reporting = try c.decode(CurrencyCode.self, forKey: .reporting)
        level = try c.decodeIfPresent(Double.self, forKey: .level) ?? 0.99
        lookback = try c.decodeIfPresent(Int.self, forKey: .lookback) ?? 500
        limit = try Self.decimal(c, .limit)
        var rates: [CurrencyCode: Decimal] = [:]
        for (key, text) in try c.decode([String: String].self, forKey: .interestRates) {
            guard let code = try? CurrencyCode(key) else {
                throw DecodingError.dataCorruptedError(forKey: .interestRates, in: c, debugDescription: "'\(key)' is not an ISO 4217 currency code")
            }
            guard let value = Decimal(exactLiteral: text) else {
                throw DecodingError.dataCorruptedError(forKey: .interestRates, in: c, debugDescription: "the \(key) rate '\(text)' is not a decimal string such as \"0.015\"")
            }
            rates[code] = value
        }
        interestRates = rates
        receivables = try c.decode([Receivable].self, forKey: .receivables)
    }

    private static func decimal(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Decimal {
        let text = try c.decode(String.self, forKey: key)
        guard let value = Decimal(exactLiteral: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "'\(text)' is not a decimal string such as \"150000.00\"")
        }
        return value
    }


    /// Values the exposure and plans the hedge.
    public func run(_ rates: FXRates) throws(FinanceError) -> HedgeReport {
        let exposure = try ExposureRisk.analyze(receivables, reporting: reporting, asOf: asOf, rates: rates, level: level, lookback: lookback)
        let plan = try HedgePlan.plan(exposure, limit: NSDecimalNumber(decimal: limit).doubleValue, interestRates: interestRates)
        return HedgeReport(exposure: exposure, plan: plan)
    }
}
