public import CorridorModel

/// A legal or official source a pack cites: what it is, where it is published, and its date.
public struct RuleSource: Hashable, Sendable, Codable {
    /// The id rules refer to (`source: eo-14324`).
    public let id: String
    /// The citation, e.g. "Executive Order 14324, Suspending Duty-Free De Minimis Treatment for All Countries".
    public let title: String
    /// Where it is published.
    public let url: String
    /// Its date (signature, publication or adoption).
    public let date: CivilDate

    /// Creates a source.
    public init(id: String, title: String, url: String, date: CivilDate) {
        self.id = id
        self.title = title
        self.url = url
        self.date = date
    }

    /// "title (date), url".
    public var citation: String { "\(title) (\(date)), \(url)" }
}
