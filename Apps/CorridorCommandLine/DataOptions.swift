public import ArgumentParser
public import Foundation

/// `--data DIR`: the reference-data directory, else `$CORRIDOR_DATA`, else `../shared/data`.
public struct DataOptions: ParsableArguments {
    /// The directory given on the command line.
    @Option(name: .long, help: "Reference-data directory (default: $CORRIDOR_DATA, else ../shared/data).")
    public var data: String?

    /// Creates the options (ArgumentParser fills them in).
    public init() {}

    /// The directory to read.
    public var directory: URL {
        if let data { return URL(fileURLWithPath: data, isDirectory: true) }
        if let env = ProcessInfo.processInfo.environment["CORRIDOR_DATA"], !env.isEmpty { return URL(fileURLWithPath: env, isDirectory: true) }
        return URL(fileURLWithPath: "../shared/data", isDirectory: true)
    }
}
