/// The answer to a plan query: options, or the reason there are none.
public struct RoutePlan: Sendable, Codable, Equatable {
    public let from: String
    public let to: String
    public let objective: String
    public let border: String
    public let options: [PlanOption]
    /// Why no option is offered, when none is.
    public let reason: String?
}
