import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Foundation

/// `corridor-ledger cosign --checkpoint FILE --key WITNESS.key --log-key LOG.pub`: a witness adds its signature.
struct CosignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign", abstract: "Add a witness signature to a checkpoint after verifying the log's own.")

    @Option(help: "The checkpoint note to cosign.") var checkpoint: String
    @Option(help: "The witness's signer key file.") var key: String
    @Option(name: .customLong("log-key"), help: "The log's verifier key file.") var logKey: String

    func run() async throws {
        guard let text = try? String(contentsOfFile: checkpoint, encoding: .utf8) else { throw CLIError("cannot read \(checkpoint)") }
        do {
            let note = try Checkpoint(note: text)
            try note.verify(logKey: try loadKey(logKey))
            print(try note.signed(by: try loadKey(key)).note, terminator: "")
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
    }
}
