/// A market whose national tariff lines can be listed under a predicted subheading.
public enum TariffMarket: String, Sendable, Codable, CaseIterable {
    /// The United States: HTS 10-digit lines with their general rate.
    case us = "US"
    /// The European Union: CN 8-digit lines.
    case eu = "EU"
    /// A market still on HS 2017: the HS 2017 subheadings the HS 2022 one correlates to.
    case hs2017 = "HS2017"

    /// Reads `US`, `EU` or `HS2017`, in any case.
    public init(parsing text: String) throws(ClassificationError) {
        guard let market = TariffMarket(rawValue: text.uppercased()) else {
            throw .invalidArgument(name: "market", reason: "'\(text)' is not one of US, EU, HS2017")
        }
        self = market
    }
}
