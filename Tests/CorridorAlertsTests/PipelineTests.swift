import CorridorAlerts
import CorridorModel
import CorridorStore
import Foundation
import Testing

/// Timeline tests of grouping, the notification log, inhibition, silences and reminders, on a
/// real (in-memory) SQLite store, with the clock injected as explicit instants.
@Suite("Notification pipeline")
struct PipelineTests {
    static let t0 = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28T20:26:40Z

    struct World {
        let store: SQLiteAlertStore
        let ingestor: AlertIngestor
        let pipeline: NotificationPipeline

        /// Plans at `t` and enqueues the plan, as the dispatcher does.
        func step(_ t: TimeInterval) async throws -> NotificationPipeline.Plan {
            let now = PipelineTests.t0.addingTimeInterval(t)
            let plan = pipeline.plan(alerts: try await store.deliverableAlerts(at: now), silences: try await store.silences(enterprise: nil), log: try await store.notificationLog(), now: now)
            #expect(try await store.enqueue(plan.deliveries, log: plan.log))
            return plan
        }

        func ingest(_ events: [PolicyEvent], at t: TimeInterval) async throws -> AlertIngestor.Outcome {
            try await ingestor.ingest(events, at: PipelineTests.t0.addingTimeInterval(t))
        }
    }

    static func world(_ configuration: PipelineConfiguration = PipelineConfiguration(groupBy: ["measure"], groupWait: 30, groupInterval: 300,
                                                                                       repeatInterval: 3600)) async throws -> World {
        let store = SQLiteAlertStore(database: try CorridorDatabase.inMemory())
        try await store.replaceSKUs([Portfolio.SKU(id: "BAT-1", hs6: "850760", markets: ["US", "DE"]),
                                     Portfolio.SKU(id: "TOY-1", hs6: "950300", markets: ["US"])], of: "acme")
        try await store.saveSubscription(Subscription(id: "all", webhook: "http://127.0.0.1:9/hook"), of: "acme", webhookSecret: "s3cret")
        let matcher = EventMatcher(portfolios: try await store.portfolios())
        return World(store: store, ingestor: AlertIngestor(store: store, matcher: matcher, alertLifetime: configuration.alertLifetime),
                     pipeline: NotificationPipeline(configuration: configuration))
    }

    static func event(_ id: String, measure: MeasureType = .tariffChange, code: String = "8507", stage: PolicyStage? = nil,
                      measureKey: String? = nil, effective: String? = nil, deadline: String? = nil, title: String? = nil) throws -> PolicyEvent {
        try PolicyEvent(source: "test", sourceID: id, implementing: ["US"], measure: measure,
                        products: [ProductReference(code: try HSCode(code), version: .hs2022)],
                        published: try CivilDate(parsing: "2026-05-28"), effective: try effective.map { try CivilDate(parsing: $0) },
                        commentDeadline: try deadline.map { try CivilDate(parsing: $0) }, severity: .high, title: title ?? "measure \(id)",
                        stage: stage, measureKey: measureKey)
    }

    static func payload(_ d: Delivery) throws -> WebhookNotification {
        try JSONDecoder().decode(WebhookNotification.self, from: d.payload)
    }

