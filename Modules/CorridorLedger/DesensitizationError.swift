/// A desensitization operator or policy could not be applied.
public enum DesensitizationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The key is missing or too short for the operator.
    case keyTooShort(needed: Int, got: Int)
    /// The key has the wrong length for the operator.
    case wrongKeyLength(needed: Int, got: Int)
    /// A value cannot be generalized as asked.
    case cannotGeneralize(String, String)
    /// Encryption or decryption failed.
    case cryptoFailed(String)
    /// The policy is malformed.
    case badPolicy(String)

    public var description: String {
        switch self {
        case .keyTooShort(let needed, let got): "the key must be at least \(needed) bytes (got \(got))"
        case .wrongKeyLength(let needed, let got): "the key must be exactly \(needed) bytes (got \(got))"
        case .cannotGeneralize(let value, let reason): "cannot generalize '\(value.prefix(40))': \(reason)"
        case .cryptoFailed(let reason): "encryption failed: \(reason)"
        case .badPolicy(let reason): "bad desensitization policy: \(reason)"
        }
    }
}
