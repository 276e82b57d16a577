public import CorridorModel

/// What a page yielded: the events, and the records rejected with their reasons.
public struct IngestReport: Sendable, Codable, Equatable {
    /// The events read.
    public let events: [PolicyEvent]
    /// The records that were not.
    public let rejected: [RejectedRecord]

    /// Creates a report.
    public init(events: [PolicyEvent], rejected: [RejectedRecord]) {
        self.events = events
        self.rejected = rejected
    }
}
