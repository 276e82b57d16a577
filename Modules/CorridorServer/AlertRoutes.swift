import CorridorAlerts
import CorridorModel
import Foundation
import Hummingbird
import Logging

/// `/v1/subscriptions`, `/v1/portfolio`, `/v1/alerts`, `/v1/events`, `/v1/silences`,
/// `/v1/deadletters`: trade-friction early warning.
///
/// Everything is tenant-scoped: an enterprise key sees and changes its own enterprise's records; a
/// zone-admin key acts for any enterprise with `?enterprise=ID` and alone ingests events and
/// sets zone-wide silences; an auditor key reads any enterprise's.
enum AlertRoutes {
    /// A subscription as written by a client; the secret is write-only.
    struct SubscriptionBody: Decodable {
        let id: String?
        let hs: [String]?
        let markets: [String]?
        let measures: [String]?
        let minSeverity: String?
        let keywords: [String]?
        let webhook: String?
        let webhookSecret: String?

        enum CodingKeys: String, CodingKey {
            case id, hs, markets, measures, minSeverity = "min_severity", keywords, webhook, webhookSecret = "webhook_secret"
        }
    }

    struct PortfolioBody: Decodable {
        let skus: [Portfolio.SKU]
    }

    /// An alert as listed: the match and the event without its raw record.
    struct AlertView: Encodable, Sendable {
        struct EventView: Encodable, Sendable {
            let key: String
            let source: String
            let sourceID: String
            let title: String
            let summary: String
            let measure: String
            let severity: String
            let stage: String
            let implementing: [String]
            let affected: [String]
            let products: [ProductReference]
            let announced: CivilDate?
            let published: CivilDate?
            let effective: CivilDate?
            let commentDeadline: CivilDate?
            let links: [String]

            enum CodingKeys: String, CodingKey {
                case key, source, sourceID = "source_id", title, summary, measure, severity, stage, implementing, affected, products
                case announced, published, effective, commentDeadline = "comment_deadline", links
            }
        }

        let id: Int64
        let createdAt: String
        let enterprise: String
        let subscription: String
        let skus: [AlertMatch.AffectedSKU]
        let reasons: [String]
        let event: EventView

        enum CodingKeys: String, CodingKey { case id, createdAt = "created_at", enterprise, subscription, skus, reasons, event }

        init(_ a: AlertRecord) {
            let e = a.event
            id = a.id
            createdAt = a.createdAt.formatted(.iso8601)
            enterprise = a.match.enterprise
            subscription = a.match.subscription
            skus = a.match.skus
            reasons = a.match.reasons
            event = EventView(key: e.key, source: e.source, sourceID: e.sourceID, title: e.title, summary: e.summary, measure: e.measure.rawValue,
                              severity: e.severity.rawValue, stage: e.stage.rawValue, implementing: e.implementing, affected: e.affected,
                              products: e.products, announced: e.announced, published: e.published, effective: e.effective,
                              commentDeadline: e.commentDeadline, links: e.links)
        }
    }

    struct AlertPage: Encodable, Sendable {
        let alerts: [AlertView]
        let nextCursor: String?
        enum CodingKeys: String, CodingKey { case alerts, nextCursor = "next_cursor" }
    }

    struct SilenceBody: Decodable {
        let matchers: [String]
        let duration: String?
        let endsAt: Date?
        let comment: String?
        let zoneWide: Bool?
        enum CodingKeys: String, CodingKey { case matchers, duration, endsAt = "ends_at", comment, zoneWide = "zone_wide" }
    }

    struct SilenceView: Encodable, Sendable {
        let id: String
        let enterprise: String?
        let matchers: [String]
        let startsAt: String
        let endsAt: String
        let createdBy: String
        let comment: String
        let active: Bool
        enum CodingKeys: String, CodingKey {
            case id, enterprise, matchers, startsAt = "starts_at", endsAt = "ends_at", createdBy = "created_by", comment, active
        }

        init(_ s: Silence, now: Date) {
            id = s.id
            enterprise = s.enterprise
            matchers = s.matchers.map(\.description)
            startsAt = s.startsAt.formatted(.iso8601)
            endsAt = s.endsAt.formatted(.iso8601)
            createdBy = s.createdBy
            comment = s.comment
            active = s.isActive(at: now)
        }
    }