    @Test("group_wait, group_interval and repeat_interval, and a restart that does not re-send")
    func grouping() async throws {
        let w = try await Self.world()
        #expect(try await w.ingest([Self.event("A")], at: 0).alerts.count == 1)
        var plan = try await w.step(10)
        #expect(plan.deliveries.isEmpty)
        #expect(plan.nextWake == Self.t0.addingTimeInterval(30))
        #expect(plan.waiting == 1)  // `run --drain` keeps going while a group waits
        plan = try await w.step(30)
        #expect(plan.deliveries.count == 1)
        let first = try Self.payload(try #require(plan.deliveries.first))
        #expect(first.alerts.map(\.event) == ["test:A"])
        #expect(first.sequence == 1 && first.groupLabels == ["measure": "tariff-change"])

        // A second alert of the same group waits for group_interval after the last notification.
        _ = try await w.ingest([Self.event("B")], at: 40)
        let waiting = try await w.step(100)
        #expect(waiting.deliveries.isEmpty && waiting.waiting == 1)
        plan = try await w.step(330)
        let second = try Self.payload(try #require(plan.deliveries.first))
        #expect(second.alerts.map(\.event) == ["test:A", "test:B"])
        #expect(second.alerts.map(\.new) == [false, true])
        #expect(second.sequence == 2)

        // Nothing new: silence until repeat_interval, then the group is repeated.
        let quiet = try await w.step(400)
        #expect(quiet.deliveries.isEmpty && quiet.waiting == 0)  // a repeat days away is not "waiting"
        // A "restarted" pipeline reads the log from the store and does not send again either.
        let restarted = World(store: w.store, ingestor: w.ingestor, pipeline: NotificationPipeline(configuration: w.pipeline.configuration))
        #expect(try await restarted.step(401).deliveries.isEmpty)
        plan = try await restarted.step(330 + 3600)
        #expect(try Self.payload(try #require(plan.deliveries.first)).sequence == 3)

        // Another measure type is another group, with its own group_wait.
        _ = try await w.ingest([Self.event("C", measure: .tbt)], at: 5000)
        #expect(try await w.step(5010).deliveries.isEmpty)
        let tbt = try await w.step(5030).deliveries
        #expect(try tbt.map { try Self.payload($0).groupLabels["measure"] } == ["tbt"])
        // Every enqueued delivery is in the outbox with its own idempotency key.
        let claimed = try await w.store.claimDeliveries(dueAt: Self.t0.addingTimeInterval(6000), limit: 100, leaseUntil: Self.t0.addingTimeInterval(7000))
        #expect(claimed.count == 4)
        #expect(Set(claimed.map(\.idempotencyKey)).count == 4)
        #expect(claimed.allSatisfy { $0.url == "http://127.0.0.1:9/hook" && $0.secret == "s3cret" })
    }

    @Test("a page ingested twice raises no duplicate alerts; a corrected record is updated")
    func dedup() async throws {
        let w = try await Self.world()
        let first = try await w.ingest([Self.event("A"), Self.event("B")], at: 0)
        #expect(first.inserted == 2 && first.alerts.count == 2)
        let again = try await w.ingest([Self.event("A"), Self.event("B")], at: 60)
        #expect(again.unchanged == 2 && again.alerts.isEmpty)
        let corrected = try await w.ingest([Self.event("A", title: "measure A (corrected)")], at: 120)
        #expect(corrected.updated == 1 && corrected.alerts.isEmpty)
        #expect(try await w.store.event(key: "test:A")?.title == "measure A (corrected)")
        #expect(try await w.store.alerts(AlertQuery(enterprise: "acme")).count == 2)
    }

    @Test("alerts of a subscription without a webhook are recorded and listed, never planned for delivery")
    func listedOnly() async throws {
        let store = SQLiteAlertStore(database: try CorridorDatabase.inMemory())
        try await store.replaceSKUs([Portfolio.SKU(id: "BAT-1", hs6: "850760", markets: ["US"])], of: "acme")
        try await store.saveSubscription(Subscription(id: "pushed", webhook: "http://127.0.0.1:9/hook"), of: "acme", webhookSecret: "s3cret-s3cret-s3cret")
        try await store.saveSubscription(Subscription(id: "listed"), of: "acme", webhookSecret: nil)
        let ingestor = AlertIngestor(store: store, matcher: EventMatcher(portfolios: try await store.portfolios()))
        _ = try await ingestor.ingest([Self.event("A")], at: Self.t0)
        #expect(try await store.alerts(AlertQuery(enterprise: "acme")).map(\.match.subscription).sorted() == ["listed", "pushed"])
        #expect(try await store.deliverableAlerts(at: Self.t0).map(\.match.subscription) == ["pushed"])
        // Past its end, an alert is no longer planned.
        #expect(try await store.deliverableAlerts(at: Self.t0.addingTimeInterval(31 * 86_400)).isEmpty)
    }

    @Test("a correction updates its alerts (severity filter, end date); a moved deadline gets its reminders again")
    func corrections() async throws {
        let w = try await Self.world(PipelineConfiguration(groupBy: ["event"], groupWait: 0, groupInterval: 60, repeatInterval: 365 * 86_400))
        _ = try await w.ingest([Self.event("D", measure: .tbt, deadline: "2026-07-10")], at: 0)
        #expect(try await w.store.alerts(AlertQuery(enterprise: "acme", minSeverity: .high)).count == 1)
        let day = try CivilDate(parsing: "2026-07-10").startOfDay().timeIntervalSince(Self.t0)
        _ = try await w.step(1)
        #expect(try await w.step(day - 7 * 86_400 + 5).deliveries.count == 1)
        // The deadline moves to 2026-08-10 and the record is downgraded: same alert id, new severity, new reminders.
        let moved = try PolicyEvent(source: "test", sourceID: "D", implementing: ["US"], measure: .tbt,
                                    products: [ProductReference(code: try HSCode("8507"), version: .hs2022)],
                                    published: try CivilDate(parsing: "2026-05-28"), commentDeadline: try CivilDate(parsing: "2026-08-10"),
                                    severity: .low, title: "measure D (deadline extended)")
        let outcome = try await w.ingest([moved], at: day - 7 * 86_400 + 60)
        #expect(outcome.updated == 1 && outcome.alerts.isEmpty)
        #expect(try await w.store.alerts(AlertQuery(enterprise: "acme", minSeverity: .high)).isEmpty)
        let stored = try #require(try await w.store.alerts(AlertQuery(enterprise: "acme")).first)
        #expect(stored.event.commentDeadline?.description == "2026-08-10")
        #expect(stored.endsAt >= (try CivilDate(parsing: "2026-08-11")).startOfDay())
        let newDay = try CivilDate(parsing: "2026-08-10").startOfDay().timeIntervalSince(Self.t0)
        let reminder = try await w.step(newDay - 7 * 86_400 + 5).deliveries.compactMap { try Self.payload($0).reminder }
        #expect(reminder.map(\.date) == ["2026-08-10"] && reminder.map(\.daysBefore) == [7])
    }

    @Test("two delivery loops planning the same group: the second plan is refused whole, nothing is lost or doubled")
    func concurrentLoops() async throws {
        let w = try await Self.world(PipelineConfiguration(groupBy: ["measure"], groupWait: 0, groupInterval: 60, repeatInterval: 3600))
        _ = try await w.ingest([Self.event("A")], at: 0)
        let now = Self.t0.addingTimeInterval(1)
        func plan() async throws -> NotificationPipeline.Plan {
            w.pipeline.plan(alerts: try await w.store.deliverableAlerts(at: now), silences: [], log: try await w.store.notificationLog(), now: now)
        }
        let first = try await plan(), second = try await plan()
        #expect(try await w.store.enqueue(first.deliveries, log: first.log))
        #expect(try await !w.store.enqueue(second.deliveries, log: second.log))
        #expect(try await w.store.pendingDeliveryCount() == 1)
    }

    @Test("an adopted measure inhibits the alert for its proposal")
    func inhibition() async throws {
        let w = try await Self.world(PipelineConfiguration(groupBy: ["..."], groupWait: 0, groupInterval: 60, repeatInterval: 3600))
        _ = try await w.ingest([Self.event("P", stage: .proposed, measureKey: "RIN 0625-AB12", deadline: "2026-07-01"),
                                Self.event("Q", stage: .proposed, measureKey: "RIN 0625-ZZ99", deadline: "2026-07-01")], at: 0)
        var plan = try await w.step(1)
        #expect(try plan.deliveries.flatMap { try Self.payload($0).alerts.map(\.event) }.sorted() == ["test:P", "test:Q"])
        _ = try await w.ingest([Self.event("F", stage: .final, measureKey: "RIN 0625-AB12", effective: "2026-09-01")], at: 100)
        plan = try await w.step(101)
        let ids = try await w.store.alerts(AlertQuery(enterprise: "acme")).reduce(into: [String: Int64]()) { $0[$1.event.sourceID] = $1.id }
        let p = try #require(ids["P"]), f = try #require(ids["F"])
        #expect(plan.muted.map { "\($0.alertID): \($0.reason)" } == ["\(p): inhibited by alert \(f)"])
        #expect(try plan.deliveries.flatMap { try Self.payload($0).alerts.map(\.event) } == ["test:F"])
    }

    @Test("a silence mutes matching alerts until it expires")
    func silences() async throws {
        let w = try await Self.world(PipelineConfiguration(groupBy: ["measure"], groupWait: 0, groupInterval: 60, repeatInterval: 3600))
        let silence = try Silence(id: "s1", enterprise: "acme", matchers: [LabelMatcher(parsing: "measure=tbt"), LabelMatcher(parsing: "title=~\".*toys.*\"")],
                                  startsAt: Self.t0, endsAt: Self.t0.addingTimeInterval(86_400), createdBy: "test", comment: "known")
        try await w.store.addSilence(silence)
        // Another enterprise's silence never mutes acme's alerts.
        try await w.store.addSilence(try Silence(id: "other", enterprise: "rival", matchers: [LabelMatcher(parsing: "measure=~.+")],
                                                 startsAt: Self.t0, endsAt: Self.t0.addingTimeInterval(86_400), createdBy: "rival", comment: ""))
        _ = try await w.ingest([Self.event("T", measure: .tbt, code: "9503", title: "labelling of toys"),
                                Self.event("U", measure: .tbt, code: "8507", title: "battery marking")], at: 0)
        var plan = try await w.step(1)
        #expect(plan.muted.map(\.reason) == ["silenced by s1"])
        #expect(try plan.deliveries.flatMap { try Self.payload($0).alerts.map(\.event) } == ["test:U"])
        #expect(try await w.store.expireSilence(id: "s1", enterprise: "rival", at: Self.t0.addingTimeInterval(100)) == false)
        #expect(try await w.store.expireSilence(id: "s1", enterprise: "acme", at: Self.t0.addingTimeInterval(100)))
        plan = try await w.step(200)
        #expect(plan.muted.isEmpty)
        #expect(try plan.deliveries.flatMap { try Self.payload($0).alerts.filter(\.new).map(\.event) } == ["test:T"])
    }

    @Test("reminders 30, 7 and 1 days before a comment deadline, once each, and not for a window the alert began in")
    func reminders() async throws {
        // t0 is 2026-05-28T20:26:40Z; the deadline 2026-07-10 starts 42.15 days later.
        let w = try await Self.world(PipelineConfiguration(groupBy: ["event"], groupWait: 0, groupInterval: 60, repeatInterval: 365 * 86_400))
        _ = try await w.ingest([Self.event("D", measure: .tbt, deadline: "2026-07-10")], at: 0)
        #expect(try await w.step(1).deliveries.count == 1)  // the alert itself
        let day = try CivilDate(parsing: "2026-07-10").startOfDay().timeIntervalSince(Self.t0)
        func reminderSteps(_ plan: NotificationPipeline.Plan) throws -> [Int] {
            try plan.deliveries.compactMap { try Self.payload($0).reminder?.daysBefore }
        }
        #expect(try reminderSteps(try await w.step(day - 31 * 86_400)).isEmpty)
        #expect(try reminderSteps(try await w.step(day - 30 * 86_400)) == [30])
        #expect(try reminderSteps(try await w.step(day - 29 * 86_400)).isEmpty)
        let seven = try await w.step(day - 7 * 86_400 + 5)
        #expect(try reminderSteps(seven) == [7])
        let reminder = try Self.payload(try #require(seven.deliveries.first))
        #expect(reminder.kind == "reminder" && reminder.reminder?.dateKind == "comment_deadline" && reminder.reminder?.date == "2026-07-10")
        #expect(try reminderSteps(try await w.step(day - 86_400)) == [1])
        #expect(try reminderSteps(try await w.step(day - 3600)).isEmpty)
        #expect(try reminderSteps(try await w.step(day + 3600)).isEmpty)

        // An alert raised 5 days before its date gets the 1-day reminder only.
        let late = try await Self.world(PipelineConfiguration(groupBy: ["event"], groupWait: 0, groupInterval: 60, repeatInterval: 365 * 86_400))
        _ = try await late.ingest([Self.event("L", deadline: "2026-07-10")], at: day - 5 * 86_400)
        #expect(try reminderSteps(try await late.step(day - 5 * 86_400 + 1)).isEmpty)
        #expect(try reminderSteps(try await late.step(day - 86_400 + 1)) == [1])
    }

    @Test("configuration: Alertmanager durations, matchers and refusals")
    func configuration() throws {
        let yaml = #"{"group_by":["measure","severity"],"group_wait":"45s","group_interval":"1h30m","repeat_interval":"7d","reminder_days":[14,2],"#
            + #""inhibit_rules":[{"source_matchers":["severity=critical"],"target_matchers":["severity=~low|medium"],"equal":["enterprise"]}],"#
            + #""retry":{"initial_backoff":"2s","max_attempts":5,"attempt_timeout":"3s"}}"#
        let c = try JSONDecoder().decode(PipelineConfiguration.self, from: Data(yaml.utf8))
        #expect(c.groupWait == 45 && c.groupInterval == 5400 && c.repeatInterval == 604_800 && c.reminderDays == [14, 2])
        #expect(c.retry.initialBackoff == 2 && c.retry.maxAttempts == 5 && c.retry.attemptTimeout == 3)
        #expect(c.inhibitRules.first?.target.first?.matches(["severity": "medium"]) == true)
        #expect(c.inhibitRules.first?.target.first?.matches(["severity": "high"]) == false)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(PipelineConfiguration.self, from: Data(#"{"group_wait":"soon"}"#.utf8)) }
        #expect(throws: ModelError.self) { try LabelMatcher(parsing: "severity=~(") }
        #expect(throws: ModelError.self) { try LabelMatcher(parsing: "no operator") }
        #expect(throws: AlertsError.self) { try PipelineConfiguration(reminderDays: [0]).validate() }
        #expect(throws: AlertsError.self) { try PipelineConfiguration(groupBy: ["mesure"]).validate() }
        let typo = InhibitRule(source: [try LabelMatcher(parsing: "stage=final")], target: [try LabelMatcher(parsing: "stage=proposed")], equal: ["subscripton"])
        #expect(throws: AlertsError.self) { try PipelineConfiguration(inhibitRules: [typo]).validate() }
        #expect(throws: ModelError.self) {
            try Portfolio(enterprise: "e", skus: [.init(id: "a", hs6: "850760", markets: ["US"]), .init(id: "a", hs6: "850760", markets: ["DE"])],
                          subscriptions: []).validate()
        }
        // Backoff: exponential, capped, jittered into [d/2, d], never before Retry-After.
        let p = RetryPolicy(initialBackoff: 1, multiplier: 2, maxBackoff: 10, jitter: 0.5)
        #expect(p.nominalDelay(afterAttempt: 1) == 1 && p.nominalDelay(afterAttempt: 3) == 4 && p.nominalDelay(afterAttempt: 9) == 10)
        #expect(p.delay(afterAttempt: 3, random: 0) == 4 && p.delay(afterAttempt: 3, random: 1) == 2)
        #expect(p.delay(afterAttempt: 1, random: 0, retryAfter: 30) == 30)
    }
}
