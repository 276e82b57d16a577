import ArgumentParser
import CorridorCommandLine
import CorridorLedger

/// `corridor-ledger fsck`: recompute everything from the entries.
struct FsckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Recompute every leaf hash, node and the root from the entries, and check them against the last signed checkpoint; exit 1 on any discrepancy.")

    @OptionGroup var options: LogOptions
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        let report = try await options.open().fsck(against: try lastCheckpoint(options))
        switch format {
        case .json: try printJSON(report)
        case .table:
            print("\(report.size) entries, root \(report.root): \(report.isClean ? "clean" : "\(report.problems.count) problems")")
            for p in report.problems { print("  \(p)") }
        }
        if !report.isClean { throw ExitCode.failure }
    }
}
