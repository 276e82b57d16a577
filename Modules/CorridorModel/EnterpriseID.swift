import Foundation

/// The identifier of an enterprise (a tenant): 2 to 64 lower-case letters, digits and hyphens,
/// starting with a letter or digit, e.g. `acme-export`.
public struct EnterpriseID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The identifier text.
    public let rawValue: String

    /// Validates the identifier's form.
    public init(_ text: String) throws(ModelError) {
        let ok = (2...64).contains(text.count)
            && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
            && text.first != "-"
        guard ok else {
            throw .invalidField(name: "enterprise id", reason: "'\(text)' must be 2–64 characters of a–z, 0–9 and '-', not starting with '-'")
        }
        rawValue = text
    }

    public init(from decoder: any Decoder) throws {
        self = try EnterpriseID(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: EnterpriseID, rhs: EnterpriseID) -> Bool { lhs.rawValue < rhs.rawValue }
}
