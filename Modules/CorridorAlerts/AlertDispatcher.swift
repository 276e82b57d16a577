public import CorridorModel
public import Foundation

/// The delivery loop: plans notifications from the stored alerts, enqueues them with their log
/// entries in one transaction, then sends what is due. `corridor-alerts run` and the daemon run it.
public struct AlertDispatcher: Sendable {
    /// What one tick did.
    public struct Tick: Sendable, Codable, Equatable {
        /// Notifications enqueued.
        public let enqueued: Int
        /// Alerts muted, with the reasons.
        public let muted: [NotificationPipeline.Muted]
        /// The delivery round.
        public let round: DeliveryWorker.Round
        /// Deliveries still in the outbox.
        public let pending: Int
        /// Groups whose new alerts wait for `group_wait` or `group_interval`.
        public let waiting: Int
        /// When something is next due.
        public let nextWake: Date?
    }

    private let store: any AlertStore
    private let pipeline: NotificationPipeline
    private let worker: DeliveryWorker
    private let clock: @Sendable () -> Date

    /// Creates a dispatcher.
    public init(store: any AlertStore, pipeline: NotificationPipeline, transport: any WebhookTransport,
                clock: @escaping @Sendable () -> Date, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.store = store
        self.pipeline = pipeline
        self.clock = clock
        worker = DeliveryWorker(store: store, transport: transport, policy: pipeline.configuration.retry, clock: clock, random: random)
    }

    /// Plans and enqueues what is due now, without sending.
    public func enqueueDue() async throws -> NotificationPipeline.Plan {
        let now = clock()
        let plan = pipeline.plan(alerts: try await store.deliverableAlerts(at: now), silences: try await store.silences(enterprise: nil),
                                 log: try await store.notificationLog(), now: now)
        if !plan.deliveries.isEmpty || !plan.log.isEmpty, try await !store.enqueue(plan.deliveries, log: plan.log) {
            // Another delivery loop on the same database logged these groups first: its plan stands,
            // and this one is dropped whole; the next tick plans from the new state.
            return NotificationPipeline.Plan(deliveries: [], log: [], muted: plan.muted, nextWake: now, waiting: plan.waiting)
        }
        return plan
    }

    /// One tick: enqueue what is due, then send what is due.
    public func tick() async throws -> Tick {
        let plan = try await enqueueDue()
        let round = try await worker.deliverDue()
        let nextDelivery = try await store.nextDeliveryTime()
        let wake = [plan.nextWake, nextDelivery].compactMap { $0 }.min()
        return Tick(enqueued: plan.deliveries.count, muted: plan.muted, round: round, pending: try await store.pendingDeliveryCount(),
                    waiting: plan.waiting, nextWake: wake)
    }

    /// Ticks until cancelled, or, with `drain`, until the outbox is empty and no group holds alerts
    /// waiting to be notified (reminders and repeats, days away, do not count). Sleeps until the next due
    /// time, at most `pollInterval` (new alerts and silences are picked up at the next tick).
    public func run(pollInterval: TimeInterval = 5, drain: Bool = false, report: @Sendable (Tick) -> Void = { _ in }) async throws {
        while !Task.isCancelled {
            let tick = try await tick()
            report(tick)
            if drain && tick.pending == 0 && tick.waiting == 0 { return }
            let now = clock()
            let wait = min(pollInterval, max(0.01, (tick.nextWake ?? now.addingTimeInterval(pollInterval)).timeIntervalSince(now)))
            try await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded(.up))))
        }
    }
}
