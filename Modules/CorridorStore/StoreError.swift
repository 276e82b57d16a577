/// The database could not be opened or migrated, or a call was malformed.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// Opening or migrating failed.
    case cannotOpen(path: String, reason: String)
    /// The arguments of a call do not fit together.
    case invalidArguments(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open database \(path): \(reason). Check that the directory exists and is writable, and that the file is a Corridor database."
        case .invalidArguments(let reason):
            "invalid store call: \(reason)"
        }
    }
}
