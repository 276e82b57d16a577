import Foundation

/// A tenant operation failed.
public enum TenantError: Error, CustomStringConvertible, Equatable, Sendable {
    /// An enterprise with this ID already exists.
    case enterpriseExists(EnterpriseID)
    /// No enterprise has this ID.
    case enterpriseNotFound(EnterpriseID)
    /// No key with this ID belongs to the enterprise.
    case keyNotFound(String)
    /// The database failed.
    case storage(String)

    public var description: String {
        switch self {
        case .enterpriseExists(let id): "enterprise '\(id)' already exists"
        case .enterpriseNotFound(let id): "enterprise '\(id)' does not exist; create it first (`corridord enterprises create --id \(id) ...`)"
        case .keyNotFound(let id): "API key '\(id)' does not exist for this enterprise"
        case .storage(let message): "database error: \(message). Check that the database file is a Corridor database and writable"
        }
    }
}
