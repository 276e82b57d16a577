import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorModel
import Foundation

/// `corridor-ledger show INDEX`.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one entry: its data, leaf hash, owner and time.")

    @OptionGroup var options: LogOptions
    @Argument(help: "The entry's index.") var index: UInt64
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        guard let entry = try await options.open().entry(index) else { throw CLIError("no entry \(index) in \(options.log)") }
        switch format {
        case .json:
            struct View: Encodable { let index: UInt64; let data: Data; let leaf_hash: Data; let owner: String?; let appended_at: Date }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            print(String(decoding: try encoder.encode(View(index: entry.index, data: entry.data, leaf_hash: entry.leafHash,
                                                           owner: entry.owner?.rawValue, appended_at: entry.appendedAt)), as: UTF8.self))
        case .table:
            print(String(decoding: entry.data, as: UTF8.self))
        }
    }
}
