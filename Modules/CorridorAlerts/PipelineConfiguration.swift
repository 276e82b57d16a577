public import Foundation

/// The notification pipeline's settings, with Alertmanager's names and meanings. Every
/// subscription with a webhook is a receiver; alerts of one receiver are grouped by the values of
/// `group_by` (`...` groups by every label, so each alert alone).
///
/// ```yaml
/// group_by: [measure]
/// group_wait: 30s        # wait before the first notification of a new group
/// group_interval: 5m     # wait before notifying a group again about new alerts
/// repeat_interval: 7d    # wait before repeating an unchanged group
/// reminder_days: [30, 7, 1]
/// alert_lifetime: 30d    # an alert stays active this long, or until a day after its last date
/// inhibit_rules:
///   - source_matchers: ['stage="final"']
///     target_matchers: ['stage="proposed"']
///     equal: [enterprise, subscription, measure_key]
/// retry: {initial_backoff: 1s, max_backoff: 10m, max_attempts: 10, attempt_timeout: 10s}
/// ```
public struct PipelineConfiguration: Sendable, Codable, Equatable {
    /// Labels whose values split a receiver's alerts into groups.
    public var groupBy: [String]
    /// How long a new group waits before its first notification.
    public var groupWait: TimeInterval
    /// How long a group waits after a notification before notifying new alerts.
    public var groupInterval: TimeInterval
    /// How long an unchanged group waits before the notification is repeated.
    public var repeatInterval: TimeInterval
    /// Days before a comment deadline or an effective date on which a reminder is sent.
    public var reminderDays: [Int]
    /// How long an alert stays active at least.
    public var alertLifetime: TimeInterval
    /// Inhibition rules.
    public var inhibitRules: [InhibitRule]
    /// Delivery retries and deadlines.
    public var retry: RetryPolicy

    /// Creates a configuration; the defaults are those documented above.
    public init(groupBy: [String] = ["measure"], groupWait: TimeInterval = 30, groupInterval: TimeInterval = 300,
                repeatInterval: TimeInterval = 7 * 86_400, reminderDays: [Int] = [30, 7, 1], alertLifetime: TimeInterval = 30 * 86_400,
                inhibitRules: [InhibitRule] = [.adoptedMutesProposed], retry: RetryPolicy = RetryPolicy()) {
        self.groupBy = groupBy
        self.groupWait = groupWait
        self.groupInterval = groupInterval
        self.repeatInterval = repeatInterval
        self.reminderDays = reminderDays
        self.alertLifetime = alertLifetime
        self.inhibitRules = inhibitRules
        self.retry = retry
    }

    /// Checks every value.
    public func validate() throws(AlertsError) {
        for (name, value) in [("group_wait", groupWait), ("group_interval", groupInterval), ("repeat_interval", repeatInterval),
                              ("alert_lifetime", alertLifetime)] where !(value.isFinite && value >= 0) {
            throw .invalidConfiguration("\(name) must be a non-negative duration")
        }
        guard groupInterval > 0, repeatInterval > 0 else { throw .invalidConfiguration("group_interval and repeat_interval must be positive") }
        for name in groupBy where name != "..." && !AlertLabels.names.contains(name) {
            throw .invalidConfiguration("group_by: '\(name)' is not an alert label; use \(AlertLabels.names.sorted().joined(separator: ", ")) or ...")
        }
        for (i, rule) in inhibitRules.enumerated() {
            for name in rule.equal + (rule.source + rule.target).map(\.name) where !AlertLabels.names.contains(name) {
                throw .invalidConfiguration("inhibit_rules[\(i)]: '\(name)' is not an alert label; use \(AlertLabels.names.sorted().joined(separator: ", "))")
            }
        }
        for day in reminderDays where !(1...365).contains(day) {
            throw .invalidConfiguration("reminder_days: \(day) is not between 1 and 365")
        }
        try retry.validate()
    }

    /// Parses a duration as the configuration writes them (`30s`, `5m`, `4h`, `7d`, `1h30m`, seconds).
    public static func duration(_ text: String, field: String) throws(AlertsError) -> TimeInterval {
        try AlertDuration.parse(text, field: field)
    }

    private enum CodingKeys: String, CodingKey {
        case groupBy = "group_by", groupWait = "group_wait", groupInterval = "group_interval", repeatInterval = "repeat_interval"
        case reminderDays = "reminder_days", alertLifetime = "alert_lifetime", inhibitRules = "inhibit_rules", retry
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = PipelineConfiguration()
        groupBy = try c.decodeIfPresent([String].self, forKey: .groupBy) ?? d.groupBy
        groupWait = try AlertDuration.decode(c, .groupWait, default: d.groupWait)
        groupInterval = try AlertDuration.decode(c, .groupInterval, default: d.groupInterval)
        repeatInterval = try AlertDuration.decode(c, .repeatInterval, default: d.repeatInterval)
        reminderDays = try c.decodeIfPresent([Int].self, forKey: .reminderDays) ?? d.reminderDays
        alertLifetime = try AlertDuration.decode(c, .alertLifetime, default: d.alertLifetime)
        inhibitRules = try c.decodeIfPresent([InhibitRule].self, forKey: .inhibitRules) ?? d.inhibitRules
        retry = try c.decodeIfPresent(RetryPolicy.self, forKey: .retry) ?? d.retry
    }
}
