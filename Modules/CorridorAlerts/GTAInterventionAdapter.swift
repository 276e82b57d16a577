public import CorridorModel
public import Foundation

/// Global Trade Alert interventions from the GTA API v2 (`POST
/// https://api.globaltradealert.org/api/v2/gta/data/`, schema `InterventionFullListPublicSerializerV2`
/// in the publisher's OpenAPI document): a page `{"count", "next", "previous", "results": [...]}`
/// or a bare array of records with `intervention_id`, `state_act_id`, `state_act_title`,
/// `gta_evaluation` (Red/Amber/Green), `implementing_jurisdictions` and `affected_jurisdictions`
/// (`[{id, name, iso}]`, ISO alpha-3), `intervention_type`, `mast_chapter`, `affected_products`
/// (`[{product_id}]`, 6-digit HS as an integer), `date_announced`, `date_published`,
/// `date_implemented`, `date_removed`, `is_in_force`, `intervention_url`, `state_act_url` and
/// `intervention_description` (`[{text}]`, HTML).
///
/// GTA's evaluation maps red → high, amber → medium, green and liberalising → low. Products are
/// HS 2012 subheadings, the vintage GTA's own tools work in (override with `hsVersion`). The state
/// act is the measure key shared by its interventions.
public enum GTAInterventionAdapter {
    /// Parses one page.
    public static func parse(_ data: Data, hsVersion: HSVersion = .hs2012) throws(AlertsError) -> IngestReport {
        let records = try FeedPage.records(data, key: "results", source: "gta", expected: "a GTA API v2 gta/data page", bareArray: true)
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for (i, record) in records.enumerated() {
            let number = record["intervention_id"] as? Int ?? (record["intervention_id"] as? String).flatMap { Int($0) }
            let id = number.map(String.init) ?? "results[\(i)]"
            guard number != nil else {
                rejected.append(RejectedRecord(recordID: id, reason: "no intervention_id"))
                continue
            }
            do {
                events.append(try event(record, id: id, hsVersion: hsVersion))
            } catch {
                rejected.append(RejectedRecord(recordID: id, reason: error.description))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }

    private static func event(_ r: [String: Any], id: String, hsVersion: HSVersion) throws(ModelError) -> PolicyEvent {
        let title = TextSignals.plainText(r["state_act_title"] as? String ?? "")
        let description = (r["intervention_description"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
            .map(TextSignals.plainText).joined(separator: " ")
        let evaluation = r["gta_evaluation"] as? String ?? ""
        guard let severity = AlertSeverity(gtaEvaluation: evaluation) ?? (evaluation.lowercased() == "liberalising" ? .low : nil) else {
            throw .invalidField(name: "gta_evaluation", reason: "'\(evaluation)' is not Red, Amber, Green or Liberalising")
        }
        let implementing = try jurisdictions(r["implementing_jurisdictions"], field: "implementing_jurisdictions")
        let affected = try jurisdictions(r["affected_jurisdictions"], field: "affected_jurisdictions")
        var products: [ProductReference] = []
        for p in r["affected_products"] as? [[String: Any]] ?? [] {
            let raw = (p["product_id"] as? Int).map(String.init) ?? (p["product_id"] as? String) ?? ""
            // Integers lose the leading zero of chapters 01–09: 90111 is 090111.
            let digits = raw.count == 5 ? "0" + raw : raw
            guard digits.count == 6, digits.allSatisfy(\.isNumber) else {
                throw .invalidHSCode(raw, reason: "a GTA affected product is a 6-digit HS subheading")
            }
            products.append(ProductReference(code: try HSCode(digits), version: hsVersion))
        }
        let type = [r["intervention_type"] as? String, r["mast_chapter"] as? String].compactMap { $0 }.joined(separator: " ")
        let implemented = TextSignals.date(r["date_implemented"])
        let raw = (try? JSONSerialization.data(withJSONObject: r, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return try PolicyEvent(
            source: "gta", sourceID: id, implementing: implementing, affected: affected,
            measure: measure(type), products: products, announced: TextSignals.date(r["date_announced"]),
            published: TextSignals.date(r["date_published"]), effective: implemented, severity: severity, title: title,
            summary: [type.isEmpty ? "" : "\(type).", description].filter { !$0.isEmpty }.joined(separator: " "),
            links: [r["intervention_url"], r["state_act_url"]].compactMap { $0 as? String },
            raw: raw, stage: implemented == nil && (r["is_in_force"] as? Int) != 1 ? .proposed : .final,
            measureKey: ((r["state_act_id"] as? Int).map { String($0) } ?? (r["state_act_id"] as? String)).map { "gta-state-act:\($0)" })
    }

    private static func jurisdictions(_ value: Any?, field: String) throws(ModelError) -> [String] {
        var out: [String] = []
        for j in value as? [[String: Any]] ?? [] {
            if let iso = j["iso"] as? String, let country = try? CountryCode(iso) {
                out.append(country.alpha2)
            } else if let name = j["name"] as? String, name == "European Union" {
                out.append("EU")
            } else {
                throw .invalidField(name: field, reason: "'\(j["iso"] ?? j["name"] ?? "?")' is not an ISO country")
            }
        }
        return Array(Set(out)).sorted()
    }

    /// GTA's intervention types and MAST chapters, folded into measure types.
    static func measure(_ type: String) -> MeasureType {
        let t = type.lowercased()
        let rules: [(MeasureType, [String])] = [
            (.tradeRemedy, ["anti-dumping", "anti-subsidy", "countervailing", "safeguard", "contingent trade-protective"]),
            (.quota, ["quota"]),
            (.sps, ["sanitary", "phytosanitary"]),
            (.tbt, ["technical barrier"]),
            (.sanctionExportControl, ["export ban", "export licensing", "export-related", "export restriction", "sanction"]),
            (.licensing, ["licensing", "licence", "license"]),
            (.dataTransfer, ["data"]),
            (.tariffChange, ["tariff", "duty", "tax"]),
        ]
        for (measure, words) in rules where words.contains(where: { t.contains($0) }) { return measure }
        return .tariffChange
    }
}
