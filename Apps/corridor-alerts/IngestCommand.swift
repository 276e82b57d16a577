import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts ingest`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read a feed page; with --database, store its events (no duplicates) and record the alerts they raise.",
        discussion: "Records that cannot be read are listed with their id and reason; the rest of the page is still ingested."
    )

    @Option(help: "federal-register | eurlex | wto | gta | csv | json | rule-pack.") var source: Source
    @Option(help: "The page or file.") var file: String
    @Option(help: ArgumentHelp("Store events and alerts in this database.", valueName: "path")) var database: String?
    @OptionGroup var pipeline: PipelineOptions
    @Option(help: "json | table.") var format: String = "table"

    func run() async throws {
        let report = try read(source, file: file)
        if let database {
            let db: CorridorDatabase
            do { db = try CorridorDatabase(path: database) } catch { throw CLIError(error.description) }
            try show(try await ingestStored(report, database: db, configuration: try pipeline.load()), format: format)
            return
        }
        if format == "json" {
            try printJSON(report)
        } else {
            for e in report.events {
                let products = e.products.map { "\($0.code.digits)/\($0.version.rawValue)" }.joined(separator: ",")
                print("\(e.key)\t\(e.measure.rawValue)\t\(e.severity.rawValue)\t\(e.stage.rawValue)\t\(e.implementing.joined(separator: ","))\t\(products)\t\(e.title)")
            }
            for r in report.rejected { print("rejected \(r.recordID): \(r.reason)") }
            print("\(report.events.count) event(s), \(report.rejected.count) rejected")
        }
    }
}
