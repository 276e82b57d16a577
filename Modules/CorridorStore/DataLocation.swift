public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where reference data is read from: a local directory or a base URL, either laid out like
/// `../shared/data` (`hs/hs2022.csv`, `tariffs/us_hts_2026_rev4.csv`, ...).
public enum DataLocation: Sendable, CustomStringConvertible {
    /// A local directory.
    case directory(URL)
    /// A base URL; files are fetched as `base/relative/path`.
    case remote(URL)

    /// Interprets a command-line argument: `http://` and `https://` are remote, anything else a directory.
    public init(parsing text: String) throws(ImportError) {
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            guard let url = URL(string: text.hasSuffix("/") ? text : text + "/") else { throw .invalidLocation(text) }
            self = .remote(url)
            return
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: text, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalidLocation(text)
        }
        self = .directory(URL(fileURLWithPath: text, isDirectory: true))
    }

    /// The display name of a file at this location.
    public func display(_ relativePath: String) -> String {
        switch self {
        case .directory(let base): base.appendingPathComponent(relativePath).path
        case .remote(let base): base.appendingPathComponent(relativePath).absoluteString
        }
    }

    /// Reads a file; `nil` when it does not exist (a 404 for a URL).
    public func read(_ relativePath: String) async throws(ImportError) -> Data? {
        switch self {
        case .directory(let base):
            let url = base.appendingPathComponent(relativePath)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            do {
                return try Data(contentsOf: url)
            } catch {
                throw .unreadable(url.path, reason: error.localizedDescription)
            }
        case .remote(let base):
            let url = base.appendingPathComponent(relativePath)
            do {
                let (data, response) = try await URLSession.shared.data(from: url)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 200
                if status == 404 { return nil }
                guard (200..<300).contains(status) else {
                    throw ImportError.unreadable(url.absoluteString, reason: "HTTP status \(status)")
                }
                return data
            } catch let error as ImportError {
                throw error
            } catch {
                throw .unreadable(url.absoluteString, reason: error.localizedDescription)
            }
        }
    }

    public var description: String {
        switch self {
        case .directory(let url): url.path
        case .remote(let url): url.absoluteString
        }
    }
}
