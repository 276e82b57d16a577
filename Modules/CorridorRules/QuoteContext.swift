public import CorridorModel
public import Foundation

/// The reference data a quote read, gathered before the (pure) computation and recorded with it:
/// the exchange rates and the national tariff lines. A replay uses this record, not today's files.
public struct QuoteContext: Sendable, Hashable, Codable {
    /// A national tariff line with its general (MFN) rate text.
    public struct TariffLine: Sendable, Hashable, Codable {
        /// The national code, digits only.
        public let code: String
        /// Its description (the line's own words, without its ancestors).
        public let description: String
        /// The general rate text as published.
        public let generalRate: String

        /// Creates a line.
        public init(code: String, description: String, generalRate: String) {
            self.code = code
            self.description = description
            self.generalRate = generalRate
        }

        enum CodingKeys: String, CodingKey { case code, description, generalRate = "general_rate" }
    }

    /// The exchange rates of the day used (ECB reference rates: units per EUR), nil when no
    /// conversion was needed.
    public let fx: CurrencyConverter?
    /// The national tariff release read (e.g. `us-hts-2026r4`), if any.
    public let tariffRelease: String?
    /// For each declared code, the rate-bearing national lines it may be.
    public let tariffLines: [String: [TariffLine]]
    /// For each declared code, its HS description (checked to exist).
    public let descriptions: [String: String]

    /// Creates a context.
    public init(fx: CurrencyConverter?, tariffRelease: String?, tariffLines: [String: [TariffLine]], descriptions: [String: String]) {
        self.fx = fx
        self.tariffRelease = tariffRelease
        self.tariffLines = tariffLines
        self.descriptions = descriptions
    }

    enum CodingKeys: String, CodingKey { case fx, tariffRelease = "tariff_release", tariffLines = "tariff_lines", descriptions }
}
