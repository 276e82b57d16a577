public import CorridorModel
public import Foundation

/// Forward hedges, priced by covered interest parity, that bring an exposure's VaR under a limit.
///
/// The forward for selling currency X against reporting currency R in τ years is
/// F = S × (1 + r_R τ) / (1 + r_X τ), with simple annual rates on an ACT/365 basis. One hedge ratio h
/// is applied to every position, so the residual VaR is (1 − h) × VaR and the smallest sufficient
/// ratio is h = max(0, 1 − limit / VaR). The cost is what locking the forward gives up against
/// today's spot: h × amount × (S − F), positive when the forward is below spot.
public struct HedgePlan: Sendable, Codable, Equatable {
    /// One forward contract.
    public struct Forward: Sendable, Codable, Equatable {
        /// The currency sold forward.
        public let currency: CurrencyCode
        /// The notional sold, in `currency`.
        public let notional: Double
        /// Days to delivery.
        public let days: Int
        /// Spot, reporting currency per unit.
        public let spot: Double
        /// The CIP forward rate.
        public let forward: Double
        /// The cost in the reporting currency (negative when the forward is a gain on spot).
        public let cost: Double
    }

    /// The reporting currency.
    public let reporting: CurrencyCode
    /// The VaR limit, in the reporting currency.
    public let limit: Double
    /// The unhedged VaR.
    public let unhedgedValueAtRisk: Double
    /// The hedge ratio applied to every position, in [0, 1].
    public let hedgeRatio: Double
    /// The VaR after hedging, (1 − h) × VaR.
    public let residualValueAtRisk: Double
    /// The forwards, one per receivable with a foreign currency.
    public let forwards: [Forward]
    /// Total cost in the reporting currency.
    public let totalCost: Double

    /// Plans the hedge. `interestRates` maps every currency involved (the reporting one included)
    /// to a simple annual rate, e.g. 0.015 for 1.5%.
    public static func plan(_ exposure: ExposureRisk, limit: Double, interestRates: [CurrencyCode: Decimal]) throws(FinanceError) -> HedgePlan {
        guard limit >= 0, limit.isFinite else { throw .invalidParameter(name: "var_limit", reason: "must be zero or positive, got \(limit)") }
        guard let domestic = interestRates[exposure.reporting] else {
            throw .invalidParameter(name: "interest_rates", reason: "no rate for the reporting currency \(exposure.reporting)")
        }
        let ratio = exposure.valueAtRisk > limit ? min(1, 1 - limit / exposure.valueAtRisk) : 0
        var forwards: [Forward] = []
        var total = 0.0
        for position in exposure.positions where position.receivable.currency != exposure.reporting {
            let currency = position.receivable.currency
            guard let foreign = interestRates[currency] else {
                throw .invalidParameter(name: "interest_rates", reason: "no rate for \(currency)")
            }
            let days = position.receivable.due.daysSinceEpoch - exposure.asOf.daysSinceEpoch
            let tau = Double(days) / 365
            let rd = NSDecimalNumber(decimal: domestic).doubleValue, rf = NSDecimalNumber(decimal: foreign).doubleValue
            guard rd > -1, rf > -1, rd < 1, rf < 1 else {
                throw .invalidParameter(name: "interest_rates", reason: "rates are annual fractions between −1 and 1 (0.015 for 1.5%)")
            }
            let forward = position.spot * (1 + rd * tau) / (1 + rf * tau)
            let notional = NSDecimalNumber(decimal: position.receivable.amount).doubleValue * ratio
            let cost = notional * (position.spot - forward)
            total += cost
            forwards.append(Forward(currency: currency, notional: notional, days: days, spot: position.spot, forward: forward, cost: cost))
        }
        return HedgePlan(reporting: exposure.reporting, limit: limit, unhedgedValueAtRisk: exposure.valueAtRisk, hedgeRatio: ratio,
                         residualValueAtRisk: (1 - ratio) * exposure.valueAtRisk, forwards: forwards, totalCost: total)
    }
}
