/// Reference data could not be imported. Nothing of the failing source was written.
public enum ImportError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file could not be read or downloaded.
    case unreadable(String, reason: String)
    /// The file is malformed at a line (1-based; 0 when the whole file is affected).
    case malformed(file: String, line: Int, reason: String)
    /// The database rejected the import; the source was rolled back.
    case storage(file: String, reason: String)
    /// The location is neither a directory nor an http(s) URL.
    case invalidLocation(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .malformed(let file, let line, let reason):
            return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
        case .storage(let file, let reason):
            return "\(file): database error, nothing imported from this file: \(reason)"
        case .invalidLocation(let text):
            return "'\(text)' is neither a directory nor an http(s) URL; point --from at a folder laid out like ../shared/data or at a URL serving that layout"
        }
    }
}
