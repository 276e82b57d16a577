import Foundation

/// An enterprise registered with the pilot zone: an exporter, a platform, or the zone operator itself.
/// Every stored record that belongs to an enterprise carries its `id`.
public struct Enterprise: Hashable, Sendable, Codable {
    /// The tenant identifier.
    public let id: EnterpriseID
    /// The registered name.
    public let name: String
    /// The size tier.
    public let tier: EnterpriseTier
    /// The country of registration.
    public let country: CountryCode

    /// Creates an enterprise; the name must be non-empty and at most 200 characters.
    public init(id: EnterpriseID, name: String, tier: EnterpriseTier, country: CountryCode) throws(ModelError) {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw .invalidField(name: "enterprise name", reason: "must be 1–200 characters")
        }
        self.id = id
        self.name = trimmed
        self.tier = tier
        self.country = country
    }

    private enum CodingKeys: String, CodingKey { case id, name, tier, country }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(id: c.decode(EnterpriseID.self, forKey: .id), name: c.decode(String.self, forKey: .name),
                      tier: c.decode(EnterpriseTier.self, forKey: .tier), country: c.decode(CountryCode.self, forKey: .country))
    }
}
