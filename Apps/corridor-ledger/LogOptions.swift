import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorStore
import Foundation

/// `--log DIR`, shared by the commands that work on a log.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The log's directory.", valueName: "dir"))
    var log: String

    var directory: URL { URL(fileURLWithPath: log, isDirectory: true) }
    var databasePath: String { directory.appendingPathComponent("ledger.sqlite").path }
    var keyPath: String { directory.appendingPathComponent("log.key").path }
    var publicKeyPath: String { directory.appendingPathComponent("log.pub").path }
    var checkpointPath: String { directory.appendingPathComponent("checkpoint").path }

    /// Opens an initialised log.
    func open() throws -> EvidenceLog {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw CLIError("no log at \(log); create one with `corridor-ledger init --log \(log) --origin NAME`")
        }
        do {
            return EvidenceLog(store: SQLiteLedgerStore(database: try CorridorDatabase(path: databasePath)))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// The log's signing key.
    func signingKey() throws -> NoteKey {
        try loadKey(keyPath)
    }
}

/// Reads a signer or verifier key from a file.
func loadKey(_ path: String) throws -> NoteKey {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw CLIError("cannot read key file \(path)") }
    do {
        return try NoteKey(parsing: text)
    } catch {
        throw CLIError("\(path): \(error.description)")
    }
}

/// Creates a file readable by its owner only; an existing file is never overwritten.
func writeSecret(_ text: String, to path: String) throws {
    guard SecretFile.create(path, contents: Array(text.utf8)) else {
        throw CLIError("cannot create \(path): it exists already, or the directory is not writable")
    }
}


/// Table or JSON output.
enum Format: String, ExpressibleByArgument {
    case table, json
}
