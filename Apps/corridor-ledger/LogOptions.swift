import ArgumentParser
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
            throw LedgerCLIError("no log at \(log); create one with `corridor-ledger init --log \(log) --origin NAME`")
        }
        do {
            return EvidenceLog(store: SQLiteLedgerStore(database: try CorridorDatabase(path: databasePath)))
        } catch {
            throw LedgerCLIError(error.description)
        }
    }

    /// The log's signing key.
    func signingKey() throws -> NoteKey {
        try loadKey(keyPath)
    }
}

/// Reads a signer or verifier key from a file.
func loadKey(_ path: String) throws -> NoteKey {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw LedgerCLIError("cannot read key file \(path)") }
    do {
        return try NoteKey(parsing: text)
    } catch {
        throw LedgerCLIError("\(path): \(error.description)")
    }
}

/// Creates a file readable by its owner only; an existing file is never overwritten.
func writeSecret(_ text: String, to path: String) throws {
    guard SecretFile.create(path, contents: Array(text.utf8)) else {
        throw LedgerCLIError("cannot create \(path): it exists already, or the directory is not writable")
    }
}

/// Prints a value as sorted JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A failure reported as `Error: message` with exit code 1.
struct LedgerCLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Table or JSON output.
enum Format: String, ExpressibleByArgument {
    case table, json
}