    /// The page sizes events are accepted in.
    static let maxEventPageBytes = FederalRegisterAdapter.maxPageBytes

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices, alerts: AlertService) {
        let store = alerts.store

        // MARK: Subscriptions

        group.get("subscriptions") { request, context in
            let enterprise = try tenant(request, context, write: false)
            return JSONBody(try await store.portfolio(of: enterprise).subscriptions)
        }
        group.post("subscriptions") { request, context in
            let enterprise = try tenant(request, context, write: true)
            let body = try await request.decode(as: SubscriptionBody.self, context: context)
            guard let id = body.id else { throw Problem.badRequest("a subscription needs an id") }
            let (subscription, created) = try await save(body, id: id, enterprise: enterprise, store: store)
            return JSONBody(subscription, status: created ? .created : .ok)
        }
        group.get("subscriptions/:id") { request, context in
            let enterprise = try tenant(request, context, write: false)
            let id = try context.path("id")
            guard let s = try await store.portfolio(of: enterprise).subscriptions.first(where: { $0.id == id }) else {
                throw Problem.notFound("\(enterprise) has no subscription \(id)")
            }
            return JSONBody(s)
        }
        group.put("subscriptions/:id") { request, context in
            let enterprise = try tenant(request, context, write: true)
            let id = try context.path("id")
            let body = try await request.decode(as: SubscriptionBody.self, context: context)
            if let bodyID = body.id, bodyID != id { throw Problem.badRequest("the body's id \(bodyID) is not the path's \(id)") }
            let (subscription, created) = try await save(body, id: id, enterprise: enterprise, store: store)
            return JSONBody(subscription, status: created ? .created : .ok)
        }
        group.delete("subscriptions/:id") { request, context in
            let enterprise = try tenant(request, context, write: true)
            let id = try context.path("id")
            guard try await store.deleteSubscription(id: id, of: enterprise) else { throw Problem.notFound("\(enterprise) has no subscription \(id)") }
            return Response(status: .noContent)
        }

        // MARK: Portfolio

        group.get("portfolio") { request, context in
            let enterprise = try tenant(request, context, write: false)
            return JSONBody(try await store.portfolio(of: enterprise))
        }
        group.put("portfolio") { request, context in
            let enterprise = try tenant(request, context, write: true)
            let body = try await request.decode(as: PortfolioBody.self, context: context)
            try Portfolio(enterprise: enterprise, skus: body.skus, subscriptions: []).validate()
            try await store.replaceSKUs(body.skus, of: enterprise)
            return JSONBody(try await store.portfolio(of: enterprise))
        }

        // MARK: Alerts

        group.get("alerts") { request, context in
            let enterprise = try tenant(request, context, write: false)
            var query = AlertQuery(enterprise: enterprise, limit: try request.integer("limit", default: 50, in: 1...500))
            if let text = request.query("min_severity") {
                guard let s = AlertSeverity(rawValue: text) else { throw Problem.badRequest("min_severity '\(text)' is not low, medium, high or critical") }
                query.minSeverity = s
            }
            if let text = request.query("measure") {
                guard let m = MeasureType(rawValue: text) else {
                    throw Problem.badRequest("measure '\(text)' is not one of \(MeasureType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                query.measure = m
            }
            query.subscription = request.query("subscription")
            if let text = request.query("since") {
                if let date = try? Date(text, strategy: .iso8601) {
                    query.since = date
                } else if let day = CivilDate(text) {
                    query.since = day.startOfDay(in: services.timeZone)
                } else {
                    throw Problem.badRequest("since '\(text)' is neither a date (2026-08-01) nor an ISO 8601 instant")
                }
            }
            if let text = request.query("cursor") {
                guard let before = Int64(text), before > 0 else { throw Problem.badRequest("cursor '\(text)' is not one this API gave") }
                query.before = before
            }
            let page = try await store.alerts(query)
            let next = page.count == query.limit ? page.last.map { String($0.id) } : nil
            return JSONBody(AlertPage(alerts: page.map(AlertView.init), nextCursor: next))
        }

        // MARK: Events (zone administrators)

        group.post("events") { request, context in
            let identity = try context.requireIdentity()
            guard identity.role == .zoneAdmin else {
                throw Problem.forbidden("ingesting policy events needs the zone-admin role; this key has role \(identity.role)")
            }
            let sourceName = try request.required("source")
            guard let format = FeedFormat(rawValue: sourceName) else {
                throw Problem.badRequest("source '\(sourceName)' is not one of \(FeedFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: maxEventPageBytes)
            } catch {
                throw Problem(status: .contentTooLarge, slug: "payload-too-large", title: "Payload too large",
                              detail: "an event page may be at most \(maxEventPageBytes) bytes")
            }
            let report = try format.parse(Data(buffer.readableBytesView))
            let outcome = try await alerts.ingest(report, at: services.now())
            context.logger.info("events ingested", metadata: ["source": "\(sourceName)", "new": "\(outcome.inserted)", "alerts": "\(outcome.alerts.count)"])
            return JSONBody(IngestSummary(outcome, report: report))
        }

        // MARK: Silences

        group.get("silences") { request, context in
            let enterprise = try tenant(request, context, write: false)
            let now = services.now()
            return JSONBody(try await store.silences(enterprise: enterprise).map { SilenceView($0, now: now) })
        }
        group.post("silences") { request, context in
            let identity = try context.requireIdentity()
            let enterprise = try tenant(request, context, write: true)
            let body = try await request.decode(as: SilenceBody.self, context: context)
            if body.zoneWide == true, identity.role != .zoneAdmin {
                throw Problem.forbidden("a zone-wide silence needs the zone-admin role; this key has role \(identity.role)")
            }
            var matchers: [LabelMatcher] = []
            for text in body.matchers {
                let m = try LabelMatcher(parsing: text)
                guard AlertLabels.names.contains(m.name) else {
                    throw Problem.badRequest("'\(m.name)' is not an alert label; use one of \(AlertLabels.names.sorted().joined(separator: ", "))")
                }
                matchers.append(m)
            }
            let now = services.now()
            let ends: Date
            switch (body.duration, body.endsAt) {
            case (let d?, nil): ends = now.addingTimeInterval(try PipelineConfiguration.duration(d, field: "duration"))
            case (nil, let e?): ends = e
            default: throw Problem.badRequest("give either duration (such as 2h or 7d) or ends_at")
            }
            let silence = try Silence(id: UUID().uuidString.lowercased(), enterprise: body.zoneWide == true ? nil : enterprise, matchers: matchers,
                                      startsAt: now, endsAt: ends, createdBy: identity.keyID, comment: body.comment ?? "")
            try await store.addSilence(silence)
            return JSONBody(SilenceView(silence, now: now), status: .created)
        }
        group.delete("silences/:id") { request, context in
            let identity = try context.requireIdentity()
            let enterprise = try tenant(request, context, write: true)
            let id = try context.path("id")
            // A zone admin may expire any silence, including the zone-wide ones; an enterprise only its own.
            guard try await store.expireSilence(id: id, enterprise: identity.role == .zoneAdmin ? nil : enterprise, at: services.now()) else {
                throw Problem.notFound("no silence \(id) of \(enterprise)")
            }
            return Response(status: .noContent)
        }

        // MARK: Dead letters

        group.get("deadletters") { request, context in
            let enterprise = try tenant(request, context, write: false)
            return JSONBody(try await store.deadLetters(enterprise: enterprise))
        }
        group.post("deadletters/:id/retry") { request, context in
            let enterprise = try tenant(request, context, write: true)
            let text = try context.path("id")
            guard let id = Int64(text), try await store.retryDeadLetter(id: id, enterprise: enterprise, at: services.now()) else {
                throw Problem.notFound("no dead letter \(text) of \(enterprise)")
            }
            return Response(status: .accepted)
        }
    }

    /// The enterprise a request acts for: the key's own, or `?enterprise=` for a zone admin (and,
    /// to read, an auditor).
    static func tenant(_ request: Request, _ context: CorridorRequestContext, write: Bool) throws -> String {
        let identity = try context.requireIdentity()
        guard let named = request.query("enterprise") else {
            guard !write || identity.mayWrite(identity.enterprise) else {
                throw Problem.forbidden("a key with role \(identity.role) may read alerts, subscriptions and silences but not change them")
            }
            return identity.enterprise.rawValue
        }
        let id = try EnterpriseID(named)
        guard write ? identity.mayWrite(id) : identity.mayRead(id) else {
            throw Problem.forbidden("this key belongs to enterprise \(identity.enterprise) with role \(identity.role) and may not \(write ? "change" : "read") the alerts of \(id)")
        }
        return id.rawValue
    }

    /// Validates and stores a subscription; `true` when it is new.
    static func save(_ body: SubscriptionBody, id: String, enterprise: String, store: any AlertStore) async throws -> (Subscription, Bool) {
        let subscription = Subscription(id: id, hs: body.hs ?? [], markets: (body.markets ?? []).map { $0.uppercased() }, measures: body.measures ?? [],
                                        minSeverity: body.minSeverity ?? "low", keywords: body.keywords ?? [], webhook: body.webhook)
        try Portfolio(enterprise: enterprise, skus: [], subscriptions: [subscription]).validate()
        if let secret = body.webhookSecret, secret.utf8.count < 16 {
            throw Problem.badRequest("webhook_secret needs at least 16 bytes")
        }
        let existing = try await store.portfolio(of: enterprise).subscriptions.first { $0.id == id }
        if subscription.webhook != nil, body.webhookSecret == nil, existing?.webhook != subscription.webhook {
            throw Problem.badRequest("a new webhook URL needs webhook_secret: the secret its notifications are signed with (X-Corridor-Signature)")
        }
        try await store.saveSubscription(subscription, of: enterprise, webhookSecret: body.webhookSecret)
        return (subscription, existing == nil)
    }
}
