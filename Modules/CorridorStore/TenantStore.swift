public import CorridorModel
public import Foundation
import GRDB

/// `TenantDirectory` on the Corridor SQLite database. Every key query is filtered by enterprise.
public struct TenantStore: TenantDirectory {
    private let database: CorridorDatabase

    /// Stores tenants in `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    public func createEnterprise(_ enterprise: Enterprise) async throws(TenantError) {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM enterprise WHERE id = ?", arguments: [enterprise.id.rawValue]) == true {
                throw TenantError.enterpriseExists(enterprise.id)
            }
            try db.execute(sql: "INSERT INTO enterprise (id, name, tier, country) VALUES (?, ?, ?, ?)",
                           arguments: [enterprise.id.rawValue, enterprise.name, enterprise.tier.rawValue, enterprise.country.alpha2])
        }
    }

    public func enterprise(_ id: EnterpriseID) async throws(TenantError) -> Enterprise? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM enterprise WHERE id = ?", arguments: [id.rawValue]).map { try Self.enterprise(from: $0) }
        }
    }

    public func enterprises() async throws(TenantError) -> [Enterprise] {
        try await read { db in try Row.fetchAll(db, sql: "SELECT * FROM enterprise ORDER BY id").map { try Self.enterprise(from: $0) } }
    }

    public func storeKey(_ key: APIKeyRecord) async throws(TenantError) {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM enterprise WHERE id = ?", arguments: [key.enterprise.rawValue]) == true else {
                throw TenantError.enterpriseNotFound(key.enterprise)
            }
            try db.execute(
                sql: "INSERT INTO api_key (id, enterprise_id, role, secret_hash, label, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [key.id, key.enterprise.rawValue, key.role.rawValue, key.secretHash, key.label,
                            StoredTimestamp.text(key.createdAt), key.revokedAt.map(StoredTimestamp.text)])
        }
    }

    public func key(id: String) async throws(TenantError) -> APIKeyRecord? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM api_key WHERE id = ?", arguments: [id]).map { try Self.key(from: $0) }
        }
    }

    public func keys(of enterprise: EnterpriseID) async throws(TenantError) -> [APIKeyRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_key WHERE enterprise_id = ? ORDER BY created_at DESC, id",
                             arguments: [enterprise.rawValue]).map { try Self.key(from: $0) }
        }
    }

    public func revokeKey(id: String, of enterprise: EnterpriseID, at date: Date) async throws(TenantError) {
        try await write { db in
            try db.execute(sql: "UPDATE api_key SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND enterprise_id = ?",
                           arguments: [StoredTimestamp.text(date), id, enterprise.rawValue])
            guard db.changesCount == 1 else { throw TenantError.keyNotFound(id) }
        }
    }

    // MARK: - Mapping

    private static func enterprise(from row: Row) throws -> Enterprise {
        try Enterprise(id: EnterpriseID(row["id"] as String), name: row["name"],
                       tier: EnterpriseTier(parsing: row["tier"] as String), country: CountryCode(row["country"] as String))
    }

    private static func key(from row: Row) throws -> APIKeyRecord {
        let revoked: String? = row["revoked_at"]
        return APIKeyRecord(
            id: row["id"], enterprise: try EnterpriseID(row["enterprise_id"] as String), role: try Role(parsing: row["role"] as String),
            secretHash: row["secret_hash"], label: row["label"], createdAt: try date(row["created_at"] as String),
            revokedAt: try revoked.map(date))
    }

    private static func date(_ text: String) throws -> Date {
        guard let date = StoredTimestamp.date(text) else {
            throw TenantError.storage("unreadable timestamp '\(text)'")
        }
        return date
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(TenantError) -> T {
        do {
            return try await database.writer.read(body)
        } catch let error as TenantError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }

    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(TenantError) -> T {
        do {
            return try await database.writer.write(body)
        } catch let error as TenantError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }
}
