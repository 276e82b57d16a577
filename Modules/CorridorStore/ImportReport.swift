/// What happened to one source during an import.
public struct ImportReport: Sendable, Codable, Equatable {
    /// The outcome.
    public enum Status: String, Sendable, Codable {
        /// Parsed and written in one transaction.
        case imported
        /// The same file (same SHA-256) was imported before; nothing was written.
        case unchanged
        /// The file is not at the location.
        case skipped
        /// The file was rejected; nothing of it was written.
        case failed
    }

    /// The dataset, e.g. `hs2022` or `correlation-hs2022-hs2017`.
    public let dataset: String
    /// The file's path or URL.
    public let location: String
    /// The outcome.
    public let status: Status
    /// Rows written (or held, when unchanged).
    public let rows: Int
    /// The file's SHA-256, when it was read.
    public let sha256: String?
    /// Why it was skipped or failed.
    public let message: String?
    /// Wall-clock seconds spent on this source.
    public let seconds: Double
}
