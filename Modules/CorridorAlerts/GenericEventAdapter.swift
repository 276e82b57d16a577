public import CorridorModel
public import Foundation

/// Events a pilot zone writes itself, as CSV or JSON.
///
/// CSV header (any order; only `id`, `title`, `implementing` and one date are required):
/// `id,title,measure,implementing,affected,hs,hs_version,announced,published,effective,comment_deadline,severity,summary,link`.
/// Lists (`implementing`, `affected`, `hs`) are separated by `;`. JSON is an array of objects with the
/// same keys. Defaults: measure `tariff-change`, HS edition `hs2022`, severity `medium`.
public enum GenericEventAdapter {
    /// Parses a CSV file.
    public static func parseCSV(_ text: String, source: String = "csv") throws(AlertsError) -> IngestReport {
        let records: [CSVReader.Record]
        do {
            records = try CSVReader.parse(text)
        } catch {
            throw .malformedPage(source: source, reason: "line \(error.line): \(error.reason)")
        }
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw .malformedPage(source: source, reason: "empty file; a header row is needed")
        }
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                rejected.append(RejectedRecord(recordID: "line \(record.line)", reason: "\(record.fields.count) fields where the header has \(header.count)"))
                continue
            }
            let row = Dictionary(zip(header, record.fields.map { $0.trimmingCharacters(in: .whitespaces) }), uniquingKeysWith: { a, _ in a })
            let result = event(row, source: source)
            switch result {
            case .success(let e): events.append(e)
            case .failure(let reason): rejected.append(RejectedRecord(recordID: row["id"].flatMap { $0.isEmpty ? nil : $0 } ?? "line \(record.line)", reason: reason.text))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }

    /// Parses a JSON array of event objects (or an object with that array under `events`).
    public static func parseJSON(_ data: Data, source: String = "json") throws(AlertsError) -> IngestReport {
        let array = try FeedPage.records(data, key: "events", source: source, expected: "a JSON array of event objects", bareArray: true)
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for (i, object) in array.enumerated() {
            var row: [String: String] = [:]
            for (key, value) in object {
                if let list = value as? [Any] { row[key] = list.map { "\($0)" }.joined(separator: ";") } else if !(value is NSNull) { row[key] = "\(value)" }
            }
            switch event(row, source: source) {
            case .success(let e): events.append(e)
            case .failure(let reason): rejected.append(RejectedRecord(recordID: row["id"] ?? "[\(i)]", reason: reason.text))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }

    struct Reason: Error { let text: String }

    static func event(_ row: [String: String], source: String) -> Result<PolicyEvent, Reason> {
        func list(_ key: String) -> [String] {
            (row[key] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        func date(_ key: String) -> Result<CivilDate?, Reason> {
            guard let text = row[key], !text.isEmpty else { return .success(nil) }
            guard let d = CivilDate(text) else { return .failure(Reason(text: "\(key) '\(text)' is not a date (YYYY-MM-DD)")) }
            return .success(d)
        }
        guard let measure = MeasureType(rawValue: row["measure"].flatMap { $0.isEmpty ? nil : $0 } ?? "tariff-change") else {
            return .failure(Reason(text: "measure '\(row["measure"] ?? "")' is not one of " + MeasureType.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        guard let severity = AlertSeverity(rawValue: row["severity"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "medium")
                ?? AlertSeverity(gtaEvaluation: row["severity"] ?? "") else {
            return .failure(Reason(text: "severity '\(row["severity"] ?? "")' is not low, medium, high, critical, or a GTA colour"))
        }
        guard let version = HSVersion(rawValue: row["hs_version"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "hs2022") else {
            return .failure(Reason(text: "hs_version '\(row["hs_version"] ?? "")' is not one of " + HSVersion.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        var products: [ProductReference] = []
        for code in list("hs") {
            guard let hs = try? HSCode(code) else { return .failure(Reason(text: "HS code '\(code)' is not 2, 4, 6, 8 or 10 digits")) }
            products.append(ProductReference(code: hs, version: version))
        }
        let dates = [date("announced"), date("published"), date("effective"), date("comment_deadline")]
        var values: [CivilDate?] = []
        for d in dates {
            switch d {
            case .success(let v): values.append(v)
            case .failure(let reason): return .failure(reason)
            }
        }
        do {
            return .success(try PolicyEvent(
                source: source, sourceID: row["id"] ?? "", implementing: list("implementing").map { $0.uppercased() },
                affected: list("affected").map { $0.uppercased() }, measure: measure, products: products,
                announced: values[0], published: values[1], effective: values[2], commentDeadline: values[3], severity: severity,
                title: row["title"] ?? "", summary: row["summary"] ?? "", links: list("link"),
                raw: row.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")))
        } catch {
            return .failure(Reason(text: error.description))
        }
    }

    /// A rule-pack diff as events, one per changed rule.
    public static func events(from diff: RulePackDiff) -> IngestReport {
        var events: [PolicyEvent] = []
        var rejected: [RejectedRecord] = []
        for change in diff.changes {
            let id = "\(diff.pack)@\(diff.toVersion)#\(change.rule)"
            let products = change.hsPrefixes.compactMap { try? HSCode($0) }.map { ProductReference(code: $0, version: .hs2022) }
            guard products.count == change.hsPrefixes.count else {
                rejected.append(RejectedRecord(recordID: id, reason: "an HS prefix is not 2, 4, 6, 8 or 10 digits"))
                continue
            }
            do {
                events.append(try PolicyEvent(
                    source: "rule-pack", sourceID: id, implementing: change.markets.isEmpty ? [diff.jurisdiction] : change.markets,
                    measure: .rulePackChange, products: products, published: diff.published, effective: change.effective,
                    severity: change.kind == .modified ? .medium : .high,
                    title: "\(diff.pack) \(diff.fromVersion) → \(diff.toVersion): rule \(change.rule) \(change.kind.rawValue)", summary: change.summary))
            } catch {
                rejected.append(RejectedRecord(recordID: id, reason: error.description))
            }
        }
        return IngestReport(events: events, rejected: rejected)
    }
}
