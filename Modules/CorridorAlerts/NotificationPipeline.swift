public import CorridorModel
import Crypto
public import Foundation

/// Alertmanager's notification semantics over stored alerts, as a pure function of the state and
/// an explicit instant: silences and inhibition mute, grouping batches, the notification log
/// decides what is new, and reminders fire before comment deadlines and effective dates.
///
/// ``plan(alerts:silences:log:now:)`` returns the deliveries to enqueue and the log
/// entries to write with them (in one transaction, ``AlertStore/enqueue(_:log:)``), so the same
/// state and instant always give the same plan and a restart never sends twice.
public struct NotificationPipeline: Sendable {
    /// The settings.
    public let configuration: PipelineConfiguration
    /// The time zone whose midnight starts a date (reminders).
    public let timeZone: TimeZone

    /// Creates a pipeline.
    public init(configuration: PipelineConfiguration = PipelineConfiguration(), timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current) {
        self.configuration = configuration
        self.timeZone = timeZone
    }

    /// Why an alert is not being sent.
    public struct Muted: Sendable, Codable, Equatable {
        /// The alert.
        public let alertID: Int64
        /// `silenced by ID` or `inhibited by alert N`.
        public let reason: String
    }

    /// What to do now.
    public struct Plan: Sendable {
        /// Deliveries to enqueue.
        public let deliveries: [Delivery]
        /// Log entries to write with them.
        public let log: [NotificationLogEntry]
        /// Alerts muted now, with the reason.
        public let muted: [Muted]
        /// When the plan next changes by time alone (a group wait or interval ends, a reminder is due).
        public let nextWake: Date?
        /// Groups holding alerts not yet notified, waiting for `group_wait` or `group_interval`.
        public let waiting: Int
    }

