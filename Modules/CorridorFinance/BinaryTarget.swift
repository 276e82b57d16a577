/// A two-outcome target and which outcome is the event (a default, a "bad" loan, class 1).
///
/// Without an explicit event, `1` is the event of {0, 1}, `bad` of {good, bad}, `true` of
/// {true, false} and `yes` of {yes, no}; any other pair needs the event named.
public struct BinaryTarget: Sendable, Equatable {
    /// The column name.
    public let column: String
    /// The outcome counted as the event.
    public let event: String
    /// The other outcome.
    public let nonEvent: String
    /// Per row, whether it is the event.
    public let values: [Bool]

    /// Classifies outcomes.
    public init(column: String, outcomes: [String], event: String? = nil) throws(FinanceError) {
        let distinct = Array(Set(outcomes)).sorted()
        guard distinct.count == 2 else { throw .targetNotBinary(column: column, values: distinct) }
        let chosen: String
        if let event {
            guard distinct.contains(event) else {
                throw .invalidParameter(name: "event", reason: "'\(event)' is not an outcome of '\(column)'; the outcomes are \(distinct.joined(separator: ", "))")
            }
            chosen = event
        } else {
            let lowered = Set(distinct.map { $0.lowercased() })
            let defaults: [(Set<String>, String)] = [(["0", "1"], "1"), (["0.0", "1.0"], "1.0"), (["good", "bad"], "bad"), (["true", "false"], "true"), (["yes", "no"], "yes")]
            guard let match = defaults.first(where: { $0.0 == lowered }),
                  let original = distinct.first(where: { $0.lowercased() == match.1 }) else {
                throw .invalidParameter(name: "event", reason: "name the event outcome of '\(column)' (one of \(distinct.joined(separator: ", ")))")
            }
            chosen = original
        }
        self.column = column
        self.event = chosen
        nonEvent = distinct.first { $0 != chosen } ?? ""
        values = outcomes.map { $0 == chosen }
    }

    /// The number of events.
    public var events: Int { values.reduce(0) { $0 + ($1 ? 1 : 0) } }
}
