import CorridorModel
import CorridorStore
import Foundation
import Testing

@Suite("Tenants and API keys")
struct TenantStoreTests {
    func enterprise(_ id: String) throws -> Enterprise {
        try Enterprise(id: EnterpriseID(id), name: "Enterprise \(id)", tier: .sme, country: CountryCode("CN"))
    }

    func key(_ id: String, of owner: String, role: Role = .enterprise) throws -> APIKeyRecord {
        APIKeyRecord(id: id, enterprise: try EnterpriseID(owner), role: role, secretHash: String(repeating: "a", count: 64),
                     label: "test", createdAt: Date(timeIntervalSince1970: 1_780_000_000))
    }

    @Test("enterprises are unique and listed in order")
    func enterprises() async throws {
        let store = TenantStore(database: try CorridorDatabase.inMemory())
        try await store.createEnterprise(try enterprise("beta"))
        try await store.createEnterprise(try enterprise("alpha"))
        await #expect(throws: TenantError.enterpriseExists(try EnterpriseID("alpha"))) { try await store.createEnterprise(try enterprise("alpha")) }
        #expect(try await store.enterprises().map(\.id.rawValue) == ["alpha", "beta"])
        #expect(try await store.enterprise(try EnterpriseID("alpha"))?.name == "Enterprise alpha")
        #expect(try await store.enterprise(try EnterpriseID("gamma")) == nil)
    }

    @Test("keys belong to an existing enterprise and are scoped to it")
    func keys() async throws {
        let store = TenantStore(database: try CorridorDatabase.inMemory())
        try await store.createEnterprise(try enterprise("alpha"))
        try await store.createEnterprise(try enterprise("beta"))
        await #expect(throws: TenantError.enterpriseNotFound(try EnterpriseID("nobody"))) { try await store.storeKey(try key("k1", of: "nobody")) }
        try await store.storeKey(try key("k1", of: "alpha"))
        try await store.storeKey(try key("k2", of: "beta"))
        #expect(try await store.keys(of: try EnterpriseID("alpha")).map(\.id) == ["k1"])
        let stored = try #require(try await store.key(id: "k1"))
        #expect(stored.createdAt == Date(timeIntervalSince1970: 1_780_000_000))
        #expect(stored.isActive)
        // beta cannot revoke alpha's key.
        await #expect(throws: TenantError.keyNotFound("k1")) {
            try await store.revokeKey(id: "k1", of: try EnterpriseID("beta"), at: Date())
        }
        #expect(try await store.key(id: "k1")?.isActive == true)
        try await store.revokeKey(id: "k1", of: try EnterpriseID("alpha"), at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try await store.key(id: "k1")?.revokedAt == Date(timeIntervalSince1970: 1_790_000_000))
    }
}
