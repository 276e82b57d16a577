import Foundation

/// The duty-rate texts of a national tariff line, exactly as the publisher prints them
/// (`"6.8%"`, `"Free (A+,AU,BH,...)"`, `"66.6¢/kg"`). Parsing them into rules is the rule engine's job.
public struct TariffRates: Hashable, Sendable, Codable {
    /// The general (MFN) rate, US HTS column 1 "General".
    public let general: String?
    /// Preferential rates with their programme codes, US HTS column 1 "Special".
    public let special: String?
    /// US HTS column 2 (non-normal-trade-relations countries).
    public let column2: String?
    /// Additional duties (chapter 99 provisions).
    public let additional: String?
    /// The quota quantity, where one applies.
    public let quota: String?

    /// Creates the rate texts; empty strings become nil.
    public init(general: String? = nil, special: String? = nil, column2: String? = nil, additional: String? = nil, quota: String? = nil) {
        func clean(_ s: String?) -> String? {
            guard let t = s?.trimmingWhitespace(), !t.isEmpty else { return nil }
            return t
        }
        self.general = clean(general)
        self.special = clean(special)
        self.column2 = clean(column2)
        self.additional = clean(additional)
        self.quota = clean(quota)
    }

    /// Whether no rate text is present.
    public var isEmpty: Bool { general == nil && special == nil && column2 == nil && additional == nil && quota == nil }
}
