/// The answer to a plan query: options, or the reason there are none.
public struct RoutePlan: Sendable, Codable, Equatable {
    /// The origin as resolved.
    public let from: String
    /// The destination as resolved.
    public let to: String
    /// The objective used.
    public let objective: String
    /// The border condition used.
    public let border: String
    /// The options, fastest first.
    public let options: [PlanOption]
    /// Why no option is offered, when none is.
    public let reason: String?
}
