import Foundation

/// What an API key may do.
public enum Role: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// The pilot zone's operators: manage enterprises and keys, read everything.
    case zoneAdmin = "zone-admin"
    /// An enterprise's own systems: read reference data, read and write that enterprise's records only.
    case enterprise
    /// Supervisors and auditors: read everything, change nothing.
    case auditor

    /// Parses a role name.
    public init(parsing text: String) throws(ModelError) {
        guard let role = Role(rawValue: text.trimmingWhitespace().lowercased()) else {
            throw .invalidField(name: "role", reason: "'\(text)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = role
    }

    public var description: String { rawValue }
}
