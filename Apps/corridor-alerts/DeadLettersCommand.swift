import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts deadletters list|retry`
struct DeadLettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadletters",
        abstract: "Deliveries that failed for good (a 4xx, or retries exhausted): list them, or put one back in the outbox.",
        subcommands: [List.self, Retry.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dead letters.")
        @Option(help: "Only this enterprise.") var enterprise: String?
        @OptionGroup var database: DatabaseOptions
        @Option(help: "json | table.") var format: String = "table"

        func run() async throws {
            let dead = try await SQLiteAlertStore(database: try database.open(mustExist: true)).deadLetters(enterprise: enterprise)
            if format == "json" {
                try printJSON(dead)
                return
            }
            for d in dead {
                print("\(d.id)\t\(d.enterprise)/\(d.subscription)\t\(d.url)\tattempts \(d.attempts)\t\(d.failedAt.formatted(.iso8601))\t\(d.reason)")
            }
            print("\(dead.count) dead letter(s)")
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put a dead letter back in the outbox (same Idempotency-Key); `run` sends it.")
        @Argument(help: "The dead letter's id.") var id: Int64
        @Option(help: "The enterprise it belongs to.") var enterprise: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            guard try await SQLiteAlertStore(database: try database.open(mustExist: true)).retryDeadLetter(id: id, enterprise: enterprise, at: Date()) else {
                throw CLIError("no dead letter \(id)\(enterprise.map { " of \($0)" } ?? "")")
            }
            print("requeued \(id)")
        }
    }
}
