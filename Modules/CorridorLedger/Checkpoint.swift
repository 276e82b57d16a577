public import Foundation

/// A signed checkpoint of a log in the C2SP format (https://c2sp.org/tlog-checkpoint): the body
/// `origin\nsize\nbase64(root)\n`, a blank line, then one line per signature,
/// `— name base64(keyID ‖ signature)` (the dash is U+2014). The log signs first; witnesses
/// cosign by adding their own lines over the same body.
public struct Checkpoint: Hashable, Sendable {
    /// The log's origin line, which names it.
    public let origin: String
    /// The tree size.
    public let size: UInt64
    /// The root of the tree of `size` leaves.
    public let root: MerkleHash
    /// The signature lines, in order, without their trailing newline.
    public let signatures: [String]

    /// An unsigned checkpoint.
    public init(origin: String, size: UInt64, root: MerkleHash) throws(LedgerError) {
        guard !origin.isEmpty, !origin.contains("\n") else { throw .badCheckpoint("the origin must be one non-empty line") }
        self.origin = origin
        self.size = size
        self.root = root
        self.signatures = []
    }

    private init(origin: String, size: UInt64, root: MerkleHash, signatures: [String]) {
        self.origin = origin
        self.size = size
        self.root = root
        self.signatures = signatures
    }

    /// The signed body: three lines, each ending in a newline.
    public var body: String { "\(origin)\n\(size)\n\(root.base64)\n" }

    /// The whole note: body, blank line, signature lines.
    public var note: String { body + "\n" + signatures.map { $0 + "\n" }.joined() }

    /// The checkpoint with `key`'s signature added (the log's own, or a witness's cosignature).
    public func signed(by key: NoteKey) throws(LedgerError) -> Checkpoint {
        let signature = try key.sign(Array(body.utf8))
        let line = "\u{2014} \(key.name) \(Data(key.keyID + signature).base64EncodedString())"
        return Checkpoint(origin: origin, size: size, root: root, signatures: signatures + [line])
    }

    /// Parses a note. Signatures are not checked here; see `verify(logKey:witnesses:)`.
    public init(note text: String) throws(LedgerError) {
        guard let split = text.range(of: "\n\n") else { throw .badCheckpoint("no blank line between the body and the signatures") }
        let body = String(text[..<split.lowerBound]) + "\n"
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.count >= 3 else { throw .badCheckpoint("the body needs an origin, a size and a root line") }
        guard let size = UInt64(lines[1]), String(size) == lines[1] else { throw .badCheckpoint("size '\(lines[1])' is not a decimal number") }
        let root = try MerkleHash(base64: String(lines[2]))
        guard lines.count == 3 else { throw .badCheckpoint("extension lines are not supported") }
        let signatures = text[split.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard signatures.last == "", signatures.dropLast().allSatisfy({ $0.hasPrefix("\u{2014} ") }), signatures.count >= 2 else {
            throw .badCheckpoint("signature lines must each start with '— ' and the note must end with a newline")
        }
        try self.init(origin: String(lines[0]), size: size, root: root)
        self = Checkpoint(origin: origin, size: size, root: root, signatures: Array(signatures.dropLast()))
    }

    /// Checks the log's signature and every witness signature whose key is given. A note without a
    /// valid log signature, or with a witness key given but not signing, is refused. Lines from
    /// unknown keys are ignored, as the signed-note specification says.
    public func verify(logKey: NoteKey, witnesses: [NoteKey] = []) throws(LedgerError) {
        guard origin == logKey.name else { throw .badCheckpoint("origin '\(origin)' is not the log '\(logKey.name)'") }
        for key in [logKey] + witnesses where !hasValidSignature(by: key) {
            throw .badSignature(key.name)
        }
    }

    /// Checks that every signature line is a valid signature by one of `keys`: for a bundle that
    /// must verify with nothing else, a line nobody can check is a change, not a cosignature.
    public func verifyEverySignature(keys: [NoteKey]) throws(LedgerError) {
        let message = Array(body.utf8)
        for line in signatures {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            let valid = parts.count == 3 && keys.contains { key in
                guard parts[1] == key.name, let raw = Base64.decode(String(parts[2])), raw.count == 68, Array(raw.prefix(4)) == key.keyID else {
                    return false
                }
                return key.verify(Array(raw.dropFirst(4)), of: message)
            }
            guard valid else { throw .badSignature("an unknown key (line '\(line.prefix(40))…')") }
        }
    }

    private func hasValidSignature(by key: NoteKey) -> Bool {
        let message = Array(body.utf8)
        for line in signatures {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[1] == key.name, let raw = Base64.decode(String(parts[2])), raw.count == 68,
                  Array(raw.prefix(4)) == key.keyID else { continue }
            if key.verify(Array(raw.dropFirst(4)), of: message) { return true }
        }
        return false
    }
}
