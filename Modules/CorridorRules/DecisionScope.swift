/// What a decision is evaluated for.
public enum DecisionScope: String, Hashable, Sendable, CaseIterable, Codable {
    /// Once for the whole consignment.
    case consignment
    /// Once for each declared line, with the `line.*` facts of that line.
    case line
}
