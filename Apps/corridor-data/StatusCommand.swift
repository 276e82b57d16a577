import CorridorCommandLine
import Foundation
import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridor-data status`.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "List the imported sources with their SHA-256, row counts and import times, and the releases held.")

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func run() async throws {
        let store = ReferenceStore(database: try db.open(mustExist: true))
        let sources = try await query { () async throws(ReferenceDataError) in try await store.sources() }
        let releases = try await query { () async throws(ReferenceDataError) in try await store.releases() }
        struct Source: Encodable { let dataset: String, location: String, sha256: String, rows: Int, importedAt: String }
        struct View: Encodable { let sources: [Source], releases: [NomenclatureRelease] }
        switch format {
        case .json:
            try printJSON(View(sources: sources.map { Source(dataset: $0.dataset, location: $0.location, sha256: $0.sha256, rows: $0.rows, importedAt: $0.importedAt) },
                               releases: releases))
        case .table, .csv:
            for s in sources { print("\(s.dataset.padding(toLength: 26, withPad: " ", startingAt: 0)) \(String(s.rows).padding(toLength: 7, withPad: " ", startingAt: 0)) \(s.sha256.prefix(16))…  \(s.importedAt)  \(s.location)") }
            for r in releases { print("release \(r.id): \(r.title), in force from \(r.effectiveFrom) (\(r.effectiveDateSource))") }
        }
    }
}
