/// Where an exchange-rate series comes from.
public enum FXSource: String, Sendable, Codable, CaseIterable {
    /// ECB euro foreign exchange reference rates: daily, units of currency per EUR.
    case ecbDaily = "ecb"
    /// US Federal Reserve H.10: monthly averages against the US dollar.
    case fedH10Monthly = "fed-h10"

    /// A citation a user can follow.
    public var citation: String {
        switch self {
        case .ecbDaily:
            "ECB euro foreign exchange reference rates, daily (https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/)"
        case .fedH10Monthly:
            "Federal Reserve Statistical Release H.10, monthly averages (https://www.federalreserve.gov/releases/h10/)"
        }
    }

    /// How often the source publishes.
    public var frequency: String {
        switch self {
        case .ecbDaily: "daily"
        case .fedH10Monthly: "monthly"
        }
    }
}
