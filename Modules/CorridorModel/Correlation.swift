import Foundation

/// Where a code of one HS edition goes in another.
public struct Correlation: Hashable, Sendable, Codable {
    /// One target code and how it relates to the source.
    public struct Target: Hashable, Sendable, Codable {
        /// The code in the target edition.
        public let code: HSCode
        /// The relationship of the pair.
        public let relationship: CorrelationRelationship
        /// True where the table marks the mapping as partial ("ex"): only part of the source goes here.
        public let partial: Bool
        /// The target code's description, when the target edition's nomenclature is imported.
        public let description: String?

        /// Creates a target.
        public init(code: HSCode, relationship: CorrelationRelationship, partial: Bool = false, description: String? = nil) {
            self.code = code
            self.relationship = relationship
            self.partial = partial
            self.description = description
        }
    }

    /// The source code.
    public let code: HSCode
    /// The source edition.
    public let from: HSVersion
    /// The target edition.
    public let to: HSVersion
    /// The target codes, sorted. A code the table does not know is an error, not an empty list.
    public let targets: [Target]
    /// The table read, e.g. `["hs2022→hs2017"]`, or `["hs2022→hs2017 (read in reverse)"]` when
    /// only the opposite table exists; empty when `from == to`.
    public let path: [String]

    /// Creates a correlation result.
    public init(code: HSCode, from: HSVersion, to: HSVersion, targets: [Target], path: [String]) {
        self.code = code
        self.from = from
        self.to = to
        self.targets = targets
        self.path = path
    }
}
