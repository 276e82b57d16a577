import Foundation

/// The days on which something is in force: `start` inclusive, `end` exclusive, `end == nil`
/// meaning "until further notice".
///
/// A rule effective from 2026-07-01 to 2027-01-01 applies on 2026-07-01 and on 2026-12-31,
/// not on 2027-01-01.
public struct EffectivePeriod: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day in force.
    public let start: CivilDate
    /// The first day no longer in force, or nil when open-ended.
    public let end: CivilDate?

    /// Creates a period; `end` must be after `start`.
    public init(start: CivilDate, end: CivilDate? = nil) throws(ModelError) {
        if let end, end <= start {
            throw .invalidPeriod(start: start.description, end: end.description)
        }
        self.start = start
        self.end = end
    }

    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(start: c.decode(CivilDate.self, forKey: .start),
                      end: c.decodeIfPresent(CivilDate.self, forKey: .end))
    }

    /// Whether the period is in force on `asOf`.
    public func contains(asOf date: CivilDate) -> Bool {
        date >= start && (end.map { date < $0 } ?? true)
    }

    /// Whether two periods share at least one day.
    public func overlaps(_ other: EffectivePeriod) -> Bool {
        let startsBeforeOtherEnds = other.end.map { start < $0 } ?? true
        let otherStartsBeforeEnd = end.map { other.start < $0 } ?? true
        return startsBeforeOtherEnds && otherStartsBeforeEnd
    }

    public var description: String { "[\(start), \(end?.description ?? "…"))" }
}
