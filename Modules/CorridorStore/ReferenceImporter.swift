import CorridorModel
public import Foundation
import Crypto
import GRDB

/// Imports nomenclatures, correlation tables and national tariffs from a directory or URL laid
/// out like `../shared/data`.
///
/// Each source is parsed completely before anything is written, then written in one transaction
/// that replaces the previous import of that source, so a malformed file changes nothing and
/// importing twice is idempotent. Every import records the file's location, SHA-256 and time.
public struct ReferenceImporter: Sendable {
    private let database: CorridorDatabase

    /// Creates an importer writing to `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    /// Every dataset the importer knows, in import order (HS before the national lines that
    /// borrow HS descriptions; correlation tables last).
    public static var datasets: [String] {
        NomenclatureRelease.catalogue.map(\.id) + CorrelationTableSource.catalogue.map(\.dataset)
    }

    /// Imports every known dataset found at `location` (or only those in `only`).
    ///
    /// - Parameters:
    ///   - force: re-import files whose SHA-256 matches the last import.
    ///   - importedAt: the time recorded with each import.
    /// - Returns: one report per dataset; a missing file is `skipped`, a bad one `failed`.
    public func importAll(
        from location: DataLocation, only: Set<String>? = nil, force: Bool = false, importedAt: Date,
        progress: @Sendable (ImportProgress) -> Void = { _ in }
    ) async -> [ImportReport] {
        let wanted = Self.datasets.filter { only?.contains($0) ?? true }
        var reports: [ImportReport] = []
        for (index, dataset) in wanted.enumerated() {
            progress(.started(dataset: dataset, index: index + 1, total: wanted.count))
            let report = await importOne(dataset, from: location, force: force, importedAt: importedAt)
            progress(.finished(report))
            reports.append(report)
        }
        return reports
    }

    private func importOne(_ dataset: String, from location: DataLocation, force: Bool, importedAt: Date) async -> ImportReport {
        let started = Date()
        let relativePath = NomenclatureRelease.known(dataset)?.relativePath
            ?? CorrelationTableSource.catalogue.first { $0.dataset == dataset }?.relativePath ?? dataset
        let display = location.display(relativePath)
        func report(_ status: ImportReport.Status, rows: Int = 0, sha: String? = nil, message: String? = nil) -> ImportReport {
            ImportReport(dataset: dataset, location: display, status: status, rows: rows, sha256: sha, message: message,
                         seconds: Date().timeIntervalSince(started))
        }
        do {
            guard let data = try await location.read(relativePath) else {
                return report(.skipped, message: "not found at \(display)")
            }
            let sha = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            if !force, let previous = try await previousImport(dataset), previous.sha == sha {
                return report(.unchanged, rows: previous.rows, sha: sha)
            }
            let source = SourceRecord(dataset: dataset, location: display, sha256: sha, bytes: data.count, importedAt: importedAt)
            let rows: Int
            if let release = NomenclatureRelease.known(dataset) {
                rows = try await importRelease(release, data: data, file: display, source: source)
            } else if let table = CorrelationTableSource.catalogue.first(where: { $0.dataset == dataset }) {
                rows = try await importCorrelation(table, data: data, file: display, source: source)
            } else {
                return report(.failed, message: "unknown dataset \(dataset)")
            }
            return report(.imported, rows: rows, sha: sha)
        } catch {
            return report(.failed, message: error.description)
        }
    }

    private struct SourceRecord: Sendable {
        let dataset: String
        let location: String
        let sha256: String
        let bytes: Int
        let importedAt: Date

        func save(_ db: Database, rows: Int) throws {
            try db.execute(
                sql: """
                    INSERT INTO source_file (dataset, location, sha256, bytes, rows, imported_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT(dataset) DO UPDATE SET location = excluded.location, sha256 = excluded.sha256,
                        bytes = excluded.bytes, rows = excluded.rows, imported_at = excluded.imported_at
                    """,
                arguments: [dataset, location, sha256, bytes, rows, ISO8601DateFormatter().string(from: importedAt)])
        }
    }

