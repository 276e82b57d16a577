/// The answer to an origin question: qualified or not, the rule met, and the reasoning step by step,
/// in the manner of the EU's ROSA self-assessment.
public struct OriginDetermination: Sendable, Hashable, Encodable {
    /// One step of the reasoning.
    public struct Step: Sendable, Hashable, Encodable {
        /// What the step checks.
        public let title: String
        /// `met`, `not met` or `info`.
        public let result: String
        /// The figures and the materials behind it.
        public let detail: String
    }

    /// How each material was treated.
    public struct MaterialStatus: Sendable, Hashable, Encodable {
        /// The material's code.
        public let code: String
        /// Its origin.
        public let origin: String
        /// Its value.
        public let value: String
        /// `originating`, `originating (accumulated from XX)` or `non-originating`.
        public let status: String
    }

    /// The agreement.
    public let agreement: String
    /// The product code.
    public let code: String
    /// The product-specific rule applied, as written.
    public let rule: String
    /// The HS prefix of the row applied.
    public let ruleHS: String
    /// Its citation.
    public let basis: String
    /// Whether the good qualifies as originating.
    public let qualified: Bool
    /// The criterion met (`CC`, `RVC40`, `CTH (de minimis)`), nil when none.
    public let criterionMet: String?
    /// The regional value content by the build-down formula, in per cent.
    public let rvcBuildDown: String
    /// The regional value content by the build-up formula, when the costs are given.
    public let rvcBuildUp: String?
    /// The materials and how they were treated.
    public let materials: [MaterialStatus]
    /// The steps.
    public let steps: [Step]
    /// What the determination does not cover.
    public let warnings: [String]
    /// The id under which the decision log recorded it (`o-…`), for `corridor-rules replay`; nil
    /// when nothing was recorded. It is not part of the recorded output.
    public var decisionID: String?

    enum CodingKeys: String, CodingKey {
        case decisionID = "decision_id", agreement, code, rule, ruleHS = "rule_hs", basis, qualified, criterionMet = "criterion_met", rvcBuildDown = "rvc_build_down"
        case rvcBuildUp = "rvc_build_up", materials, steps, warnings
    }
}
