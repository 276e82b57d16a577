import ArgumentParser

/// `corridor-ledger`: an RFC 6962 evidence log with signed checkpoints and offline-verifiable bundles.
@main
struct CorridorLedgerCLI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-ledger",
        abstract: "A tamper-evident evidence log (RFC 6962) with signed checkpoints and offline-verifiable bundles.",
        discussion: "A log lives in one directory (--log DIR): ledger.sqlite, log.key (secret) and log.pub. Hashes in JSON output are base64.",
        subcommands: [InitCommand.self, AppendCommand.self, ProveCommand.self, ConsistencyCommand.self, CheckpointCommand.self,
                      CosignCommand.self, ExportBundleCommand.self, VerifyBundleCommand.self, FsckCommand.self, KeygenCommand.self, ShowCommand.self, DesensitizeCommand.self, ScanPIICommand.self, AssessTransferCommand.self, CheckEntriesCommand.self]
    )
}
