import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Foundation

/// `corridor-ledger verify-bundle FILE --key PUB`: offline, with nothing but the log's public key.
struct VerifyBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-bundle", abstract: "Verify an evidence bundle offline against the log's public key.")

    @Argument(help: "The bundle file.") var file: String
    @Option(help: "The log's verifier key file (log.pub).") var key: String
    @Option(help: "A witness verifier key whose cosignature is required (repeatable).") var witness: [String] = []
    @Option(help: "The document, to check it against the statement's SHA-256.") var document: String?

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("cannot read \(file)") }
        let bundle: EvidenceBundle
        do {
            bundle = try JSONDecoder().decode(EvidenceBundle.self, from: data)
        } catch {
            throw CLIError("\(file) is not an evidence bundle: \(error)")
        }
        let canonical = bundle.canonicalJSON
        guard data == canonical || data == canonical + Data("\n".utf8) else {
            throw CLIError("\(file) is not byte for byte the bundle it encodes (whitespace or layout changed); re-export it")
        }
        do {
            try bundle.verify(logKey: try loadKey(key), witnesses: try witness.map(loadKey))
        } catch let error as LedgerError {
            throw CLIError(error.description)
        }
        if let document {
            guard let bytes = FileManager.default.contents(atPath: document) else { throw CLIError("cannot read \(document)") }
            let hash = sha256Hex(bytes)
            guard bundle.statement?.sha256 == hash else { throw CLIError("\(document) is not the document recorded (SHA-256 \(hash))") }
        }
        print("OK: entry \(bundle.index) is in the log at size \(bundle.treeSize), signed by \(try loadKey(key).name)")
    }
}
