/// A rules operation could not be done; the message says what to change.
public enum RulesError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file could not be read.
    case unreadableFile(String, reason: String)
    /// A file is not in the expected format.
    case malformedFile(String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedFile(let path, let reason): "\(path): \(reason)"
        }
    }
}
