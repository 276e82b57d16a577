public import Hummingbird

/// The request context of every Corridor route: Hummingbird's core storage plus the caller's identity.
public struct CorridorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `APIKeyAuthenticator` for routes under `/v1`.
    public var identity: Identity?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
    }

    /// The caller, or a 401 problem when the route was reached without authentication.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw Problem.unauthorized("an API key is required") }
        return identity
    }
}
