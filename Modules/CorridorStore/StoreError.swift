/// The database could not be opened or migrated.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// Opening or migrating failed.
    case cannotOpen(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open database \(path): \(reason). Check that the directory exists and is writable, and that the file is a Corridor database."
        }
    }
}