    private func previousImport(_ dataset: String) async throws(ImportError) -> (sha: String, rows: Int)? {
        do {
            return try await database.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT sha256, rows FROM source_file WHERE dataset = ?", arguments: [dataset])
                    .map { (sha: $0["sha256"] as String, rows: $0["rows"] as Int) }
            }
        } catch {
            throw .storage(file: dataset, reason: "\(error)")
        }
    }

    private func importRelease(_ release: NomenclatureRelease, data: Data, file: String, source: SourceRecord) async throws(ImportError) -> Int {
        let entries: [NomenclatureEntry]
        switch release.family {
        case .hs:
            entries = try HSNomenclatureParser.parse(data, file: file, release: release)
        case .usHTS:
            entries = try USHTSParser.parse(data, file: file, release: release)
        case .euCN:
            // CN prints no HS levels; each line's full description starts from its HS subheading.
            let texts = try await subheadingTexts(release: release.hsBasis.rawValue)
            guard !texts.isEmpty else {
                throw .malformed(file: file, line: 0, reason: "import \(release.hsBasis.rawValue) first: \(release.id) borrows its subheading descriptions")
            }
            entries = try EUCNParser.parse(data, file: file, release: release, year: release.effectiveFrom.year, subheadingText: texts)
        }
        do {
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM nomenclature_fts WHERE release_id = ?", arguments: [release.id])
                try db.execute(sql: "DELETE FROM nomenclature WHERE release_id = ?", arguments: [release.id])
                try db.execute(
                    sql: """
                        INSERT INTO release (id, family, title, effective_from, hs_basis, effective_date_source, relative_path, superseded_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT(id) DO UPDATE SET family = excluded.family, title = excluded.title,
                            effective_from = excluded.effective_from, hs_basis = excluded.hs_basis,
                            effective_date_source = excluded.effective_date_source, relative_path = excluded.relative_path,
                            superseded_on = excluded.superseded_on
                        """,
                    arguments: [release.id, release.family.rawValue, release.title, release.effectiveFrom.description,
                                release.hsBasis.rawValue, release.effectiveDateSource, release.relativePath,
                                release.supersededOn?.description])
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO nomenclature (release_id, code, description, full_description, parent, section, units,
                        general_rate, special_rate, column2_rate, additional_duties, quota)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let fts = try db.cachedStatement(sql: """
                    INSERT INTO nomenclature_fts (rowid, description, full_description, release_id) VALUES (?, ?, ?, ?)
                    """)
                for e in entries {
                    try insert.execute(arguments: [
                        release.id, e.code.digits, e.description, e.fullDescription, e.parent?.digits, e.section,
                        ReferenceStore.encodeUnits(e.units), e.rates?.general, e.rates?.special, e.rates?.column2,
                        e.rates?.additional, e.rates?.quota,
                    ])
                    try fts.execute(arguments: [db.lastInsertedRowID, e.description, e.fullDescription, release.id])
                }
                try source.save(db, rows: entries.count)
            }
        } catch {
            throw .storage(file: file, reason: "\(error)")
        }
        return entries.count
    }

    private func importCorrelation(_ table: CorrelationTableSource, data: Data, file: String, source: SourceRecord) async throws(ImportError) -> Int {
        let rows = try CorrelationParser.parse(data, file: file, table: table)
        do {
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM correlation WHERE from_version = ? AND to_version = ?",
                               arguments: [table.from.rawValue, table.to.rawValue])
                let insert = try db.cachedStatement(sql: """
                    INSERT INTO correlation (from_version, to_version, from_code, to_code, relationship, partial)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET partial = max(partial, excluded.partial)
                    """)
                for r in rows {
                    try insert.execute(arguments: [table.from.rawValue, table.to.rawValue, r.from.digits, r.to.digits,
                                                   r.relationship.rawValue, r.partial])
                }
                try source.save(db, rows: rows.count)
            }
        } catch {
            throw .storage(file: file, reason: "\(error)")
        }
        return rows.count
    }

    private func subheadingTexts(release: String) async throws(ImportError) -> [String: String] {
        do {
            return try await database.writer.read { db in
                var texts: [String: String] = [:]
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT code, description FROM nomenclature WHERE release_id = ? AND length(code) = 6", arguments: [release])
                while let row = try rows.next() { texts[row["code"]] = row["description"] }
                return texts
            }
        } catch {
            throw .storage(file: release, reason: "\(error)")
        }
    }
}
