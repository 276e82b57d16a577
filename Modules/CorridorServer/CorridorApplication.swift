import CorridorModel
import CorridorStore
public import Hummingbird
public import Logging
import Foundation
import ServiceLifecycle
import UnixSignals

/// Builds the Corridor HTTP application. `corridord serve` runs it; tests drive it through
/// HummingbirdTesting's router client without opening a socket.
public enum CorridorApplication {
    /// The router with every route and middleware. Routes under `/v1` require an API key.
    public static func router(services: CorridorServices) -> Router<CorridorRequestContext> {
        let router = Router(context: CorridorRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: services.metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        SystemRoutes.add(to: router, services: services)
        let v1 = router.group("v1").add(middleware: APIKeyAuthenticator(tenants: services.tenants))
        ReferenceRoutes.add(to: v1, services: services)
        TenantRoutes.add(to: v1, services: services)
        return router
    }

    /// The application for a configuration: opens (and migrates) the database and binds the address.
    public static func make(configuration: ServerConfiguration, logger: Logger) throws -> some ApplicationProtocol {
        let database = try CorridorDatabase(path: configuration.database)
        let services = CorridorServices(reference: ReferenceStore(database: database), tenants: TenantStore(database: database))
        return Application(
            router: router(services: services),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "corridord"),
            logger: logger)
    }

    /// Runs the application for `configuration` until SIGTERM or SIGINT. Shutdown is graceful
    /// (swift-service-lifecycle): the listener closes and in-flight requests finish.
    public static func run(configuration: ServerConfiguration, logger: Logger) async throws {
        let app = try make(configuration: configuration, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
