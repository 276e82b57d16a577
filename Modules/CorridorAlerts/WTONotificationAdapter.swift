import CorridorModel
public import Foundation

/// WTO ePing SPS and TBT notification records, as the ePing notification search returns them
/// (`GET https://api.wto.org/eping/notifications/search`, the WTO API portal): a page
/// `{"items": [...], "totalCount": N}` (or a bare array) of records with `documentSymbol`, `area`,
/// `notificationType`, `notifyingMember`, `notifyingMemberCode`, `distributionDate`,
/// `commentDeadlineDate`, `proposedEntryIntoForceDate`, `titlePlain`/`title`,
/// `descriptionPlain`/`description`, `hsCodes` (`[{code}]`), `countriesAffected` (`[{name}]`),
/// `allTradingPartners` and `linkToNotification`. Fixtures/alerts/SOURCES.md says where these
/// names were read.
///
/// The document symbol is the key: `G/TBT/N/CHN/2149`, and its revisions, addenda, corrigenda
/// and supplements `…/Rev.1`, `…/Add.1`, `…/Corr.1`, `…/Suppl.1`, each its own event sharing the
/// base symbol as the measure key. A notification is a proposal (even when it names a proposed
/// entry into force); an addendum that announces adoption or entry into force, and an emergency
/// measure, are final, and a final record inhibits the alerts for the draft. Products are HS codes in the edition in
/// force on the distribution date.
public enum WTONotificationAdapter {
    /// A parsed document symbol.
    public struct Symbol: Sendable, Equatable {
        /// `SPS` or `TBT`.
        public let area: String
        /// The notifying member's code in the symbol (`CHN`, `EU`).
        public let member: String
        /// The base notification, `G/TBT/N/CHN/2149`.
        public let base: String
        /// The suffixes in order, such as `["Add.1"]` or `["Rev.1", "Corr.1"]`.
        public let suffixes: [String]

        /// Parses a symbol, or returns nil.
        public init?(_ text: String) {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/").map(String.init)
            guard parts.count >= 5, parts[0] == "G", ["SPS", "TBT"].contains(parts[1]), parts[2] == "N",
                  !parts[3].isEmpty, parts[3].allSatisfy({ $0.isLetter && $0.isUppercase }), Int(parts[4]) != nil else { return nil }
            for suffix in parts.dropFirst(5) {
                let bits = suffix.split(separator: ".")
                guard bits.count == 2, ["Rev", "Add", "Corr", "Suppl"].contains(String(bits[0])), Int(bits[1]) != nil else { return nil }
            }
            area = parts[1]
            member = parts[3]
            base = parts.prefix(5).joined(separator: "/")
            suffixes = Array(parts.dropFirst(5))
        }

        /// "addendum 1", "revision 2, corrigendum 1", or "notification".
        public var kind: String {
            guard !suffixes.isEmpty else { return "notification" }
            let names = ["Rev": "revision", "Add": "addendum", "Corr": "corrigendum", "Suppl": "supplement"]
            return suffixes.map { s in
                let bits = s.split(separator: ".")
                return "\(names[String(bits[0])] ?? String(bits[0])) \(bits.count > 1 ? String(bits[1]) : "")"
            }.joined(separator: ", ")
        }
    }

