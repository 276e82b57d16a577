public import CorridorLedger
public import CorridorModel
import Foundation

/// The server's evidence log and the key that signs its checkpoints.
public struct LedgerService: Sendable {
    /// The log.
    public let log: EvidenceLog
    /// The signing key; its name is the log's origin.
    public let key: NoteKey
    /// Exporters' transfer volumes since 1 January.
    public let counters: any TransferCounterStore

    /// Pairs a log with its signing key and the transfer counters.
    public init(log: EvidenceLog, key: NoteKey, counters: any TransferCounterStore) {
        self.log = log
        self.key = key
        self.counters = counters
    }

    /// A checkpoint of the current tree, signed now.
    public func checkpoint() async throws -> Checkpoint {
        let head = try await log.root()
        return try Checkpoint(origin: key.name, size: head.size, root: head.root).signed(by: key)
    }

    /// An entry's evidence bundle against a freshly signed checkpoint.
    public func bundle(index: UInt64) async throws -> EvidenceBundle {
        let checkpoint = try await checkpoint()
        let proof = try await log.inclusion(index: index, size: checkpoint.size)
        guard let entry = try await log.entry(index) else { throw LedgerError.indexOutOfRange(index: index, size: checkpoint.size) }
        return EvidenceBundle(index: index, data: entry.data, proof: proof, checkpoint: checkpoint)
    }

    /// Loads the signing key from `path`, creating a new one named `origin` (readable by the owner only) if the file does not exist.
    /// An existing file that cannot be read or parsed is an error, never replaced.
    public static func loadOrCreateKey(path: String, origin: String) throws -> NoteKey {
        if FileManager.default.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LedgerError.badKey("the ledger key \(path) exists but cannot be read; fix its permissions")
            }
            return try NoteKey(parsing: text)
        }
        let key = try NoteKey.generate(name: origin)
        guard let secret = key.signerKey, SecretFile.create(path, contents: Array((secret + "\n").utf8)) else {
            throw LedgerError.badKey("cannot create the ledger key \(path)")
        }
        return key
    }
}
