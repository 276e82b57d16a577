import Foundation

/// One difference between two releases of the same national tariff.
public struct TariffChange: Hashable, Sendable, Codable {
    /// What changed.
    public enum Kind: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
        /// The line exists only in the newer release.
        case added
        /// The line exists only in the older release.
        case removed
        /// The line's description changed, or the headings above it did.
        case descriptionChanged = "description-changed"
        /// The line's units of quantity changed.
        case unitsChanged = "units-changed"
        /// One of the line's rate texts changed.
        case rateChanged = "rate-changed"

        public var description: String { rawValue }
    }

    /// What changed.
    public let kind: Kind
    /// The line's code.
    public let code: HSCode
    /// The field that changed (`description`; `fullDescription` when only the headings above the line
    /// changed; `units`; `general`, `special`, `column2`, `additional`, `quota`), nil for added/removed.
    public let field: String?
    /// The old value (the old description for a removed line).
    public let before: String?
    /// The new value (the new description for an added line).
    public let after: String?

    /// Creates a change.
    public init(kind: Kind, code: HSCode, field: String? = nil, before: String? = nil, after: String? = nil) {
        self.kind = kind
        self.code = code
        self.field = field
        self.before = before
        self.after = after
    }
}
