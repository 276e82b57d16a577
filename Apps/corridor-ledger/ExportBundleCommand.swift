import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorModel
import Foundation

/// `corridor-ledger export-bundle INDEX`.
struct ExportBundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-bundle", abstract: "Write an entry's evidence bundle: data, proof and a freshly signed checkpoint.")

    @OptionGroup var options: LogOptions
    @Argument(help: "The entry's index.") var index: UInt64
    @Option(help: "Write the bundle here instead of standard output.") var output: String?

    func run() async throws {
        let log = try options.open()
        let checkpoint = try await signedCheckpoint(options)
        let proof = try await log.inclusion(index: index, size: checkpoint.size)
        guard let entry = try await log.entry(index) else { throw CLIError("no entry \(index)") }
        let bundle = EvidenceBundle(index: index, data: entry.data, proof: proof, checkpoint: checkpoint)
        let data = bundle.canonicalJSON
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
        } else {
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
