import ArgumentParser
import CorridorCommandLine
import CorridorLedger

/// `corridor-ledger consistency OLD NEW`.
struct ConsistencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "consistency", abstract: "Print the consistency proof between two tree sizes.")

    @OptionGroup var options: LogOptions
    @Argument(help: "The older size (at least 1).") var old: UInt64
    @Argument(help: "The newer size.") var new: UInt64
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        let proof = try await options.open().consistency(oldSize: old, newSize: new)
        switch format {
        case .json: try printJSON(proof)
        case .table:
            print("\(proof.oldSize) → \(proof.newSize)\nold root \(proof.oldRoot)\nnew root \(proof.newRoot)")
            for h in proof.proof { print("  \(h)") }
        }
    }
}
