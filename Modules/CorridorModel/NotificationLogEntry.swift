public import Foundation

/// What was last sent for one aggregation group or reminder (Alertmanager's notification log).
/// It is written in the same transaction as the deliveries it describes, so a restart never
/// sends the same notification again.
public struct NotificationLogEntry: Sendable, Codable, Equatable {
    /// The group key (receiver and `group_by` values) or the reminder key.
    public let key: String
    /// The ids of the alerts in the last notification, ascending.
    public let alertIDs: [Int64]
    /// When the last notification was enqueued.
    public let notifiedAt: Date
    /// How many notifications this key has had.
    public let sequence: Int

    /// Creates an entry.
    public init(key: String, alertIDs: [Int64], notifiedAt: Date, sequence: Int) {
        self.key = key
        self.alertIDs = alertIDs
        self.notifiedAt = notifiedAt
        self.sequence = sequence
    }
}
