import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts list`
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recorded alerts, newest first.")

    @Option(help: "Only this enterprise.") var enterprise: String?
    @Option(help: "Only at or above: low | medium | high | critical.") var minSeverity: String?
    @Option(help: "Only this measure type.") var measure: String?
    @Option(help: "At most this many (1–500).") var limit: Int = 50
    @Option(help: "Only alerts with an id below this (the previous page's last id).") var before: Int64?
    @OptionGroup var database: DatabaseOptions
    @Option(help: "json | table.") var format: String = "table"

    struct Row: Encodable {
        let id: Int64
        let createdAt: Date
        let match: AlertMatch
        let event: PolicyEvent
    }

    func run() async throws {
        let severity = try minSeverity.map { text in
            guard let s = AlertSeverity(rawValue: text) else { throw CLIError("--min-severity '\(text)' is not low, medium, high or critical") }
            return s
        }
        let measureType = try measure.map { text in
            guard let m = MeasureType(rawValue: text) else {
                throw CLIError("--measure '\(text)' is not one of \(MeasureType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return m
        }
        let alerts = try await SQLiteAlertStore(database: try database.open(mustExist: true))
            .alerts(AlertQuery(enterprise: enterprise, minSeverity: severity, measure: measureType, before: before, limit: limit))
        if format == "json" {
            try printJSON(alerts.map { Row(id: $0.id, createdAt: $0.createdAt, match: $0.match, event: $0.event) })
            return
        }
        for a in alerts {
            print("\(a.id)\t\(a.match.enterprise)/\(a.match.subscription)\t\(a.event.severity.rawValue)\t\(a.event.measure.rawValue)\t\(a.event.key)\t\(a.event.title)")
        }
        print("\(alerts.count) alert(s)")
    }
}
