import Foundation

/// How codes of two HS editions correspond, as the UN Statistics Division correlation tables say.
public enum CorrelationRelationship: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// One code maps to exactly one code.
    case oneToOne = "1:1"
    /// One source code was split into several target codes.
    case oneToMany = "1:n"
    /// Several source codes were merged into one target code.
    case manyToOne = "n:1"
    /// Several source codes were redistributed among several target codes.
    case manyToMany = "n:n"

    /// The same relationship read in the other direction (1:n becomes n:1).
    public var inverted: CorrelationRelationship {
        switch self {
        case .oneToOne: .oneToOne
        case .oneToMany: .manyToOne
        case .manyToOne: .oneToMany
        case .manyToMany: .manyToMany
        }
    }

    public var description: String { rawValue }
}
