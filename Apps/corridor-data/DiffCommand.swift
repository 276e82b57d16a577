import CorridorCommandLine
import Foundation
import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridor-data diff OLD NEW`.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List lines added, removed, re-described or re-rated between two releases of one national tariff.")

    @Argument(help: "The older release, e.g. us-hts-2025r13.")
    var old: String

    @Argument(help: "The newer release, e.g. us-hts-2026r4.")
    var new: String

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, help: "table, json or csv.")
    var format: OutputFormat = .table

    func run() async throws {
        let store = ReferenceStore(database: try db.open(mustExist: true))
        let diff = try await query { () async throws(ReferenceDataError) in try await store.diff(from: old, to: new) }
        let counts = diff.counts
        switch format {
        case .json:
            try printJSON(diff)
        case .csv:
            print("kind,code,field,before,after")
            for c in diff.changes {
                print([c.kind.rawValue, c.code.digits, c.field, c.before, c.after].map(csvField).joined(separator: ","))
            }
        case .table:
            print("\(diff.from) → \(diff.to): " + TariffChange.Kind.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
            for c in diff.changes {
                let detail = c.field.map { "\($0): \(c.before ?? "∅") → \(c.after ?? "∅")" } ?? (c.after ?? c.before ?? "")
                print("\(c.kind.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)) \(c.code.dotted.padding(toLength: 14, withPad: " ", startingAt: 0)) \(detail)")
            }
        }
    }
}
