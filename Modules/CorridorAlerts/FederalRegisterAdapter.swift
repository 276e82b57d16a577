import CorridorModel
public import Foundation

/// Pages of the US Federal Register API's `documents.json` search
/// (https://www.federalregister.gov/developers/documentation/api/v1): `results` of documents with
/// `document_number`, `title`, `type`, `abstract`, `publication_date`, `effective_on`,
/// `comments_close_on`, `html_url`, `agencies`, `regulation_id_numbers` and `docket_ids`.
///
/// The implementing jurisdiction is the US; trading partners, HS codes (HTSUS subheadings written in
/// the text) and the measure type are read from the title and abstract. A final rule is high
/// severity, a proposed rule medium, a notice low. Documents without a number or a title are
/// rejected with the reason; the rest of the page is ingested.
public enum FederalRegisterAdapter {
    /// The largest page accepted.
    public static let maxPageBytes = 20_000_000

    /// Parses one page.
    public static func parse(_ data: Data) throws(AlertsError) -> IngestReport {
        let results = try FeedPage.records(data, key: "results", source: "federal-register", expected: "a documents.json page", bareArray: false)
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for (i, doc) in results.enumerated() {
            let id = doc["document_number"] as? String ?? "result[\(i)]"
            let title = doc["title"] as? String ?? ""
            let abstract = doc["abstract"] as? String ?? ""
            let text = title + " " + abstract
            let type = doc["type"] as? String ?? ""
            let severity: AlertSeverity = switch type {
            case "Rule", "Presidential Document": .high
            case "Proposed Rule": .medium
            default: .low
            }
            let raw = (try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? ""
            do {
                let event = try PolicyEvent(
                    source: "federal-register", sourceID: id, implementing: ["US"],
                    affected: TextSignals.countries(in: text).filter { $0 != "US" },
                    measure: TextSignals.measure(in: text, fallback: .tariffChange),
                    products: TextSignals.hsCodes(in: text).map { ProductReference(code: $0, version: .hs2022) },
                    published: TextSignals.date(doc["publication_date"]), effective: TextSignals.date(doc["effective_on"]),
                    commentDeadline: TextSignals.date(doc["comments_close_on"]), severity: severity, title: title,
                    summary: abstract, links: [doc["html_url"] as? String].compactMap { $0 }, raw: raw,
                    stage: type == "Proposed Rule" ? .proposed : type == "Rule" ? .final : nil,
                    // A proposed and a final rule share their RIN (or, failing that, their docket).
                    measureKey: (doc["regulation_id_numbers"] as? [String])?.first.map { "RIN \($0)" }
                        ?? (doc["docket_ids"] as? [String])?.first.map { "docket \($0)" })
                events.append(event)
            } catch {
                rejected.append(RejectedRecord(recordID: id, reason: error.description))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }
}
