import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Crypto
import Foundation

/// `corridor-ledger append [FILE...]`: files become evidence statements; without files, each stdin line is an entry.
struct AppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Append documents (as hash-and-metadata statements) or, without files, one entry per stdin line.",
        discussion: "A file's entry is canonical JSON {\"metadata\":{…},\"sha256\":\"…\"}; the document itself is never stored. A stdin line's entry is its bytes up to (not including) the LF.")

    @OptionGroup var options: LogOptions
    @Argument(help: "Documents to record.") var files: [String] = []
    @Option(name: .customLong("meta"), help: ArgumentHelp("Metadata for every file, as key=value (repeatable).", valueName: "key=value"))
    var metadata: [String] = []
    @Option(help: "Entries per durable batch when reading stdin.") var batch: Int = 1_000
    @Option(help: "table or json.") var format: Format = .table

    func validate() throws {
        guard (1...100_000).contains(batch) else { throw ValidationError("--batch must be 1–100000") }
        if let bad = metadata.first(where: { !$0.contains("=") }) { throw ValidationError("--meta '\(bad)' is not key=value") }
        if files.isEmpty && !metadata.isEmpty { throw ValidationError("--meta applies to files; stdin lines are recorded as they are") }
    }

    func run() async throws {
        let log = try options.open()
        var indices: [UInt64] = []
        if files.isEmpty {
            // In table format each batch's indices are printed as soon as the batch is durable, so a
            // caller that is cut off knows exactly which lines made it.
            var pending: [Data] = []
            func flush() async throws {
                let done = try await log.append(pending.map { ($0, nil) }, at: Date())
                pending.removeAll(keepingCapacity: true)
                if format == .table {
                    FileHandle.standardOutput.write(Data(done.map { "\($0)\n" }.joined().utf8))
                } else {
                    indices += done
                }
            }
            // Raw bytes split on LF only: an entry is exactly the line's bytes, CR and invalid UTF-8 included.
            var buffer = Data()
            while true {
                let chunk = FileHandle.standardInput.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    pending.append(Data(buffer[buffer.startIndex..<newline]))
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if pending.count == batch { try await flush() }
                }
            }
            // A last line without a newline is an entry too.
            if !buffer.isEmpty { pending.append(buffer) }
            if !pending.isEmpty { try await flush() }
        } else {
            var extra: [String: String] = [:]
            for pair in metadata {
                let kv = pair.split(separator: "=", maxSplits: 1)
                extra[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
            var items: [(Data, String)] = []
            for path in files {
                guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
                let hash = sha256Hex(data)
                var meta = extra
                meta["name"] = URL(fileURLWithPath: path).lastPathComponent
                meta["bytes"] = String(data.count)
                items.append((try EvidenceStatement(sha256: hash, metadata: meta).leafData, path))
            }
            indices = try await log.append(items.map { ($0.0, nil) }, at: Date())
        }
        switch format {
        case .json:
            struct Appended: Encodable { let indices: [UInt64]; let size: UInt64 }
            try printJSON(Appended(indices: indices, size: try await log.size()))
        case .table:
            for (n, index) in indices.enumerated() { print("\(index)\t\(files[n])") }
        }
    }
}
