public import CorridorModel

/// Matches events against every enterprise's subscriptions and SKUs, with the reasons.
///
/// An event concerns a SKU when one of the event's products is a prefix of the SKU's HS 2022 code
/// (or the SKU's code is a prefix of a longer event code), or the event names no product at all,
/// and the SKU is sold in a market the measure applies to: the implementing jurisdiction (an EU measure applies to every member
/// state). A subscription alerts when the measure type and severity pass its filters, and either
/// an affected SKU lies under one of its HS prefixes and markets (or it has none), or a keyword
/// appears in the event's title or summary. Events should be reconciled to HS 2022 first.
///
/// SKUs are indexed by chapter, heading and subheading, and keywords by their text, so an event
/// costs the SKUs and subscriptions it can touch, not the whole book.
public struct EventMatcher: Sendable {
    /// The portfolios matched against.
    public let portfolios: [Portfolio]

    private struct SKURef: Sendable {
        let enterprise: Int
        let sku: Int
    }

    /// A subscription with its filters prepared.
    private struct Prepared: Sendable {
        let index: Int
        let minRank: Int
        let measures: Set<String>
        let hs: [String]
        let markets: [String]
        let keywords: [String]
    }

    private let skusByCode: [String: [SKURef]]
    private let prepared: [[Prepared]]
    private let keywordSubscribers: [String: [Int]]

    /// Indexes the portfolios.
    public init(portfolios: [Portfolio]) {
        self.portfolios = portfolios
        var index: [String: [SKURef]] = [:]
        var keywords: [String: Set<Int>] = [:]
        var prepared: [[Prepared]] = []
        for (e, portfolio) in portfolios.enumerated() {
            for (s, sku) in portfolio.skus.enumerated() {
                let ref = SKURef(enterprise: e, sku: s)
                for length in [2, 4, 6] where sku.hs6.count >= length { index[String(sku.hs6.prefix(length)), default: []].append(ref) }
            }
            prepared.append(portfolio.subscriptions.enumerated().map { i, sub in
                let words = sub.keywords.filter { !$0.isEmpty }.map { $0.lowercased() }
                for w in words { keywords[w, default: []].insert(e) }
                return Prepared(index: i, minRank: AlertSeverity(rawValue: sub.minSeverity)?.rank ?? 0, measures: Set(sub.measures), hs: sub.hs,
                                markets: sub.markets, keywords: words)
            })
        }
        skusByCode = index
        self.prepared = prepared
        keywordSubscribers = keywords.mapValues { $0.sorted() }
    }

    /// The matches of one event, with its products given as HS 2022 codes.
    public func match(_ event: PolicyEvent, products: [HSCode]? = nil) -> [AlertMatch] {
        let codes = (products ?? event.products.filter { $0.version == .hs2022 }.map(\.code)).map(\.digits)
        let markets = Set(event.implementing)
        let euMeasure = markets.contains("EU")
        let touchesEU = !markets.isDisjoint(with: PolicyEvent.euMembers)
        func applies(to market: String) -> Bool {
            markets.contains(market) || (euMeasure && PolicyEvent.euMembers.contains(market)) || (market == "EU" && touchesEU)
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
            // A chapter, heading or subheading finds the SKUs under it; a national line (8 or 10 digits) the SKU above it.
            let key = code.count > 6 ? String(code.prefix(6)) : code
            for ref in skusByCode[key] ?? [] {
                let sku = portfolios[ref.enterprise].skus[ref.sku]
                for market in sku.markets where applies(to: market) { touched[ref.enterprise, default: []].append((ref.sku, code, market)) }
            }
        }
        // Enterprises with a keyword in the event's text.
        var keywordHits: [Int: Set<String>] = [:]
        if !keywordSubscribers.isEmpty {
            let text = (event.title + " " + event.summary).lowercased()
            for (word, enterprises) in keywordSubscribers where text.contains(word) {
                for e in enterprises { keywordHits[e, default: []].insert(word) }
            }
        }
        var out: [AlertMatch] = []
        for e in Set(touched.keys).union(keywordHits.keys).sorted() {
            let portfolio = portfolios[e]
            let hits = touched[e] ?? []
            let words = keywordHits[e] ?? []
            for sub in prepared[e] {
                guard event.severity.rank >= sub.minRank else { continue }
                guard sub.measures.isEmpty || sub.measures.contains(event.measure.rawValue) else { continue }
                var affected: [String: [String]] = [:]
                for hit in hits {
                    let sku = portfolio.skus[hit.sku]
                    guard sub.hs.isEmpty || sub.hs.contains(where: { sku.hs6.hasPrefix($0) || $0.hasPrefix(sku.hs6) }) else { continue }
                    guard sub.markets.isEmpty || sub.markets.contains(where: { $0 == hit.market || ($0 == "EU" && PolicyEvent.euMembers.contains(hit.market)) }) else { continue }
                    affected[sku.id, default: []].append(hit.code == "any product" ? "the measure names no product; \(sku.hs6) is sold in \(hit.market)" : "HS \(hit.code) covers \(sku.hs6) sold in \(hit.market)")
                }
                let keywords = sub.keywords.filter { words.contains($0) }
                guard !affected.isEmpty || !keywords.isEmpty else { continue }
                let original = portfolio.subscriptions[sub.index]
                var reasons: [String] = []
                if !affected.isEmpty { reasons.append("\(affected.count) SKU(s) under the event's products in a market it applies to") }
                if !keywords.isEmpty {
                    reasons.append("keyword(s): " + original.keywords.filter { keywords.contains($0.lowercased()) }.joined(separator: ", "))
                }
                reasons.append("\(event.measure.rawValue), severity \(event.severity.rawValue) ≥ \(original.minSeverity)")
                out.append(AlertMatch(enterprise: portfolio.enterprise, subscription: original.id, eventID: event.key,
                                      title: event.title, severity: event.severity,
                                      skus: affected.sorted { $0.key < $1.key }.map { AlertMatch.AffectedSKU(sku: $0.key, reasons: $0.value) },
                                      reasons: reasons))
            }
        }
        return out
    }
}
