import CorridorModel
public import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// EUR-Lex and Official Journal feeds in RSS 2.0 (`item`: `title`, `link`, `description`,
/// `pubDate`, `guid`) or Atom (`entry`: `title`, `link href`, `summary`, `updated`, `id`), as
/// described at https://eur-lex.europa.eu/content/help/search/rss.html.
///
/// The implementing jurisdiction is the EU. CN codes written in the text (`8517 13 00`) become
/// products; an implementing regulation is high severity, a proposal medium, anything else low.
public enum EURLexFeedAdapter {
    /// Parses one feed document.
    public static func parse(_ data: Data) throws(AlertsError) -> IngestReport {
        guard data.count <= FederalRegisterAdapter.maxPageBytes else { throw .oversized(bytes: data.count, limit: FederalRegisterAdapter.maxPageBytes) }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        guard parser.parse(), collector.depth == 0 else {
            throw .malformedPage(source: "eurlex", reason: "not well-formed XML (line \(parser.lineNumber)): \(parser.parserError?.localizedDescription ?? "the document ends inside an element")")
        }
        guard collector.sawFeed else { throw .malformedPage(source: "eurlex", reason: "neither an RSS channel nor an Atom feed") }
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for (i, item) in collector.items.enumerated() {
            let id = item["guid"] ?? item["id"] ?? item["link"] ?? "item[\(i)]"
            let title = (item["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let summary = (item["description"] ?? item["summary"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let text = title + " " + summary
            let lowered = title.lowercased()
            let severity: AlertSeverity = lowered.contains("implementing regulation") || lowered.contains("delegated regulation") ? .high
                : lowered.contains("proposal") ? .medium : .low
            let published = item["pubDate"].flatMap(rfc822) ?? item["updated"].flatMap { CivilDate(String($0.prefix(10))) }
            do {
                events.append(try PolicyEvent(
                    source: "eurlex", sourceID: id, implementing: ["EU"],
                    affected: TextSignals.countries(in: text).filter { !PolicyEvent.euMembers.contains($0) },
                    measure: TextSignals.measure(in: text, fallback: .tariffChange),
                    products: TextSignals.hsCodes(in: text).map { ProductReference(code: $0, version: .hs2022) },
                    published: published, severity: severity, title: title, summary: summary,
                    links: [item["link"]].compactMap { $0 }, raw: item.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")))
            } catch {
                rejected.append(RejectedRecord(recordID: id, reason: error.description))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }

    /// An RFC 822 date ("Tue, 30 Jun 2026 00:00:00 GMT") as a calendar date.
    static func rfc822(_ text: String) -> CivilDate? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard let dayIndex = parts.firstIndex(where: { Int($0) != nil && $0.count <= 2 }), dayIndex + 2 < parts.count,
              let day = Int(parts[dayIndex]), let month = months.firstIndex(of: parts[dayIndex + 1].lowercased().prefix(3).description),
              let year = Int(parts[dayIndex + 2]) else { return nil }
        return try? CivilDate(year: year, month: month + 1, day: day)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var items: [[String: String]] = []
        var sawFeed = false
        /// Elements opened and not yet closed: a truncated page ends above zero.
        var depth = 0
        private var current: [String: String]?
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            if name == "channel" || name == "feed" { sawFeed = true }
            if name == "item" || name == "entry" { current = [:] }
            if name == "link", current != nil, let href = attributes["href"] { current?["link"] = href }
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, foundCDATA data: Data) { text += String(decoding: data, as: UTF8.self) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            if name == "item" || name == "entry" {
                if let c = current { items.append(c) }
                current = nil
            } else if current != nil, ["title", "link", "description", "summary", "pubDate", "updated", "guid", "id"].contains(name) {
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !value.isEmpty { current?[name] = value }
            }
            text = ""
        }
    }
}
