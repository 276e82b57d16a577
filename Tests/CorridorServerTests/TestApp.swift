import CorridorAlerts
import CorridorClassification
import CorridorFinance
import CorridorLogistics
import CorridorLedger
import CorridorModel
import CorridorServer
import CorridorStore
import CorridorTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// The real application on the real reference data, with a fresh tenant database per test and
/// keys for each role. No socket is opened.
struct TestApp {
    struct Keys: Sendable {
        let admin: String
        let alpha: String
        let beta: String
        let auditor: String
        let revoked: String
    }

    let services: CorridorServices
    let keys: Keys
    let ledger: LedgerService
    /// FX rates and a scorecard for the risk routes (absent unless a test sets them).
    var finance: FinanceService?
    /// The sea network and planner for the route endpoints (absent unless a test sets them).
    var logistics: LogisticsService?
    /// Alerts on a fresh in-memory store.
    var alerts: AlertService?
    /// Rule packs and quotes (absent unless a test sets them).
    var rules: RulesService?
    /// The classifier (absent unless a test sets it).
    var classification: ClassificationService?

    /// - Parameter referenceData: false gives an empty reference store, for tests of auth and
    ///   tenants that must run even where ../shared/data is absent.
    static func make(referenceData: Bool = true) async throws -> TestApp {
        let tenants = TenantStore(database: try CorridorDatabase.inMemory())
        let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28
        func register(_ id: String, _ tier: EnterpriseTier) async throws {
            try await tenants.createEnterprise(Enterprise(id: EnterpriseID(id), name: "\(id) Ltd", tier: tier, country: CountryCode("CN")))
        }
        func issue(_ owner: String, _ role: Role) async throws -> String {
            let issued = APIKeys.issue(enterprise: try EnterpriseID(owner), role: role, label: "test", at: now)
            try await tenants.storeKey(issued.record)
            return issued.key
        }
        try await register("zone", .leading)
        try await register("alpha", .sme)
        try await register("beta", .micro)
        try await register("audit-office", .leading)
        let revoked = try await issue("alpha", .enterprise)
        _ = try await issue("alpha", .auditor)  // a more powerful key the zone issued to alpha
        let revokedID = try requireValue(APIKeys.keyID(of: revoked))
        try await tenants.revokeKey(id: revokedID, of: EnterpriseID("alpha"), at: now)
        let keys = Keys(admin: try await issue("zone", .zoneAdmin), alpha: try await issue("alpha", .enterprise),
                        beta: try await issue("beta", .enterprise), auditor: try await issue("audit-office", .auditor), revoked: revoked)
        let reference = ReferenceStore(database: referenceData ? try await ReferenceFixture.database() : try CorridorDatabase.inMemory())
        let ledgerDatabase = try CorridorDatabase.inMemory()
        let ledger = LedgerService(log: EvidenceLog(store: SQLiteLedgerStore(database: ledgerDatabase)),
                                   key: try NoteKey.generate(name: "corridor.test/evidence"),
                                   counters: SQLiteTransferCounterStore(database: ledgerDatabase))
        return TestApp(services: CorridorServices(reference: reference, tenants: tenants, now: { now }), keys: keys, ledger: ledger,
                       alerts: AlertService(store: SQLiteAlertStore(database: try CorridorDatabase.inMemory()), reference: reference))
    }

    var router: Router<CorridorRequestContext> { CorridorApplication.router(services: services, ledger: ledger, finance: finance, logistics: logistics, alerts: alerts, rules: rules,
                                                                         classification: classification) }

    /// Runs `body` against the application through HummingbirdTesting's in-process router client.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: router)
        try await app.test(.router, body)
    }
}

func auth(_ key: String) -> HTTPFields { [.authorization: "Bearer \(key)"] }

func json(_ body: [String: Any]) throws -> ByteBuffer {
    ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
}

extension TestResponse {
    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        guard let object = value as? [String: Any] else { throw Unexpected(text: String(buffer: body)) }
        return object
    }

    /// The body as a JSON array.
    func array() throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        guard let array = value as? [[String: Any]] else { throw Unexpected(text: String(buffer: body)) }
        return array
    }

    var isProblem: Bool { headers[.contentType] == "application/problem+json" }
}

struct Unexpected: Error { let text: String }

func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw Unexpected(text: "nil") }
    return value
}
