/// A fact a pack reads: its type, and the question to ask when it is not supplied.
public struct FactDeclaration: Hashable, Sendable {
    /// The fact's name, e.g. `seller.ioss_registered`.
    public let name: String
    /// Its type.
    public let type: RuleType
    /// The question that asks for it, e.g. "Is the seller IOSS-registered?".
    public let question: String

    /// Creates a declaration.
    public init(name: String, type: RuleType, question: String) {
        self.name = name
        self.type = type
        self.question = question
    }
}
