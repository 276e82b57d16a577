import CorridorCommandLine
import ArgumentParser
import CorridorStore
import Foundation

/// The `--database` option every subcommand shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite database file.", valueName: "path"))
    var database: String = ProcessInfo.processInfo.environment["CORRIDOR_DATABASE"] ?? "corridor.sqlite"

    /// Opens the database; a query command refuses to create an empty one by accident.
    func open(mustExist: Bool) throws -> CorridorDatabase {
        if mustExist, !FileManager.default.fileExists(atPath: database) {
            throw CLIError("database \(database) does not exist; create it with `corridor-data import --from DIR --database \(database)`")
        }
        do {
            return try CorridorDatabase(path: database)
        } catch {
            throw CLIError(error.description)
        }
    }
}
