import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import CorridorModel
import Foundation

/// `corridor-ledger check-entries FILE --log DIR`: every "INDEX LINE" pair in FILE must be in the log.
struct CheckEntriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-entries",
        abstract: "Check that each entry listed in FILE (lines 'INDEX DATA') holds exactly that data; exit 1 on the first difference.")

    @OptionGroup var options: LogOptions
    @Argument(help: "Lines of an index, one space, and the entry's expected data.") var file: String

    func run() async throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw CLIError("cannot read \(file)") }
        let log = try options.open()
        var checked = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let index = UInt64(parts[0]) else { throw CLIError("\(file): '\(line.prefix(40))' is not 'INDEX DATA'") }
            guard let entry = try await log.entry(index) else { throw CLIError("entry \(index) is missing") }
            guard entry.data == Data(parts[1].utf8) else {
                throw CLIError("entry \(index) holds '\(String(decoding: entry.data, as: UTF8.self).prefix(60))', expected '\(parts[1].prefix(60))'")
            }
            checked += 1
        }
        print("\(checked) entries hold their data")
    }
}
