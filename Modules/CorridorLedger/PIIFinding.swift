/// One identifier found in a text, located by Unicode scalar offsets (as Python and the Presidio
/// corpus count them).
public struct PIIFinding: Hashable, Sendable, Codable {
    /// What was found.
    public let entity: PIIEntity
    /// The first scalar offset.
    public let start: Int
    /// The scalar offset just past the end.
    public let end: Int
    /// The text found.
    public let text: String

    /// Creates a finding.
    public init(entity: PIIEntity, start: Int, end: Int, text: String) {
        self.entity = entity
        self.start = start
        self.end = end
        self.text = text
    }
}
