import ArgumentParser
import CorridorCommandLine
import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation
import Yams

/// The feed formats.
enum Source: String, ExpressibleByArgument, CaseIterable {
    case federalRegister = "federal-register", eurlex, wto, gta, csv, json, rulePack = "rule-pack"
}

/// Reads a feed file into events and rejections.
func read(_ source: Source, file: String) throws -> IngestReport {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("cannot read \(file): \(error.localizedDescription)") }
    return try parsePage(source, data: data, name: file)
}

/// Parses a page in a feed format.
func parsePage(_ source: Source, data: Data, name: String) throws -> IngestReport {
    guard let format = FeedFormat(rawValue: source.rawValue) else { throw CLIError("unknown source \(source.rawValue)") }
    do {
        return try format.parse(data)
    } catch {
        throw CLIError("\(name): \(error.description)")
    }
}

/// `--config`: the pipeline settings (YAML or JSON, Alertmanager names).
struct PipelineOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Pipeline settings: group_by, group_wait, group_interval, repeat_interval, reminder_days, inhibit_rules, retry (YAML).",
                               valueName: "path"))
    var config: String?

    func load() throws -> PipelineConfiguration {
        guard let config else { return PipelineConfiguration() }
        let text: String
        do { text = try String(contentsOfFile: config, encoding: .utf8) } catch { throw CLIError("cannot read \(config): \(error.localizedDescription)") }
        let configuration: PipelineConfiguration
        do {
            configuration = try YAMLDecoder().decode(PipelineConfiguration.self, from: text)
        } catch {
            throw CLIError("\(config): \(error)")
        }
        do { try configuration.validate() } catch { throw CLIError("\(config): \(error.description)") }
        return configuration
    }
}

/// Stores a page's events in `database` and records the alerts they raise against the stored portfolios.
func ingestStored(_ report: IngestReport, database: CorridorDatabase, configuration: PipelineConfiguration) async throws -> IngestSummary {
    let ingestor = try await AlertIngestor.make(store: SQLiteAlertStore(database: database), reference: ReferenceStore(database: database),
                                                alertLifetime: configuration.alertLifetime)
    return IngestSummary(try await ingestor.ingest(report.events, at: Date()), report: report)
}

/// Prints a stored ingest as JSON or a short table.
func show(_ result: IngestSummary, format: String) throws {
    if format == "json" {
        try printJSON(result)
        return
    }
    for a in result.alerts { print("alert \(a.enterprise)/\(a.subscription) ← \(a.eventID) [\(a.severity.rawValue)] \(a.title)") }
    for r in result.rejected { print("rejected \(r.recordID): \(r.reason)") }
    for w in result.warnings { print("warning: \(w)") }
    print("\(result.inserted) new, \(result.updated) updated, \(result.unchanged) unchanged event(s); \(result.alerts.count) alert(s); \(result.rejected.count) rejected")
}
