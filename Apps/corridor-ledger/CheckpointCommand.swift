import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Foundation

/// `corridor-ledger checkpoint`: sign the current tree head.
struct CheckpointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "checkpoint", abstract: "Sign and print a checkpoint of the current tree.")

    @OptionGroup var options: LogOptions
    @Option(help: "table (the note) or json.") var format: Format = .table

    func run() async throws {
        let checkpoint = try await signedCheckpoint(options)
        switch format {
        case .json:
            struct View: Encodable { let size: UInt64; let root: MerkleHash; let note: String }
            try printJSON(View(size: checkpoint.size, root: checkpoint.root, note: checkpoint.note))
        case .table:
            print(checkpoint.note, terminator: "")
        }
    }
}

/// A checkpoint of the log's current size, signed with its key.
/// The latest one is kept in DIR/checkpoint, so that `fsck` can check the entries against it.
func signedCheckpoint(_ options: LogOptions) async throws -> Checkpoint {
    let key = try options.signingKey()
    let head = try await options.open().root()
    let checkpoint = try Checkpoint(origin: key.name, size: head.size, root: head.root).signed(by: key)
    try checkpoint.note.write(toFile: options.checkpointPath, atomically: true, encoding: .utf8)
    return checkpoint
}

/// The last checkpoint this log signed, verified with its key; nil before the first.
func lastCheckpoint(_ options: LogOptions) throws -> Checkpoint? {
    guard let text = try? String(contentsOfFile: options.checkpointPath, encoding: .utf8) else { return nil }
    do {
        let checkpoint = try Checkpoint(note: text)
        try checkpoint.verify(logKey: try loadKey(options.publicKeyPath))
        return checkpoint
    } catch let error as LedgerError {
        throw CLIError("\(options.checkpointPath): \(error.description)")
    }
}
