import CorridorModel
import Hummingbird
import Foundation
import Logging

/// `/v1/me`, `/v1/enterprises/...`: tenants and their API keys, scoped by role and enterprise.
enum TenantRoutes {
    struct Me: Encodable, Sendable {
        let keyID: String
        let role: Role
        let enterprise: Enterprise?
    }

    struct NewKey: Decodable {
        let role: Role
        let label: String?
    }

    /// A key as listed: never the hash.
    struct KeyView: Encodable, Sendable {
        let id: String
        let enterprise: EnterpriseID
        let role: Role
        let label: String
        let createdAt: Date
        let revokedAt: Date?

        init(_ r: APIKeyRecord) {
            id = r.id
            enterprise = r.enterprise
            role = r.role
            label = r.label
            createdAt = r.createdAt
            revokedAt = r.revokedAt
        }
    }

    /// The one response that carries a key's secret.
    struct IssuedKey: Encodable, Sendable {
        let key: String
        let id: String
        let enterprise: EnterpriseID
        let role: Role
        let label: String
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices) {
        let tenants = services.tenants
        group.get("me") { _, context in
            let identity = try context.requireIdentity()
            return JSONBody(Me(keyID: identity.keyID, role: identity.role, enterprise: try await tenants.enterprise(identity.enterprise)))
        }
        group.get("enterprises") { _, context in
            let identity = try context.requireIdentity()
            guard identity.role != .enterprise else {
                throw Problem.forbidden("listing enterprises needs the zone-admin or auditor role; this key has role enterprise")
            }
            return JSONBody(try await tenants.enterprises())
        }
        group.post("enterprises") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role == .zoneAdmin else {
                throw Problem.forbidden("registering enterprises needs the zone-admin role; this key has role \(identity.role)")
            }
            let enterprise = try await request.decode(as: Enterprise.self, context: context)
            try await tenants.createEnterprise(enterprise)
            return JSONBody(enterprise, status: .created)
        }
        group.get("enterprises/:id") { _, context in
            let id = try owner(context, mustWrite: false)
            guard let enterprise = try await tenants.enterprise(id) else { throw TenantError.enterpriseNotFound(id) }
            return JSONBody(enterprise)
        }
        group.get("enterprises/:id/keys") { _, context in
            let id = try owner(context, mustWrite: false)
            guard try await tenants.enterprise(id) != nil else { throw TenantError.enterpriseNotFound(id) }
            return JSONBody(try await tenants.keys(of: id).map(KeyView.init))
        }
        group.post("enterprises/:id/keys") { request, context in
            let identity = try context.requireIdentity()
            let id = try EnterpriseID(try context.path("id"))
            guard identity.role == .zoneAdmin else {
                throw Problem.forbidden("issuing API keys needs the zone-admin role; this key has role \(identity.role)")
            }
            let body = try await request.decode(as: NewKey.self, context: context)
            let issued = APIKeys.issue(enterprise: id, role: body.role, label: body.label ?? "", at: services.now())
            try await tenants.storeKey(issued.record)
            context.logger.notice("API key issued", metadata: ["key": "\(issued.record.id)", "for": "\(id)", "role": "\(body.role)"])
            return JSONBody(IssuedKey(key: issued.key, id: issued.record.id, enterprise: id, role: body.role, label: issued.record.label),
                            status: .created)
        }
        group.delete("enterprises/:id/keys/:key") { _, context in
            let id = try owner(context, mustWrite: true)
            let key = try context.path("key")
            let identity = try context.requireIdentity()
            // An enterprise's own keys may revoke its enterprise-role keys, never a more powerful key
            // that the zone issued to it (an auditor or zone-admin key); only a zone admin may.
            if identity.role != .zoneAdmin, let target = try await tenants.key(id: key), target.enterprise == id, target.role != .enterprise {
                throw Problem.forbidden("revoking a \(target.role) key needs the zone-admin role")
            }
            try await tenants.revokeKey(id: key, of: id, at: services.now())
            context.logger.notice("API key revoked", metadata: ["key": "\(key)", "for": "\(id)"])
            return Response(status: .noContent)
        }
    }

    /// The enterprise named in the path, after checking the caller may read (or change) its records.
    private static func owner(_ context: CorridorRequestContext, mustWrite: Bool) throws -> EnterpriseID {
        let identity = try context.requireIdentity()
        let id = try EnterpriseID(try context.path("id"))
        let allowed = mustWrite ? identity.mayWrite(id) : identity.mayRead(id)
        guard allowed else {
            throw Problem.forbidden("this key belongs to enterprise \(identity.enterprise) with role \(identity.role) and may not \(mustWrite ? "change" : "read") records of \(id)")
        }
        return id
    }
}
