public import Foundation

/// The validators a feed URL last answered with, sent back as `If-None-Match` and
/// `If-Modified-Since` so that an unchanged page costs a 304.
public struct FeedState: Sendable, Codable, Equatable {
    /// The URL fetched.
    public let url: String
    /// The `ETag` it answered.
    public let etag: String?
    /// The `Last-Modified` it answered.
    public let lastModified: String?
    /// When it was last fetched successfully.
    public let fetchedAt: Date

    /// Creates a state.
    public init(url: String, etag: String?, lastModified: String?, fetchedAt: Date) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.fetchedAt = fetchedAt
    }
}
