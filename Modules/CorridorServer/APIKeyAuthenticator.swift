public import CorridorModel
public import Hummingbird
import Foundation
import HTTPTypes
import Logging

/// Authenticates `/v1` requests by API key, from `Authorization: Bearer <key>` or `X-API-Key: <key>`.
/// A missing, malformed, unknown or revoked key gets 401.
public struct APIKeyAuthenticator: RouterMiddleware {
    public typealias Context = CorridorRequestContext

    private let tenants: any TenantDirectory

    /// Authenticates against `tenants`.
    public init(tenants: any TenantDirectory) {
        self.tenants = tenants
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let key = Self.presentedKey(request) else {
            throw Problem.unauthorized("send an API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'")
        }
        guard let id = APIKeys.keyID(of: key), let record = try await tenants.key(id: id), APIKeys.matches(key, record) else {
            throw Problem.unauthorized("the API key is not valid")
        }
        guard record.isActive else { throw Problem.unauthorized("the API key \(id) has been revoked") }
        var context = context
        context.identity = Identity(keyID: record.id, enterprise: record.enterprise, role: record.role)
        context.logger[metadataKey: "enterprise"] = .string(record.enterprise.rawValue)
        return try await next(request, context)
    }

    static func presentedKey(_ request: Request) -> String? {
        if let auth = request.headers[.authorization] {
            let parts = auth.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return parts[1].trimmingCharacters(in: .whitespaces) }
        }
        // A proxy may add its own (non-Bearer) Authorization; the API key header still counts.
        if let name = HTTPField.Name("X-API-Key"), let key = request.headers[name] { return key }
        return nil
    }
}
