import ArgumentParser
import CorridorServer
import CorridorStore
import Foundation

/// `--config` and `--database`, shared by every subcommand.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A YAML configuration file (see Docs/CONFIGURATION.md).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("The SQLite database; overrides the file and CORRIDOR_DATABASE.", valueName: "path"))
    var database: String?

    /// Defaults, then the file, then the environment, then the command line.
    func load() throws -> ServerConfiguration {
        do {
            var configuration = try ServerConfiguration.load(file: config, environment: ProcessInfo.processInfo.environment)
            if let database { configuration.database = database }
            return configuration
        } catch {
            throw ValidationError(error.description)
        }
    }

    func openDatabase() throws -> CorridorDatabase {
        let configuration = try load()
        do {
            return try CorridorDatabase(path: configuration.database)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
