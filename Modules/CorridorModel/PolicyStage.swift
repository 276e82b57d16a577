/// Whether a record proposes a measure (a proposed rule, a draft notified for comment) or adopts
/// it (a final rule, a regulation, an intervention in force). An adopted measure inhibits the
/// alerts raised for its own proposal.
public enum PolicyStage: String, Sendable, Codable, CaseIterable {
    /// A draft open for comment, or otherwise not adopted.
    case proposed
    /// Adopted: a final rule, a regulation, an implemented intervention.
    case final
}
