/// A record of a page that was not ingested, and why.
public struct RejectedRecord: Hashable, Sendable, Codable {
    /// The record's id at its source, or its position when it has none.
    public let recordID: String
    /// Why it was rejected.
    public let reason: String

    /// Creates a rejection.
    public init(recordID: String, reason: String) {
        self.recordID = recordID
        self.reason = reason
    }
}
