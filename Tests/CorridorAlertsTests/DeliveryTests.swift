import CorridorAlerts
import CorridorModel
import CorridorStore
import CorridorTestSupport
import Foundation
import Testing

/// Delivery against a real local HTTP receiver (Hummingbird), never a mock: retries and their
/// backoff, dead letters, deadlines, signatures and idempotency keys.
@Suite("Webhook delivery", .serialized)
struct DeliveryTests {
    /// A store with one subscription whose webhook is `url`, and one delivery enqueued for it.
    static func outbox(url: String) async throws -> SQLiteAlertStore {
        let store = SQLiteAlertStore(database: try CorridorDatabase.inMemory())
        try await store.saveSubscription(Subscription(id: "hook", webhook: url), of: "acme", webhookSecret: "whsec-test")
        _ = try await store.enqueue([Delivery(enterprise: "acme", subscription: "hook", payload: Data(#"{"kind":"alert"}"#.utf8),
                                          idempotencyKey: "key-1", createdAt: Date(), nextAttemptAt: Date())], log: [])
        return store
    }

    /// Replays a fixed list of jitter draws.
    final class Draws: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Double]
        init(_ values: [Double]) { self.values = values }
        func next() -> Double { lock.withLock { values.isEmpty ? 0 : values.removeFirst() } }
    }

    static func dispatcher(_ store: SQLiteAlertStore, policy: RetryPolicy, draws: Draws) -> AlertDispatcher {
        AlertDispatcher(store: store, pipeline: NotificationPipeline(configuration: PipelineConfiguration(retry: policy)),
                        transport: HTTPWebhookTransport(), clock: { Date() }, random: { draws.next() })
    }

    @Test("503 three times then 200: one processed delivery, jittered exponential gaps, one idempotency key, valid signatures")
    func retriesUntilAccepted() async throws {
        let receiver = WebhookReceiver { n in (n <= 3 ? 503 : 200, 0) }
        let policy = RetryPolicy(initialBackoff: 0.2, multiplier: 2, maxBackoff: 5, jitter: 0.5, maxAttempts: 6, attemptTimeout: 10)
        // Draws 0, 1, 0.5 give delays 0.2, 0.4 × 0.5 = 0.2 and 0.8 × 0.75 = 0.6 s.
        let expected: [TimeInterval] = [0.2, 0.2, 0.6]
        try await receiver.serve { url in
            let store = try await Self.outbox(url: url)
            try await Self.dispatcher(store, policy: policy, draws: Draws([0, 1, 0.5])).run(pollInterval: 0.02, drain: true)
            #expect(try await store.pendingDeliveryCount() == 0)
            #expect(try await store.deadLetters(enterprise: nil).isEmpty)
        }
        let requests = await receiver.requests
        #expect(requests.map(\.status) == [503, 503, 503, 200])
        #expect(await receiver.processed == ["key-1"])
        #expect(Set(requests.map { $0.headers["idempotency-key"] }) == ["key-1"])
        #expect(requests.map { $0.headers["x-corridor-attempt"] } == ["1", "2", "3", "4"])
        // Never earlier than the jittered backoff; later only by scheduling delay (generous: the whole
        // suite shares two cores, and a starved cooperative pool can hold a retry back for seconds).
        for (i, gap) in zip(requests.dropFirst(), requests).map({ $0.at.timeIntervalSince($1.at) }).enumerated() {
            #expect(gap >= expected[i] - 0.01, "gap \(i + 1) was \(gap) s, expected at least \(expected[i]) s")
            #expect(gap < expected[i] + 20, "gap \(i + 1) was \(gap) s, expected about \(expected[i]) s")
        }
        for r in requests {
            let timestamp = try #require(r.headers["x-corridor-timestamp"].flatMap { Int($0) })
            let signature = try #require(r.headers["x-corridor-signature"])
            #expect(WebhookSignature.verify(signature: signature, body: r.body, timestamp: timestamp, secret: "whsec-test"))
            #expect(!WebhookSignature.verify(signature: signature, body: r.body, timestamp: timestamp, secret: "another"))
        }
    }

    @Test("400: one attempt, then the dead letters; a retried dead letter keeps its key")
    func refusedGoesToDeadLetters() async throws {
        let receiver = WebhookReceiver { n in (n == 1 ? 400 : 200, 0) }
        let policy = RetryPolicy(initialBackoff: 0.05, maxAttempts: 5, attemptTimeout: 2)
        try await receiver.serve { url in
            let store = try await Self.outbox(url: url)
            let dispatcher = Self.dispatcher(store, policy: policy, draws: Draws([]))
            try await dispatcher.run(pollInterval: 0.02, drain: true)
            let dead = try await store.deadLetters(enterprise: "acme")
            #expect(dead.count == 1)
            #expect(dead.first?.attempts == 1)
            #expect(dead.first?.reason.hasPrefix("HTTP 400") == true)
            #expect(try await store.deadLetters(enterprise: "rival").isEmpty)
            // Retried by the operator: back in the outbox with the same key, and delivered.
            #expect(try await store.retryDeadLetter(id: try #require(dead.first?.id), enterprise: "acme", at: Date()))
            try await dispatcher.run(pollInterval: 0.02, drain: true)
            #expect(try await store.deadLetters(enterprise: nil).isEmpty)
        }
        #expect(await receiver.requests.map(\.status) == [400, 200])
        // Two refusals in a row, the outbox emptied in between: two dead letters with their own ids.
        let refusing = WebhookReceiver { _ in (410, 0) }
        try await refusing.serve { url in
            let store = try await Self.outbox(url: url)
            let dispatcher = Self.dispatcher(store, policy: policy, draws: Draws([]))
            try await dispatcher.run(pollInterval: 0.02, drain: true)
            #expect(try await store.enqueue([Delivery(enterprise: "acme", subscription: "hook", payload: Data("{}".utf8), idempotencyKey: "key-2",
                                                      createdAt: Date(), nextAttemptAt: Date())], log: []))
            try await dispatcher.run(pollInterval: 0.02, drain: true)
            let dead = try await store.deadLetters(enterprise: nil)
            #expect(dead.map(\.idempotencyKey) == ["key-1", "key-2"])
            #expect(Set(dead.map(\.id)).count == 2)
        }
        #expect(await receiver.requests.map { $0.headers["idempotency-key"] } == ["key-1", "key-1"])
    }

    @Test("a receiver slower than the deadline: the attempt is cancelled at the deadline and retried")
    func deadline() async throws {
        let receiver = WebhookReceiver { n in (200, n == 1 ? 60 : 0) }
        let policy = RetryPolicy(initialBackoff: 0.1, maxAttempts: 3, attemptTimeout: 0.5)
        let started = Date()
        try await receiver.serve { url in
            let store = try await Self.outbox(url: url)
            try await Self.dispatcher(store, policy: policy, draws: Draws([0])).run(pollInterval: 0.02, drain: true)
            #expect(try await store.pendingDeliveryCount() == 0)
        }
        // (A loaded machine may time out the second attempt too; what matters is the first was cut off at its deadline.)
        let requests = await receiver.requests
        #expect(requests.count >= 2)
        #expect(requests.prefix(2).map { $0.headers["x-corridor-attempt"] } == ["1", "2"])
        // The second attempt began after the 0.5 s deadline and 0.1 s backoff, long before the slow answer (60 s).
        let gap = requests[1].at.timeIntervalSince(requests[0].at)
        #expect(gap >= 0.55 && gap < 30, "the retry came \(gap) s after the first attempt")
        // The worker did not wait for the slow answer.
        #expect(Date().timeIntervalSince(started) < 40)
        #expect(await receiver.processed == ["key-1"])
    }

    @Test("a refused connection is retried, then dead-lettered when attempts run out")
    func connectionRefused() async throws {
        // Port 9 (discard) on loopback is closed in the test environment: connecting fails at once.
        let store = try await Self.outbox(url: "http://127.0.0.1:9/hook")
        let policy = RetryPolicy(initialBackoff: 0.02, maxAttempts: 3, attemptTimeout: 1)
        try await Self.dispatcher(store, policy: policy, draws: Draws([])).run(pollInterval: 0.01, drain: true)
        let dead = try await store.deadLetters(enterprise: nil)
        #expect(dead.first?.attempts == 3)
        #expect(dead.first?.reason.contains("gave up after 3 attempts") == true)
    }
}
