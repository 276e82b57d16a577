public import Foundation

/// One webhook notification in the outbox: what to post, where, and how it has gone so far.
public struct Delivery: Sendable, Equatable {
    /// The outbox id (0 until enqueued).
    public let id: Int64
    /// The enterprise it belongs to.
    public let enterprise: String
    /// The subscription whose webhook receives it.
    public let subscription: String
    /// The URL posted to (copied from the subscription when enqueued).
    public let url: String
    /// The HMAC-SHA-256 key (copied from the subscription when enqueued; never shown).
    public let secret: String
    /// The JSON body, signed as sent.
    public let payload: Data
    /// The `Idempotency-Key` header: the same on every attempt.
    public let idempotencyKey: String
    /// Attempts made so far.
    public let attempts: Int
    /// When it was enqueued.
    public let createdAt: Date
    /// The earliest time of the next attempt.
    public let nextAttemptAt: Date
    /// Why the last attempt failed.
    public let lastError: String?

    /// Creates a delivery.
    public init(id: Int64 = 0, enterprise: String, subscription: String, url: String = "", secret: String = "", payload: Data,
                idempotencyKey: String, attempts: Int = 0, createdAt: Date, nextAttemptAt: Date, lastError: String? = nil) {
        self.id = id
        self.enterprise = enterprise
        self.subscription = subscription
        self.url = url
        self.secret = secret
        self.payload = payload
        self.idempotencyKey = idempotencyKey
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}
