public import Foundation

/// An API key as stored: its public identifier, owner, role and the SHA-256 of the secret.
/// The secret itself is shown once when the key is issued and never stored.
public struct APIKeyRecord: Hashable, Sendable, Codable {
    /// The public key identifier (the part of the key before the secret), e.g. `k_3f9a1c2e7b04`.
    public let id: String
    /// The enterprise the key belongs to.
    public let enterprise: EnterpriseID
    /// The key's role.
    public let role: Role
    /// Lower-case hex SHA-256 of the full key text.
    public let secretHash: String
    /// A label chosen by whoever issued the key.
    public let label: String
    /// When the key was issued.
    public let createdAt: Date
    /// When the key was revoked, nil while active.
    public let revokedAt: Date?

    /// Creates a record.
    public init(id: String, enterprise: EnterpriseID, role: Role, secretHash: String, label: String, createdAt: Date, revokedAt: Date? = nil) {
        self.id = id
        self.enterprise = enterprise
        self.role = role
        self.secretHash = secretHash
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// Whether the key may still be used.
    public var isActive: Bool { revokedAt == nil }
}