    /// Parses one page.
    public static func parse(_ data: Data) throws(AlertsError) -> IngestReport {
        let items = try FeedPage.records(data, key: "items", source: "wto", expected: "an ePing notifications/search page", bareArray: true)
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for (i, item) in items.enumerated() {
            // A record may list several symbols ("G/TBT/N/X/1, G/TBT/N/X/1/Add.1"); the first is its own.
            let symbols = (item["documentSymbol"] as? String ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let id = symbols.first.flatMap { $0.isEmpty ? nil : $0 } ?? (item["id"].map { "\($0)" } ?? "item[\(i)]")
            guard let symbol = Symbol(id) else {
                rejected.append(RejectedRecord(recordID: id, reason: "'\(id)' is not a WTO notification symbol such as G/TBT/N/CHN/2149 or G/SPS/N/USA/3500/Add.1"))
                continue
            }
            do {
                events.append(try event(item, symbol: symbol))
            } catch {
                rejected.append(RejectedRecord(recordID: id, reason: error.description))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }

    private static func event(_ item: [String: Any], symbol: Symbol) throws(ModelError) -> PolicyEvent {
        let title = TextSignals.plainText(item["titlePlain"] as? String ?? item["title"] as? String ?? "")
        let description = TextSignals.plainText(item["descriptionPlain"] as? String ?? item["description"] as? String ?? "")
        let products = TextSignals.plainText(item["productsFreeTextPlain"] as? String ?? item["productsFreeText"] as? String ?? "")
        let distributed = TextSignals.date(item["distributionDate"])
        let effective = TextSignals.date(item["proposedEntryIntoForceDate"])
        let deadline = TextSignals.date(item["commentDeadlineDate"])
        let type = item["notificationType"] as? String ?? ""
        let area = (item["area"] as? String)?.uppercased() ?? symbol.area
        let edition: HSVersion = distributed.map { $0.year >= 2022 ? .hs2022 : $0.year >= 2017 ? .hs2017 : .hs2012 } ?? .hs2022
        var codes: [ProductReference] = []
        for entry in item["hsCodes"] as? [[String: Any]] ?? [] {
            guard let code = (entry["code"] as? String) ?? (entry["code"] as? Int).map(String.init) else { continue }
            let digits = code.filter(\.isNumber)
            guard [2, 4, 6].contains(digits.count) else {
                throw .invalidHSCode(code, reason: "an ePing HS code must have 2, 4 or 6 digits")
            }
            codes.append(ProductReference(code: try HSCode(digits), version: edition))
        }
        let lowered = (description + " " + type).lowercased()
        let adopted = symbol.suffixes.contains { $0.hasPrefix("Add") }
            && ["adopted", "adoption of", "entered into force", "entry into force", "published"].contains { lowered.contains($0) }
        let severity: AlertSeverity = type.lowercased().contains("emergency") ? .high
            : symbol.suffixes.isEmpty || symbol.suffixes.contains(where: { $0.hasPrefix("Rev") }) ? .medium : .low
        var affected: [String] = []
        if (item["allTradingPartners"] as? Bool) != true {
            for country in item["countriesAffected"] as? [[String: Any]] ?? [] {
                affected += TextSignals.countries(in: country["name"] as? String ?? "")
            }
        }
        let links = [item["linkToNotification"], item["notifiedDocumentLink"]].compactMap { $0 as? String }.filter { !$0.isEmpty }
        let raw = (try? JSONSerialization.data(withJSONObject: item, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let summary = [symbol.kind == "notification" ? "" : "\(symbol.kind.capitalized) to \(symbol.base).", description,
                       products.isEmpty ? "" : "Products: \(products)."].filter { !$0.isEmpty }.joined(separator: " ")
        return try PolicyEvent(
            source: "wto", sourceID: ([symbol.base] + symbol.suffixes).joined(separator: "/"),
            implementing: [try implementing(item, symbol: symbol)], affected: Array(Set(affected)).sorted(),
            measure: area == "SPS" ? .sps : .tbt, products: codes, published: distributed, effective: effective,
            commentDeadline: deadline, severity: severity, title: title.isEmpty ? "" : "\(symbol.area) \(([symbol.base] + symbol.suffixes).joined(separator: "/")): \(title)",
            summary: summary, links: links, raw: raw,
            // A draft is a proposal even when it names a proposed entry into force; an emergency
            // measure applies at once; an addendum is final only when it announces adoption.
            stage: adopted || type.lowercased().contains("emergency") ? .final : .proposed, measureKey: symbol.base)
    }

    /// The notifying member: `notifyingMemberCode` (`C156` is ISO numeric 156, `U918` the EU), else
    /// the symbol's ISO alpha-3 code, else the member's name.
    private static func implementing(_ item: [String: Any], symbol: Symbol) throws(ModelError) -> String {
        if let code = item["notifyingMemberCode"] as? String {
            if code == "U918" { return "EU" }
            if code.hasPrefix("C"), let country = try? CountryCode(String(code.dropFirst())) { return country.alpha2 }
        }
        if symbol.member == "EU" || symbol.member == "EEC" { return "EU" }
        if let country = try? CountryCode(symbol.member) { return country.alpha2 }
        if let name = item["notifyingMember"] as? String, let first = TextSignals.countries(in: name).first { return first }
        throw .invalidField(name: "notifyingMember", reason: "the notifying member of \(symbol.base) is not a known country")
    }
}
