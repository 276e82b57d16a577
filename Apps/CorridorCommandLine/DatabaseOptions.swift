public import ArgumentParser
public import CorridorStore
import Foundation

/// The `--database` option the CLIs share (default: `$CORRIDOR_DATABASE`, else `corridor.sqlite`).
public struct DatabaseOptions: ParsableArguments {
    /// The database file.
    @Option(name: .long, help: ArgumentHelp("SQLite database file (default: $CORRIDOR_DATABASE, else corridor.sqlite).", valueName: "path"))
    public var database: String = ProcessInfo.processInfo.environment["CORRIDOR_DATABASE"] ?? "corridor.sqlite"

    /// Creates the options (ArgumentParser fills them in).
    public init() {}

    /// Opens the database; a query command refuses to create an empty one by accident.
    public func open(mustExist: Bool) throws -> CorridorDatabase {
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
