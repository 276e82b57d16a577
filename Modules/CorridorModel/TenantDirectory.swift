public import Foundation

/// Enterprises (tenants) and their API keys: the seam between the server and persistence.
///
/// Every method that reads or writes an enterprise's records takes the enterprise's ID, so
/// that no query can reach across tenants by accident. The one exception is `key(id:)`, which
/// authentication needs before it knows the enterprise; it returns the key's owner for the caller to check.
public protocol TenantDirectory: Sendable {
    /// Registers an enterprise; fails with `TenantError.enterpriseExists` if the ID is taken.
    func createEnterprise(_ enterprise: Enterprise) async throws(TenantError)
    /// The enterprise with this ID, or nil.
    func enterprise(_ id: EnterpriseID) async throws(TenantError) -> Enterprise?
    /// Every enterprise, sorted by ID.
    func enterprises() async throws(TenantError) -> [Enterprise]
    /// Stores a newly issued key; its enterprise must exist.
    func storeKey(_ key: APIKeyRecord) async throws(TenantError)
    /// The key with this public ID, or nil.
    func key(id: String) async throws(TenantError) -> APIKeyRecord?
    /// The keys of one enterprise, newest first.
    func keys(of enterprise: EnterpriseID) async throws(TenantError) -> [APIKeyRecord]
    /// Revokes a key of `enterprise` at `date`; fails with `keyNotFound` if the key is not that enterprise's.
    func revokeKey(id: String, of enterprise: EnterpriseID, at date: Date) async throws(TenantError)
}
