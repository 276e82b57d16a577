public import CorridorModel
public import Foundation

/// A short-term export credit-insurance premium from expected loss, and how it compares with the
/// published Sinosure band.
///
/// Expected loss of the receivable is PD × LGD × EAD, with the annual PD scaled to the tenor as
/// 1 − (1 − PD)^(days/365). The insurer carries the insured share of it and the exporter the rest:
/// the exporter's retained expected loss is PD × LGD × EAD × (1 − insured share), the formula the
/// issue names; the premium is the insurer's expected loss × (1 + loading). Sinosure's short-term
/// policies are published at roughly 0.2–0.8% of the insured export value.
public struct CreditInsuranceQuote: Sendable, Codable, Equatable {
    /// The exposure at default.
    public let exposure: Money
    /// Annual probability of default of the buyer.
    public let annualPD: Decimal
    /// PD over the tenor.
    public let tenorPD: Decimal
    /// Loss given default, as a fraction.
    public let lgd: Decimal
    /// The insured share of a loss, as a fraction (Sinosure typically 0.8–0.9).
    public let insuredShare: Decimal
    /// The loading on the insurer's expected loss (costs, capital, margin), as a fraction.
    public let loading: Decimal
    /// Days of credit.
    public let tenorDays: Int
    /// PD × LGD × EAD over the tenor.
    public let expectedLoss: Money
    /// The exporter's retained part: expected loss × (1 − insured share).
    public let retainedExpectedLoss: Money
    /// The insurer's part: expected loss × insured share.
    public let insuredExpectedLoss: Money
    /// The premium: insured expected loss × (1 + loading).
    public let premium: Money
    /// The premium as a fraction of the exposure.
    public let premiumRate: Decimal
    /// Where the rate falls against the Sinosure band: `below`, `within` or `above`.
    public let sinosureBand: String
    /// A sentence explaining the comparison.
    public let explanation: String

    /// The published Sinosure short-term band, as fractions of the export value.
    public static let sinosureBand: ClosedRange<Decimal> = (Decimal(2) / 1000)...(Decimal(8) / 1000)

    /// Prices a policy.
    public static func price(exposure: Money, annualPD: Decimal, lgd: Decimal, insuredShare: Decimal, loading: Decimal,
                             tenorDays: Int = 90) throws(FinanceError) -> CreditInsuranceQuote {
        guard exposure.amount > 0 else { throw .invalidParameter(name: "exposure", reason: "must be positive, got \(exposure)") }
        for (name, value) in [("pd", annualPD), ("lgd", lgd), ("insured_share", insuredShare)] where value < 0 || value > 1 || value.isNaN {
            throw .invalidParameter(name: name, reason: "is a fraction between 0 and 1, got \(value)")
        }
        guard loading >= 0, !loading.isNaN else { throw .invalidParameter(name: "loading", reason: "must be zero or positive, got \(loading)") }
        guard tenorDays > 0, tenorDays <= 720 else { throw .invalidParameter(name: "tenor_days", reason: "short-term cover runs 1 to 720 days, got \(tenorDays)") }
        let pd = NSDecimalNumber(decimal: annualPD).doubleValue
        let scaled = 1 - Foundation.pow(1 - pd, Double(tenorDays) / 365)
        var tenorPD = Decimal(string: String(format: "%.10f", scaled)) ?? annualPD
        if tenorDays == 365 { tenorPD = annualPD }
        do {
            let el = try exposure.multiplied(by: tenorPD * lgd)
            let insured = try el.multiplied(by: insuredShare)
            let retained = try el.subtracting(insured)
            let premium = try insured.multiplied(by: 1 + loading)
            var rate = premium.amount / exposure.amount
            var roundedRate = Decimal()
            NSDecimalRound(&roundedRate, &rate, 6, .plain)
            let band: String
            let explanation: String
            if roundedRate < sinosureBand.lowerBound {
                band = "below"
                explanation = "The expected-loss premium is below Sinosure's published 0.2–0.8% band: a policy-bank insurer prices a floor for administration, political risk and adverse selection that a pure expected-loss price for a low-PD buyer does not carry."
            } else if roundedRate > sinosureBand.upperBound {
                band = "above"
                explanation = "The expected-loss premium is above Sinosure's published 0.2–0.8% band: at this PD Sinosure would typically cut the credit limit or decline cover rather than charge the full risk price, and its band is subsidised as policy insurance."
            } else {
                band = "within"
                explanation = "The expected-loss premium falls inside Sinosure's published 0.2–0.8% band for short-term cover."
            }
            return CreditInsuranceQuote(exposure: exposure, annualPD: annualPD, tenorPD: tenorPD, lgd: lgd, insuredShare: insuredShare, loading: loading,
                                        tenorDays: tenorDays, expectedLoss: el.rounded(), retainedExpectedLoss: retained.rounded(),
                                        insuredExpectedLoss: insured.rounded(), premium: premium.rounded(), premiumRate: roundedRate,
                                        sinosureBand: band, explanation: explanation)
        } catch {
            throw .invalidParameter(name: "exposure", reason: error.description)
        }
    }
}
