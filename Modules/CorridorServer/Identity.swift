public import CorridorModel

/// Who is calling: the authenticated API key's enterprise and role.
public struct Identity: Sendable, Hashable {
    /// The key's public identifier.
    public let keyID: String
    /// The enterprise the key belongs to.
    public let enterprise: EnterpriseID
    /// The key's role.
    public let role: Role

    /// Creates an identity.
    public init(keyID: String, enterprise: EnterpriseID, role: Role) {
        self.keyID = keyID
        self.enterprise = enterprise
        self.role = role
    }

    /// Whether the caller may read records that belong to `owner`: zone admins and auditors read
    /// every tenant's records, an enterprise key only its own.
    public func mayRead(_ owner: EnterpriseID) -> Bool {
        role == .zoneAdmin || role == .auditor || enterprise == owner
    }

    /// Whether the caller may change records that belong to `owner`: zone admins, or the owner's own keys.
    public func mayWrite(_ owner: EnterpriseID) -> Bool {
        role == .zoneAdmin || (role == .enterprise && enterprise == owner)
    }
}
