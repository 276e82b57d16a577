public import CorridorModel

/// A worked example a pack ships with: facts at a date, and the outputs and questions they must give.
/// `corridor-rules packs test` runs them; a pack whose cases fail does not load in the daemon.
public struct GoldenCase: Sendable {
    /// What the case shows.
    public let name: String
    /// The business date.
    public let asOf: CivilDate
    /// The facts supplied.
    public let facts: [String: RuleValue]
    /// Expected results as `decision.output` (or `decision.rule`, `decision.count`) → text.
    public let expect: [(key: String, value: String)]
    /// The facts the case expects to be asked for (empty: none may be asked, unless `expect` is empty).
    public let questions: [String]?
    /// The line of the case in the pack file.
    public let line: Int?
}
