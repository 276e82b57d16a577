import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorRules
import CorridorStore
import Foundation

/// `corridor-rules replay ID`
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a recorded quote or origin determination with its recorded inputs, reference data and pack texts; exits 1 unless the output is identical byte for byte.")
    @Argument(help: "The decision id (decision_id of a quote or an origin determination).") var id: String
    @Option(help: "table | json.") var format: OutputFormat = .table
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let db = try database.open(mustExist: true)
        let result: ReplayResult
        do { result = try await QuoteDesk.replay(id: id, log: SQLiteDecisionLog(database: db)) } catch { throw CLIError(error.description) }
        if format == .json {
            try printJSON(result)
        } else {
            print("\(result.id): \(result.identical ? "identical" : "DIFFERENT") (\(result.replayed.count) bytes)")
            for p in result.packs { print("pack\t\(p.id) \(p.version) \(p.sha256)") }
            if !result.identical {
                print("recorded: " + String(decoding: result.recorded, as: UTF8.self))
                print("replayed: " + String(decoding: result.replayed, as: UTF8.self))
            }
        }
        if !result.identical { throw ExitCode.failure }
    }
}
