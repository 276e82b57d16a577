public import Foundation

/// A silence: alerts whose labels satisfy every matcher are not sent between `startsAt` and
/// `endsAt`. They are still recorded and listed. An enterprise's silence mutes only its own
/// alerts; a zone-wide silence (no enterprise) mutes everyone's.
public struct Silence: Sendable, Codable, Equatable {
    /// The silence's id.
    public let id: String
    /// The enterprise it belongs to; `nil`: zone-wide.
    public let enterprise: String?
    /// All must match.
    public let matchers: [LabelMatcher]
    /// When it starts.
    public let startsAt: Date
    /// When it ends (set to the expiry time when expired early).
    public let endsAt: Date
    /// Who created it.
    public let createdBy: String
    /// Why.
    public let comment: String

    /// Creates a silence; it needs at least one matcher and must end after it starts.
    public init(id: String, enterprise: String?, matchers: [LabelMatcher], startsAt: Date, endsAt: Date, createdBy: String,
                comment: String) throws(ModelError) {
        guard !matchers.isEmpty else { throw .invalidField(name: "matchers", reason: "a silence needs at least one matcher") }
        guard endsAt > startsAt else { throw .invalidField(name: "ends_at", reason: "a silence must end after it starts") }
        self.id = id
        self.enterprise = enterprise
        self.matchers = matchers
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdBy = createdBy
        self.comment = comment
    }

    /// Whether it is in force at `instant`.
    public func isActive(at instant: Date) -> Bool { startsAt <= instant && instant < endsAt }

    /// Whether it mutes an alert with these labels at `instant`.
    public func mutes(_ labels: [String: String], at instant: Date) -> Bool {
        guard isActive(at: instant) else { return false }
        if let enterprise, labels["enterprise"] != enterprise { return false }
        return matchers.allSatisfy { $0.matches(labels) }
    }

    /// The same silence ending at `instant` (expired early).
    public func expired(at instant: Date) -> Silence {
        // A silence that has not started yet ends the moment it starts.
        let end = max(instant, startsAt.addingTimeInterval(0.001))
        return (try? Silence(id: id, enterprise: enterprise, matchers: matchers, startsAt: startsAt, endsAt: min(end, endsAt),
                             createdBy: createdBy, comment: comment)) ?? self
    }
}
