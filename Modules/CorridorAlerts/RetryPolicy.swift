public import Foundation

/// How deliveries are retried: exponential backoff with jitter, a deadline on every attempt, and a
/// limit after which a delivery goes to the dead letters. 5xx, 429, timeouts and connection
/// failures are retried; any other 4xx is not.
public struct RetryPolicy: Sendable, Codable, Equatable {
    /// The delay before the second attempt (default 1 s).
    public var initialBackoff: TimeInterval
    /// The factor between successive delays (default 2).
    public var multiplier: Double
    /// The longest delay (default 10 min).
    public var maxBackoff: TimeInterval
    /// The fraction of each delay that is random (default 0.5: a delay `d` becomes uniform in `[d/2, d]`).
    public var jitter: Double
    /// Attempts before a delivery is dead-lettered (default 10).
    public var maxAttempts: Int
    /// The deadline of one attempt (default 10 s).
    public var attemptTimeout: TimeInterval
    /// Deliveries attempted at once (default 8).
    public var concurrency: Int

    /// Creates a policy.
    public init(initialBackoff: TimeInterval = 1, multiplier: Double = 2, maxBackoff: TimeInterval = 600, jitter: Double = 0.5,
                maxAttempts: Int = 10, attemptTimeout: TimeInterval = 10, concurrency: Int = 8) {
        self.initialBackoff = initialBackoff
        self.multiplier = multiplier
        self.maxBackoff = maxBackoff
        self.jitter = jitter
        self.maxAttempts = maxAttempts
        self.attemptTimeout = attemptTimeout
        self.concurrency = concurrency
    }

    /// Checks the values.
    public func validate() throws(AlertsError) {
        guard initialBackoff > 0, initialBackoff.isFinite, maxBackoff >= initialBackoff, maxBackoff.isFinite else {
            throw .invalidConfiguration("retry: initial_backoff must be positive and at most max_backoff")
        }
        guard multiplier >= 1, multiplier.isFinite else { throw .invalidConfiguration("retry: multiplier must be at least 1") }
        guard (0...1).contains(jitter) else { throw .invalidConfiguration("retry: jitter must be between 0 and 1") }
        guard (1...100).contains(maxAttempts) else { throw .invalidConfiguration("retry: max_attempts must be between 1 and 100") }
        guard attemptTimeout > 0, attemptTimeout <= 300 else { throw .invalidConfiguration("retry: attempt_timeout must be between 0 and 5 minutes") }
        guard (1...256).contains(concurrency) else { throw .invalidConfiguration("retry: concurrency must be between 1 and 256") }
    }

    /// The un-jittered delay after failed attempt `attempt` (1-based).
    public func nominalDelay(afterAttempt attempt: Int) -> TimeInterval {
        min(maxBackoff, initialBackoff * pow(multiplier, Double(max(0, attempt - 1))))
    }

    /// The delay after failed attempt `attempt`, with `random` in `[0, 1)` choosing the jitter, and
    /// never earlier than a receiver's `Retry-After` (capped at an hour).
    public func delay(afterAttempt attempt: Int, random: Double, retryAfter: TimeInterval? = nil) -> TimeInterval {
        let d = nominalDelay(afterAttempt: attempt)
        let jittered = d * (1 - jitter * min(max(random, 0), 1))
        return max(jittered, min(retryAfter ?? 0, 3600))
    }

    private enum CodingKeys: String, CodingKey {
        case initialBackoff = "initial_backoff", multiplier, maxBackoff = "max_backoff", jitter, maxAttempts = "max_attempts"
        case attemptTimeout = "attempt_timeout", concurrency
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RetryPolicy()
        initialBackoff = try AlertDuration.decode(c, .initialBackoff, default: d.initialBackoff)
        multiplier = try c.decodeIfPresent(Double.self, forKey: .multiplier) ?? d.multiplier
        maxBackoff = try AlertDuration.decode(c, .maxBackoff, default: d.maxBackoff)
        jitter = try c.decodeIfPresent(Double.self, forKey: .jitter) ?? d.jitter
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? d.maxAttempts
        attemptTimeout = try AlertDuration.decode(c, .attemptTimeout, default: d.attemptTimeout)
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? d.concurrency
    }
}
