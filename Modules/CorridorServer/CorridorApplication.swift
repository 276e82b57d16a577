import CorridorClassification
import CorridorFinance
import CorridorLogistics
import CorridorModel
import CorridorLedger
import CorridorRules
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
    public static func router(services: CorridorServices, ledger: LedgerService? = nil, finance: FinanceService? = nil,
                              logistics: LogisticsService? = nil, alerts: AlertService? = nil, rules: RulesService? = nil,
                              classification: ClassificationService? = nil) -> Router<CorridorRequestContext> {
        let router = Router(context: CorridorRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: services.metrics))
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: ProblemMiddleware())
        SystemRoutes.add(to: router, services: services)
        let v1 = router.group("v1").add(middleware: APIKeyAuthenticator(tenants: services.tenants))
        ReferenceRoutes.add(to: v1, services: services)
        TenantRoutes.add(to: v1, services: services)
        if let ledger { EvidenceRoutes.add(to: v1, services: services, ledger: ledger) }
        RiskRoutes.add(to: v1, finance: finance ?? FinanceService(
            rates: .failure(.malformedFile(file: "finance data", line: 0, reason: "not loaded in this application")),
            scorecard: .failure(.incompatibleModel("no scorecard is configured"))))
        RouteRoutes.add(to: v1, services: services, logistics: logistics ?? LogisticsService(
            planner: .failure(.malformedFile(file: "logistics data", line: 0, reason: "not loaded in this application"))))
        if let alerts { AlertRoutes.add(to: v1, services: services, alerts: alerts) }
        RulesRoutes.add(to: v1, services: services, rules: rules ?? RulesService(desk: .failure(.unreadableFile("rule packs", reason: "not loaded in this application"))))
        ClassificationRoutes.add(to: v1, services: services, classification: classification ?? ClassificationService(path: nil))
        return router
    }

    /// The application for a configuration: opens (and migrates) the database and binds the address.
    public static func make(configuration: ServerConfiguration, logger: Logger) throws -> some ApplicationProtocol {
        let database = try CorridorDatabase(path: configuration.database)
        return try application(configuration: configuration, database: database, logger: logger)
    }

    private static func application(configuration: ServerConfiguration, database: CorridorDatabase, logger: Logger) throws -> some ApplicationProtocol {
        let services = CorridorServices(reference: ReferenceStore(database: database), tenants: TenantStore(database: database),
                                        timeZone: TimeZone(identifier: configuration.timeZone) ?? .current)
        let key = try LedgerService.loadOrCreateKey(path: configuration.ledgerKey, origin: configuration.ledgerOrigin)
        let ledger = LedgerService(log: EvidenceLog(store: SQLiteLedgerStore(database: database)), key: key,
                                   counters: SQLiteTransferCounterStore(database: database))
        // The ECB history is read once for both engines; if it cannot be read, each service reports why.
        let ecbFile = URL(fileURLWithPath: configuration.data, isDirectory: true).appendingPathComponent(FXRates.ecbFile)
        let ecb = (try? String(contentsOf: ecbFile, encoding: .utf8)).flatMap { try? ECBRateHistory(text: $0) }
        let finance = FinanceService.load(dataDirectory: configuration.data, ecb: ecb, scorecardPath: configuration.scorecard, logger: logger)
        let logistics = LogisticsService.load(dataDirectory: configuration.data, logger: logger)
        let alerts = AlertService(store: SQLiteAlertStore(database: database), reference: services.reference,
                                  configuration: try configuration.alertPipeline())
        let rules = RulesService.load(packsDirectory: configuration.rulePacks, dataDirectory: configuration.data, ecb: ecb, reference: services.reference,
                                      log: SQLiteDecisionLog(database: database), originRules: configuration.originRules, logger: logger)
        let classification = ClassificationService(path: configuration.classifierModel, logger: logger)
        var background: [any Service] = configuration.alertsDelivery ? [alerts.deliveryService(logger: logger)] : []
        if configuration.classifierModel != nil { background.append(classification.reloadService(logger: logger)) }
        return Application(
            router: router(services: services, ledger: ledger, finance: finance, logistics: logistics, alerts: alerts, rules: rules,
                           classification: classification),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "corridord"),
            services: background,
            logger: logger)
    }

    /// Runs the application for `configuration` until SIGTERM or SIGINT. Shutdown is graceful
    /// (swift-service-lifecycle): the listener closes and in-flight requests finish.
    ///
    /// A database that holds no reference data yet is first loaded from the configured data
    /// directory, so that a new deployment answers lookups from its first request.
    public static func run(configuration: ServerConfiguration, logger: Logger) async throws {
        let database = try CorridorDatabase(path: configuration.database)
        try await importReferenceDataIfEmpty(database: database, from: configuration.data, logger: logger)
        let app = try application(configuration: configuration, database: database, logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    /// Imports every dataset found in `directory` when the database holds no release yet. A failed
    /// source stops start-up; a missing directory only warns (the API then answers 404 until
    /// `corridor-data import` runs).
    static func importReferenceDataIfEmpty(database: CorridorDatabase, from directory: String, logger: Logger) async throws {
        guard try await ReferenceStore(database: database).releases().isEmpty else { return }
        let location: DataLocation
        do {
            location = try DataLocation(parsing: directory)
        } catch {
            logger.warning("no reference data in the database and none at the data directory", metadata: ["data": "\(directory)"])
            return
        }
        logger.info("importing reference data", metadata: ["from": "\(location)"])
        let reports = await ReferenceImporter(database: database).importAll(from: location, importedAt: Date())
        for r in reports {
            logger.info("import", metadata: ["dataset": "\(r.dataset)", "status": "\(r.status.rawValue)", "rows": "\(r.rows)"])
        }
        if let failed = reports.first(where: { $0.status == .failed }) {
            throw ImportFailed(report: failed)
        }
    }

    /// Start-up stopped because a reference file is malformed.
    struct ImportFailed: Error, CustomStringConvertible {
        let report: ImportReport
        var description: String { "reference data import failed: \(report.message ?? report.dataset)" }
    }
}
