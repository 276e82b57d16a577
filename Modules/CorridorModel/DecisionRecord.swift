public import Foundation

/// One evaluation in the decision log: what went in (the request and the reference data read),
/// which packs decided (id, version, SHA-256), and what came out, as canonical JSON bytes.
///
/// The id is derived from the inputs, the packs and the output, so the same question under the same
/// packs is one record however often it is asked.
public struct DecisionRecord: Hashable, Sendable, Codable {
    /// A pack that took part.
    public struct PackReference: Hashable, Sendable, Codable {
        /// The pack id.
        public let id: String
        /// Its version.
        public let version: String
        /// The SHA-256 of its file, lower-case hex.
        public let sha256: String

        /// Creates a reference.
        public init(id: String, version: String, sha256: String) {
            self.id = id
            self.version = version
            self.sha256 = sha256
        }
    }

    /// The decision id, e.g. `q-3f2a…`.
    public let id: String
    /// What was decided: `quote`, `origin`.
    public let kind: String
    /// The enterprise that asked (through the API), or nil for the CLI; only it, zone admins and
    /// auditors may replay the decision through the API.
    public let owner: String?
    /// When it was first recorded (bookkeeping only; no business meaning).
    public let recordedAt: Date
    /// The request, canonical JSON.
    public let request: Data
    /// The reference data read (rates, tariff lines), canonical JSON.
    public let context: Data
    /// The result, canonical JSON.
    public let output: Data
    /// The packs.
    public let packs: [PackReference]

    /// Creates a record.
    public init(id: String, kind: String, owner: String? = nil, recordedAt: Date, request: Data, context: Data, output: Data, packs: [PackReference]) {
        self.id = id
        self.kind = kind
        self.owner = owner
        self.recordedAt = recordedAt
        self.request = request
        self.context = context
        self.output = output
        self.packs = packs
    }
}
