public import CorridorModel
import Foundation

/// The JSON body posted to a webhook: one group's alerts, or one reminder. Field names are
/// snake_case; `version` changes only if a field is removed or changes meaning.
public struct WebhookNotification: Sendable, Codable, Equatable {
    /// One alert as notified.
    public struct Alert: Sendable, Codable, Equatable {
        public let id: Int64
        public let event: String
        public let title: String
        public let summary: String
        public let measure: String
        public let severity: String
        public let stage: String
        public let implementing: [String]
        public let affected: [String]
        public let products: [String]
        public let published: String?
        public let effective: String?
        public let commentDeadline: String?
        public let links: [String]
        public let skus: [AlertMatch.AffectedSKU]
        public let reasons: [String]
        /// Whether this notification is the first to carry the alert.
        public let new: Bool

        enum CodingKeys: String, CodingKey {
            case id, event, title, summary, measure, severity, stage, implementing, affected, products, published, effective
            case commentDeadline = "comment_deadline", links, skus, reasons, new
        }

        /// The notified form of a stored alert.
        public init(_ a: AlertRecord, new: Bool) {
            let e = a.event
            id = a.id
            event = e.key
            title = e.title
            summary = e.summary
            measure = e.measure.rawValue
            severity = e.severity.rawValue
            stage = e.stage.rawValue
            implementing = e.implementing
            affected = e.affected
            products = e.products.map { "\($0.code.digits) (\($0.version.rawValue))" }
            published = e.published?.description
            effective = e.effective?.description
            commentDeadline = e.commentDeadline?.description
            links = e.links
            skus = a.match.skus
            reasons = a.match.reasons
            self.new = new
        }
    }

    /// What a reminder is about.
    public struct Reminder: Sendable, Codable, Equatable {
        /// `comment_deadline` or `effective`.
        public let dateKind: String
        /// The date.
        public let date: String
        /// The reminder step it fires for (30, 7, 1 by default).
        public let daysBefore: Int

        enum CodingKeys: String, CodingKey { case dateKind = "date_kind", date, daysBefore = "days_before" }
    }

    /// `1`.
    public let version: String
    /// `alert` or `reminder`.
    public let kind: String
    /// The enterprise.
    public let enterprise: String
    /// The subscription (the receiver).
    public let subscription: String
    /// The group key (alerts) or the reminder key.
    public let groupKey: String
    /// The values of `group_by` shared by the group's alerts.
    public let groupLabels: [String: String]
    /// The notification's number within its group, from 1.
    public let sequence: Int
    /// When the pipeline decided to send it.
    public let createdAt: String
    /// The alerts.
    public let alerts: [Alert]
    /// For a reminder, what it reminds of.
    public let reminder: Reminder?

    enum CodingKeys: String, CodingKey {
        case version, kind, enterprise, subscription, groupKey = "group_key", groupLabels = "group_labels", sequence
        case createdAt = "created_at", alerts, reminder
    }
}
