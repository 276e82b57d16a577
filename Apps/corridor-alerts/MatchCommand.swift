import CorridorCommandLine
import ArgumentParser
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts match`
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Show the alerts a feed page would raise, per enterprise, with the SKUs affected and the reasons.",
        discussion: """
            --portfolios is a JSON array of {"enterprise","skus":[{"id","hs6","markets"}],"subscriptions":[{"id","hs","markets","measures","min_severity","keywords"}]}.
            With --database, products recorded in HS 2012 or HS 2017 are first brought to HS 2022 through the correlation tables.
            Nothing is stored: this shows what `ingest --database` would record.
            """
    )

    @Option(help: "The event page or file.") var eventFile: String
    @Option(help: "federal-register | eurlex | wto | gta | csv | json | rule-pack.") var source: Source = .json
    @Option(help: "Enterprises, SKUs and subscriptions (JSON); without it, those stored in --database.") var portfolios: String?
    @Option(help: "A Corridor database: its correlation tables, and its portfolios when --portfolios is not given.") var database: String?
    @Option(help: "json | table.") var format: String = "table"

    struct Output: Encodable {
        let alerts: [AlertMatch]
        let reconciliation: [String: [HSReconciler.Result]]
        let rejected: [RejectedRecord]
        let warnings: [String]
    }

    func run() async throws {
        let report = try read(source, file: eventFile)
        // The database: --database, else $CORRIDOR_DATABASE or corridor.sqlite when it exists.
        let fallback = ProcessInfo.processInfo.environment["CORRIDOR_DATABASE"] ?? "corridor.sqlite"
        let storePath = database ?? (FileManager.default.fileExists(atPath: fallback) ? fallback : nil)
        var list: [Portfolio]
        if let portfolios {
            do {
                list = try JSONDecoder().decode([Portfolio].self, from: Data(contentsOf: URL(fileURLWithPath: portfolios)))
            } catch {
                throw CLIError("\(portfolios): not a portfolio list (\(error))")
            }
        } else {
            guard let storePath else {
                throw CLIError("no portfolios: give --portfolios FILE, or --database PATH holding portfolios (corridor-alerts portfolio import)")
            }
            list = try await SQLiteAlertStore(database: try CorridorDatabase(path: storePath)).portfolios()
        }
        for p in list {
            do { try p.validate() } catch { throw CLIError(error.description) }
        }
        // A dry run: the same ingest as `ingest --database`, into a scratch store, so nothing is kept.
        let scratch: CorridorDatabase
        do { scratch = try CorridorDatabase.inMemory() } catch { throw CLIError(error.description) }
        let reference = try storePath.map { ReferenceStore(database: try CorridorDatabase(path: $0)) }
        let outcome = try await AlertIngestor.make(store: SQLiteAlertStore(database: scratch), reference: reference, portfolios: list)
            .ingest(report.events, at: Date())
        let (alerts, notes, warnings) = (outcome.alerts, outcome.reconciliation, outcome.warnings)
        let output = Output(alerts: alerts, reconciliation: notes, rejected: report.rejected, warnings: warnings)
        if format == "json" {
            try printJSON(output)
        } else {
            for a in alerts {
                print("\(a.enterprise)/\(a.subscription) ← \(a.eventID) [\(a.severity.rawValue)] \(a.title)")
                for s in a.skus { print("   \(s.sku): " + s.reasons.joined(separator: "; ")) }
                for r in a.reasons { print("   why: \(r)") }
            }
            for r in report.rejected { print("rejected \(r.recordID): \(r.reason)") }
            for w in warnings { print("warning: \(w)") }
            print("\(alerts.count) alert(s) from \(report.events.count) event(s)")
        }
    }
}
