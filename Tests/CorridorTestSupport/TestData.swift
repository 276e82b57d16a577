import CorridorStore
import CorridorModel
public import Foundation

/// Locates the real reference data and the repository's fixtures for tests.
///
/// The data directory is `$CORRIDOR_DATA`, else `../shared/data` beside the checkout. When it is
/// missing, tests that need it are disabled with a visible reason on a developer's machine, and
/// fail loudly under `CI=true`: they never pass silently.
public enum TestData {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The reference-data directory.
    public static var directory: URL {
        if let env = ProcessInfo.processInfo.environment["CORRIDOR_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env, isDirectory: true)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data", isDirectory: true)
    }

    /// Whether the tests run in CI.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether the reference data is present (checked by one file every dataset test reads).
    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("hs/hs2022.csv").path)
    }

    /// Data tests run when the data is present, and always in CI, where a missing directory then fails them.
    public static var shouldRun: Bool { isAvailable || isCI }

    /// A file in Fixtures/.
    public static func fixture(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
    }

    /// Throws a clear error when the data directory is missing.
    public static func requireData() throws -> URL {
        guard isAvailable else { throw MissingData(directory: directory.path) }
        return directory
    }

    /// The error a data test fails with when the data is missing.
    public struct MissingData: Error, CustomStringConvertible {
        public let directory: String
        public var description: String {
            "reference data missing at \(directory): set CORRIDOR_DATA to a directory laid out like ../shared/data (see Docs/DATA.md)"
        }
    }
}
