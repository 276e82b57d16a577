public import Foundation

/// A delivery that failed for good: a 4xx other than 429, or retries exhausted. It stays here,
/// listed by the CLI and the API, until retried.
public struct DeadLetter: Sendable, Codable, Equatable {
    /// The dead letter's id.
    public let id: Int64
    /// The enterprise.
    public let enterprise: String
    /// The subscription.
    public let subscription: String
    /// The URL posted to.
    public let url: String
    /// The idempotency key, kept when retried.
    public let idempotencyKey: String
    /// Attempts made.
    public let attempts: Int
    /// When it was enqueued.
    public let createdAt: Date
    /// When it was given up.
    public let failedAt: Date
    /// Why.
    public let reason: String
    /// The JSON body as it would be sent.
    public let payload: String

    /// Creates a dead letter.
    public init(id: Int64, enterprise: String, subscription: String, url: String, idempotencyKey: String, attempts: Int, createdAt: Date,
                failedAt: Date, reason: String, payload: String) {
        self.id = id
        self.enterprise = enterprise
        self.subscription = subscription
        self.url = url
        self.idempotencyKey = idempotencyKey
        self.attempts = attempts
        self.createdAt = createdAt
        self.failedAt = failedAt
        self.reason = reason
        self.payload = payload
    }
}
