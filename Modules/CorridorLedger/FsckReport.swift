/// What an integrity check of a log found.
public struct FsckReport: Hashable, Sendable, Codable {
    /// The number of entries recomputed.
    public let size: UInt64
    /// The root recomputed from the entries.
    public let root: MerkleHash
    /// Every discrepancy, empty when the log is intact.
    public let problems: [String]

    /// Creates a report.
    public init(size: UInt64, root: MerkleHash, problems: [String]) {
        self.size = size
        self.root = root
        self.problems = problems
    }

    /// Whether nothing was wrong.
    public var isClean: Bool { problems.isEmpty }
}
