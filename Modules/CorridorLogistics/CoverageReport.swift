/// Which demand a set of warehouse sites reaches within the hour limit.
public struct CoverageReport: Sendable, Codable, Equatable {
    /// One candidate site's standing.
    public struct SiteStatus: Sendable, Codable, Equatable {
        /// The site id.
        public let id: String
        /// The site name.
        public let name: String
        /// Great-circle km to the nearest rail line of the corridor network.
        public let kmToRail: Double
        /// Within the rail distance limit (200 km by default).
        public let railConnected: Bool
        /// Demand weight this site alone reaches in time.
        public let reach: Double
    }

    /// The hour limit.
    public let hours: Double
    /// The rail distance limit, km.
    public let railLimitKm: Double
    /// Every candidate site.
    public let sites: [SiteStatus]
    /// The sites chosen (when `--choose K` was given), in order of choice.
    public let chosen: [String]
    /// Demand weight covered by the chosen (or all rail-connected) sites.
    public let covered: Double
    /// Total demand weight.
    public let total: Double
    /// `exact` (branch and bound), or `greedy+local-search` with ``gap``.
    public let method: String
    /// (upper bound − covered) / upper bound when the answer is not proven optimal.
    public let gap: Double?
    /// Demand points covered, by id.
    public let coveredDemand: [String]
    /// The hours each demand point needs from its nearest chosen site, within the limit or not
    /// (compare with ``hours``; ``coveredDemand`` lists those within it).
    public let hoursByDemand: [String: Double]
}
