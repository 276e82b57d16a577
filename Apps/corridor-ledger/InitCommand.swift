import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorStore
import Foundation

/// `corridor-ledger init --log DIR --origin NAME`.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a log and its signing key.")

    @OptionGroup var options: LogOptions
    @Option(help: "The log's origin: the name in its checkpoints, e.g. corridor.example/evidence.") var origin: String

    func run() async throws {
        let fm = FileManager.default
        guard !fm.fileExists(atPath: options.databasePath) else { throw CLIError("a log already exists at \(options.log)") }
        try fm.createDirectory(at: options.directory, withIntermediateDirectories: true)
        let key: NoteKey
        do {
            key = try NoteKey.generate(name: origin)
        } catch {
            throw ValidationError(error.description)
        }
        guard let secret = key.signerKey else { throw CLIError("key generation failed") }
        try writeSecret(secret + "\n", to: options.keyPath)
        try (key.verifierKey + "\n").write(toFile: options.publicKeyPath, atomically: true, encoding: .utf8)
        do {
            _ = try CorridorDatabase(path: options.databasePath)
        } catch {
            throw CLIError(error.description)
        }
        print(key.verifierKey)
        FileHandle.standardError.write(Data("created log \(origin) in \(options.log); publish log.pub, keep log.key secret\n".utf8))
    }
}
