import Foundation

/// How large an exporter is, which sets defaults such as credit limits and alert volumes.
public enum EnterpriseTier: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// A leading enterprise with its own compliance team.
    case leading
    /// A platform that sells for many merchants.
    case platform
    /// A small or medium-sized enterprise.
    case sme
    /// A micro seller, often a single person.
    case micro

    /// Parses a tier name, case-insensitively.
    public init(parsing text: String) throws(ModelError) {
        guard let tier = EnterpriseTier(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw .invalidField(name: "tier", reason: "'\(text)' is not one of \(EnterpriseTier.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = tier
    }

    public var description: String { rawValue }
}
