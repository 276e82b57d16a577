/// An error a command shows as `Error: message`, with exit code 1.
public struct CLIError: Error, CustomStringConvertible {
    /// The message.
    public let description: String

    /// Creates an error with a message that says what to change.
    public init(_ message: String) {
        description = message
    }
}