    /// Plans the notifications due at `now` for `alerts`, the deliverable ones
    /// (``AlertStore/deliverableAlerts(at:)``: their subscription has a webhook).
    public func plan(alerts: [AlertRecord], silences: [Silence], log: [NotificationLogEntry], now: Date) -> Plan {
        let active = alerts.filter { $0.endsAt > now }
        let labels = Dictionary(uniqueKeysWithValues: active.map { ($0.id, AlertLabels.of($0)) })
        let logByKey = Dictionary(log.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let activeIDs = Set(active.map(\.id))

        // Muting: silences first, then inhibition (a silenced source still inhibits, as in Alertmanager).
        var muted: [Int64: String] = [:]
        let liveSilences = silences.filter { $0.isActive(at: now) }
        for alert in active {
            guard let l = labels[alert.id] else { continue }
            if let s = liveSilences.first(where: { $0.mutes(l, at: now) }) { muted[alert.id] = "silenced by \(s.id)" }
        }
        for rule in configuration.inhibitRules {
            let sources = active.filter { a in labels[a.id].map { l in rule.source.allSatisfy { $0.matches(l) } } ?? false }
            guard !sources.isEmpty else { continue }
            var sourceKeys: [[String]: Int64] = [:]
            for s in sources { if let l = labels[s.id] { sourceKeys[rule.equal.map { l[$0] ?? "" }] = s.id } }
            for alert in active where muted[alert.id] == nil {
                guard let l = labels[alert.id], rule.target.allSatisfy({ $0.matches(l) }),
                      let source = sourceKeys[rule.equal.map { l[$0] ?? "" }], source != alert.id else { continue }
                muted[alert.id] = "inhibited by alert \(source)"
            }
        }

        var deliveries: [Delivery] = []
        var entries: [NotificationLogEntry] = []
        var wake: Date?
        var waiting = 0
        func later(_ date: Date) { if date > now { wake = min(wake ?? date, date) } }

        // Grouping.
        var groups: [String: (labels: [String: String], alerts: [AlertRecord])] = [:]
        for alert in active where muted[alert.id] == nil {
            let receiver = "\(alert.match.enterprise)/\(alert.match.subscription)"
            guard let l = labels[alert.id] else { continue }
            let (key, groupLabels) = groupKey(receiver: receiver, labels: l)
            groups[key, default: (groupLabels, [])].alerts.append(alert)
        }
        for key in groups.keys.sorted() {
            guard let group = groups[key] else { continue }
            let ids = group.alerts.map(\.id).sorted()
            let previous = logByKey[key].flatMap { entry in entry.alertIDs.contains(where: activeIDs.contains) ? entry : nil }
            let due: Date
            var hasNew = true
            if let previous {
                let notified = Set(previous.alertIDs)
                hasNew = ids.contains(where: { !notified.contains($0) })
                due = previous.notifiedAt.addingTimeInterval(hasNew ? configuration.groupInterval : configuration.repeatInterval)
            } else {
                let firstSeen = group.alerts.map(\.createdAt).min() ?? now
                due = firstSeen.addingTimeInterval(configuration.groupWait)
            }
            guard now >= due else {
                later(due)
                if hasNew { waiting += 1 }
                continue
            }
            let sequence = (logByKey[key]?.sequence ?? 0) + 1
            let notified = Set(previous?.alertIDs ?? [])
            let alerts = group.alerts.sorted { $0.id < $1.id }.map { WebhookNotification.Alert($0, new: !notified.contains($0.id)) }
            let first = group.alerts[0].match
            deliveries.append(delivery(kind: "alert", enterprise: first.enterprise, subscription: first.subscription, key: key,
                                       groupLabels: group.labels, sequence: sequence, alerts: alerts, reminder: nil, now: now))
            entries.append(NotificationLogEntry(key: key, alertIDs: ids, notifiedAt: now, sequence: sequence))
            later(now.addingTimeInterval(configuration.repeatInterval))
        }

        // Reminders, per alert, before its comment deadline and its effective date.
        let steps = Set(configuration.reminderDays).sorted()
        for alert in active.sorted(by: { $0.id < $1.id }) where muted[alert.id] == nil {
            let receiver = "\(alert.match.enterprise)/\(alert.match.subscription)"
            guard !steps.isEmpty else { continue }
            for (kind, date) in [("comment_deadline", alert.event.commentDeadline), ("effective", alert.event.effective)] {
                guard let date else { continue }
                let day = date.startOfDay(in: timeZone)
                guard now < day else { continue }
                let daysLeft = day.timeIntervalSince(now) / 86_400
                // The nearest step already reached; later steps wake the pipeline when they come.
                for step in steps where Double(step) < daysLeft { later(day.addingTimeInterval(-Double(step) * 86_400)) }
                guard let step = steps.first(where: { Double($0) >= daysLeft }) else { continue }
                let stepStart = day.addingTimeInterval(-Double(step) * 86_400)
                // An alert first raised inside the window already told the receiver the date.
                guard alert.createdAt < stepStart else { continue }
                // The date is in the key: a deadline that moves gets its reminders again.
                let key = "reminder|\(receiver)|\(alert.id)|\(kind)|\(date)|\(step)"
                guard logByKey[key] == nil else { continue }
                let reminder = WebhookNotification.Reminder(dateKind: kind, date: date.description, daysBefore: step)
                deliveries.append(delivery(kind: "reminder", enterprise: alert.match.enterprise, subscription: alert.match.subscription, key: key,
                                           groupLabels: labels[alert.id].map { ["event": $0["event"] ?? ""] } ?? [:], sequence: 1,
                                           alerts: [WebhookNotification.Alert(alert, new: false)], reminder: reminder, now: now))
                entries.append(NotificationLogEntry(key: key, alertIDs: [alert.id], notifiedAt: now, sequence: 1))
            }
        }
        return Plan(deliveries: deliveries, log: entries,
                    muted: muted.sorted { $0.key < $1.key }.map { Muted(alertID: $0.key, reason: $0.value) }, nextWake: wake, waiting: waiting)
    }

    /// The group key of an alert at a receiver: the receiver and the `group_by` values.
    func groupKey(receiver: String, labels: [String: String]) -> (String, [String: String]) {
        let names = configuration.groupBy.contains("...") ? labels.keys.sorted() : configuration.groupBy
        var groupLabels: [String: String] = [:]
        for name in names { groupLabels[name] = labels[name] ?? "" }
        let rendered = names.map { "\($0)=\(String(reflecting: labels[$0] ?? ""))" }.joined(separator: ",")
        return ("\(receiver):{\(rendered)}", groupLabels)
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return e
    }()

    private func delivery(kind: String, enterprise: String, subscription: String, key: String, groupLabels: [String: String], sequence: Int,
                          alerts: [WebhookNotification.Alert], reminder: WebhookNotification.Reminder?, now: Date) -> Delivery {
        let notification = WebhookNotification(version: "1", kind: kind, enterprise: enterprise, subscription: subscription, groupKey: key,
                                               groupLabels: groupLabels, sequence: sequence,
                                               createdAt: now.formatted(.iso8601), alerts: alerts, reminder: reminder)
        // Encoding these plain values cannot fail; an empty body would be refused by any receiver and dead-lettered, never lost silently.
        let payload = (try? Self.encoder.encode(notification)) ?? Data()
        // Stable across retries (it is stored with the delivery) and unique per notification.
        let digest = SHA256.hash(data: Data("\(key)#\(sequence)".utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        return Delivery(enterprise: enterprise, subscription: subscription, payload: payload, idempotencyKey: digest, createdAt: now, nextAttemptAt: now)
    }
}
