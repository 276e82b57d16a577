import ArgumentParser
import CorridorCommandLine
import CorridorLedger

/// `corridor-ledger prove INDEX`.
struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prove", abstract: "Print the inclusion proof of an entry.")

    @OptionGroup var options: LogOptions
    @Argument(help: "The entry's index.") var index: UInt64
    @Option(help: "The tree size to prove against (default: the current size).") var size: UInt64?
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        let proof = try await options.open().inclusion(index: index, size: size)
        switch format {
        case .json: try printJSON(proof)
        case .table:
            print("index \(proof.index) in tree of \(proof.treeSize)\nleaf  \(proof.leafHash)\nroot  \(proof.root)")
            for h in proof.proof { print("  \(h)") }
        }
    }
}
