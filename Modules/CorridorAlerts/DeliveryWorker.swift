public import CorridorModel
public import Foundation

/// Sends due deliveries from the outbox: signed, with a stable idempotency key, retried with
/// exponential backoff and jitter, and dead-lettered when a receiver refuses for good.
public struct DeliveryWorker: Sendable {
    /// What one round did.
    public struct Round: Sendable, Codable, Equatable {
        /// Deliveries the receiver accepted (2xx).
        public var delivered = 0
        /// Deliveries scheduled for another attempt.
        public var retried = 0
        /// Deliveries moved to the dead letters.
        public var deadLettered = 0

        /// An empty round.
        public init() {}
    }

    private let store: any AlertStore
    private let transport: any WebhookTransport
    private let policy: RetryPolicy
    private let clock: @Sendable () -> Date
    private let random: @Sendable () -> Double

    /// Creates a worker; `clock` and `random` are injected so that tests control time and jitter.
    public init(store: any AlertStore, transport: any WebhookTransport, policy: RetryPolicy,
                clock: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.store = store
        self.transport = transport
        self.policy = policy
        self.clock = clock
        self.random = random
    }

    /// Attempts every delivery due now (at most `limit`), `policy.concurrency` at a time.
    public func deliverDue(limit: Int = 500) async throws -> Round {
        let due = clock()
        var round = Round()
        var attempted = 0
        while attempted < limit {
            // Claim only what is sent now: the lease (one attempt and a margin) starts just before
            // sending. If this process dies, the lease runs out and another worker (or the restarted
            // one) sends the delivery again, with the same key.
            let now = clock()
            let lease = policy.attemptTimeout + min(5, policy.attemptTimeout)
            let claimed = try await store.claimDeliveries(dueAt: due, limit: min(policy.concurrency, limit - attempted),
                                                          leaseUntil: now.addingTimeInterval(lease))
            guard !claimed.isEmpty else { break }
            attempted += claimed.count
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                for d in claimed { group.addTask { try await attempt(d) } }
                while let outcome = try await group.next() {
                    switch outcome {
                    case .delivered: round.delivered += 1
                    case .retried: round.retried += 1
                    case .deadLettered: round.deadLettered += 1
                    }
                }
            }
        }
        return round
    }

    private enum Outcome { case delivered, retried, deadLettered }

    private func attempt(_ d: Delivery) async throws -> Outcome {
        let number = d.attempts + 1
        let timestamp = Int(clock().timeIntervalSince1970)
        let headers = [("Content-Type", "application/json"), ("User-Agent", "corridor-alerts/1"), ("Idempotency-Key", d.idempotencyKey),
                       (WebhookSignature.timestampHeader, String(timestamp)),
                       (WebhookSignature.header, WebhookSignature.sign(body: d.payload, timestamp: timestamp, secret: d.secret)),
                       ("X-Corridor-Delivery", String(d.id)), ("X-Corridor-Attempt", String(number))]
        let result = await transport.post(url: d.url, body: d.payload, headers: headers, timeout: policy.attemptTimeout)
        let finished = clock()
        let reason: String
        var retryAfter: TimeInterval?
        switch result {
        case .response(let status, _) where (200..<300).contains(status):
            try await store.markDelivered(id: d.id, at: finished, attempts: number)
            return .delivered
        case .response(let status, let after) where status == 429 || status >= 500:
            reason = "HTTP \(status)"
            retryAfter = after
        case .response(let status, _):
            // Any other answer (a 4xx, or a 1xx/3xx the client did not follow) will not change by retrying.
            try await store.deadLetter(id: d.id, attempts: number, at: finished, reason: "HTTP \(status): the receiver refused the notification")
            return .deadLettered
        case .timedOut:
            reason = "no answer within \(policy.attemptTimeout) s"
        case .failed(let message):
            reason = message
        }
        guard number < policy.maxAttempts else {
            try await store.deadLetter(id: d.id, attempts: number, at: finished, reason: "\(reason) (gave up after \(number) attempts)")
            return .deadLettered
        }
        let delay = policy.delay(afterAttempt: number, random: random(), retryAfter: retryAfter)
        try await store.scheduleRetry(id: d.id, attempts: number, at: finished.addingTimeInterval(delay), error: reason)
        return .retried
    }
}
