public import CorridorModel

/// Matches events against every enterprise's subscriptions and SKUs, with the reasons.
///
/// An event concerns a SKU when one of the event's products is a prefix of the SKU's HS 2022 code
/// (or the SKU's code is a prefix of a longer event code), or the event names no product at all,
/// and the SKU is sold in a market the measure applies to: the implementing jurisdiction (an EU measure applies to every member
/// state). A subscription alerts when the measure type and severity pass its filters, and either
/// an affected SKU lies under one of its HS prefixes and markets (or it has none), or a keyword
/// appears in the event's title or summary. Events should be reconciled to HS 2022 first.
public struct EventMatcher: Sendable {
    /// The portfolios matched against.
    public let portfolios: [Portfolio]
    private let skusByChapter: [String: [(enterprise: Int, sku: Int)]]

    /// Indexes the portfolios by HS chapter.
    public init(portfolios: [Portfolio]) {
        self.portfolios = portfolios
        var index: [String: [(enterprise: Int, sku: Int)]] = [:]
        for (e, portfolio) in portfolios.enumerated() {
            for (s, sku) in portfolio.skus.enumerated() { index[String(sku.hs6.prefix(2)), default: []].append((e, s)) }
        }
        skusByChapter = index
    }

    /// The matches of one event, with its products given as HS 2022 codes.
    public func match(_ event: PolicyEvent, products: [HSCode]? = nil) -> [AlertMatch] {
        let codes = (products ?? event.products.filter { $0.version == .hs2022 }.map(\.code)).map(\.digits)
        let markets = Set(event.implementing)
        func applies(to market: String) -> Bool {
            markets.contains(market) || (markets.contains("EU") && PolicyEvent.euMembers.contains(market)) || (market == "EU" && !markets.isDisjoint(with: PolicyEvent.euMembers))
        }
        // SKUs touched by the event's products, per enterprise.
        var touched: [Int: [(sku: Int, code: String, market: String)]] = [:]
        if event.products.isEmpty {
            // A measure that names no product applies to everything sold in its markets.
            for (e, portfolio) in portfolios.enumerated() {
                for (s, sku) in portfolio.skus.enumerated() {
                    for market in sku.markets where applies(to: market) { touched[e, default: []].append((s, "any product", market)) }
                }
            }
        }
        for code in codes {
            for (e, s) in skusByChapter[String(code.prefix(2))] ?? [] {
                let sku = portfolios[e].skus[s]
                guard sku.hs6.hasPrefix(code) || code.hasPrefix(sku.hs6) else { continue }
                for market in sku.markets where applies(to: market) { touched[e, default: []].append((s, code, market)) }
            }
        }
        let text = (event.title + " " + event.summary).lowercased()
        var out: [AlertMatch] = []
        for (e, portfolio) in portfolios.enumerated() {
            for sub in portfolio.subscriptions {
                guard AlertSeverity(rawValue: sub.minSeverity).map({ event.severity >= $0 }) ?? true else { continue }
                guard sub.measures.isEmpty || sub.measures.contains(event.measure.rawValue) else { continue }
                var affected: [String: [String]] = [:]
                for hit in touched[e] ?? [] {
                    let sku = portfolio.skus[hit.sku]
                    guard sub.hs.isEmpty || sub.hs.contains(where: { sku.hs6.hasPrefix($0) || $0.hasPrefix(sku.hs6) }) else { continue }
                    guard sub.markets.isEmpty || sub.markets.contains(where: { $0 == hit.market || ($0 == "EU" && PolicyEvent.euMembers.contains(hit.market)) }) else { continue }
                    affected[sku.id, default: []].append(hit.code == "any product" ? "the measure names no product; \(sku.hs6) is sold in \(hit.market)" : "HS \(hit.code) covers \(sku.hs6) sold in \(hit.market)")
                }
                let keywords = sub.keywords.filter { !$0.isEmpty && text.contains($0.lowercased()) }
                guard !affected.isEmpty || !keywords.isEmpty else { continue }
                var reasons: [String] = []
                if !affected.isEmpty { reasons.append("\(affected.count) SKU(s) under the event's products in a market it applies to") }
                if !keywords.isEmpty { reasons.append("keyword(s): " + keywords.joined(separator: ", ")) }
                reasons.append("\(event.measure.rawValue), severity \(event.severity.rawValue) ≥ \(sub.minSeverity)")
                out.append(AlertMatch(enterprise: portfolio.enterprise, subscription: sub.id, eventID: "\(event.source):\(event.sourceID)",
                                      title: event.title, severity: event.severity,
                                      skus: affected.sorted { $0.key < $1.key }.map { AlertMatch.AffectedSKU(sku: $0.key, reasons: $0.value) },
                                      reasons: reasons))
            }
        }
        return out
    }
}
