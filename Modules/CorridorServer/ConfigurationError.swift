/// The daemon's configuration is unusable.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The configuration file cannot be read.
    case unreadableFile(String)
    /// The configuration file is not valid YAML for the settings.
    case invalidFile(String, reason: String)
    /// A setting has an unusable value.
    case invalidValue(name: String, value: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let path): "cannot read configuration file \(path)"
        case .invalidFile(let path, let reason): "configuration file \(path) is invalid: \(reason)"
        case .invalidValue(let name, let value, let reason): "configuration \(name)=\(value) is invalid: \(reason)"
        }
    }
}
