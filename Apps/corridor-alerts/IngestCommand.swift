import CorridorCommandLine
import ArgumentParser
import CorridorAlerts
import CorridorModel
import Foundation

/// `corridor-alerts ingest`
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read a feed page and print its events and the records rejected, with their ids and reasons."
    )

    @Option(help: "federal-register | eurlex | csv | json | rule-pack.") var source: Source
    @Option(help: "The page or file.") var file: String
    @Option(help: "json | table.") var format: String = "table"

    func run() async throws {
        let report = try read(source, file: file)
        if format == "json" {
            try printJSON(report)
        } else {
            for e in report.events {
                let products = e.products.map { "\($0.code.digits)/\($0.version.rawValue)" }.joined(separator: ",")
                print("\(e.source):\(e.sourceID)\t\(e.measure.rawValue)\t\(e.severity.rawValue)\t\(e.implementing.joined(separator: ","))\t\(products)\t\(e.title)")
            }
            for r in report.rejected { print("rejected \(r.recordID): \(r.reason)") }
            print("\(report.events.count) event(s), \(report.rejected.count) rejected")
        }
    }
}
