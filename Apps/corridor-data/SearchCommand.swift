import CorridorCommandLine
import Foundation
import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridor-data search "TEXT"`.
struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over nomenclature descriptions, best match first.")

    @Argument(help: "Words to search for, e.g. \"bluetooth headphones\".")
    var text: String

    @Option(name: .long, help: "At most this many results (1–500).")
    var limit: Int = 20

    @Option(name: .long, help: "Search one release only (hs2022, us-hts-2026r4, ...).")
    var version: String?

    @OptionGroup var db: DatabaseOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500") }
    }

    func run() async throws {
        let store = ReferenceStore(database: try db.open(mustExist: true))
        let hits = try await query { () async throws(ReferenceDataError) in
            try await store.search(text, release: version, limit: limit)
        }
        struct Hit: Encodable {
            let code: String, dotted: String, release: String, description: String, fullDescription: String, score: Double
        }
        struct Result: Encodable { let query: String, results: [Hit] }
        switch format {
        case .json:
            try printJSON(Result(query: text, results: hits.map {
                Hit(code: $0.entry.code.digits, dotted: $0.entry.code.dotted, release: $0.entry.release,
                    description: $0.entry.description, fullDescription: $0.entry.fullDescription, score: $0.score)
            }))
        case .table, .csv:
            if hits.isEmpty { print("no matches for '\(text)'") }
            for h in hits {
                print("\(h.entry.release.padding(toLength: 15, withPad: " ", startingAt: 0)) \(h.entry.code.dotted.padding(toLength: 14, withPad: " ", startingAt: 0)) \(h.entry.fullDescription)")
            }
        }
    }
}
