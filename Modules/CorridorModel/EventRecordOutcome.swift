/// What storing an event did: a page fetched twice creates no duplicates.
public enum EventRecordOutcome: String, Sendable, Codable {
    /// The event was new.
    case inserted
    /// The source changed the record (a correction); the stored event was replaced.
    case updated
    /// The same record was already stored.
    case unchanged
}
