public import CorridorModel
import Foundation
import GRDB

/// `TariffReference` on the Corridor SQLite database.
public struct ReferenceStore: TariffReference {
    private let database: CorridorDatabase

    /// Reads reference data from `database`.
    public init(database: CorridorDatabase) {
        self.database = database
    }

    public func releases() async throws(ReferenceDataError) -> [NomenclatureRelease] {
        try await read { db in try Self.fetchReleases(db) }
    }

    public func release(of family: NomenclatureFamily, asOf: CivilDate) async throws(ReferenceDataError) -> NomenclatureRelease {
        let held = try await releases()
        guard let latest = NomenclatureRelease.inForce(family, asOf: asOf, among: held) else {
            throw NomenclatureRelease.notInForce(family, asOf: asOf, among: held)
        }
        return latest
    }

    /// The release with this identifier, checking that it has been imported.
    public func release(_ id: String) async throws(ReferenceDataError) -> NomenclatureRelease {
        try await read { db in try Self.requireRelease(db, id) }
    }

    /// The catalogue entry for `id`, checked to be imported, inside an open read (one database hop per query).
    private static func requireRelease(_ db: Database, _ id: String) throws -> NomenclatureRelease {
        guard let known = NomenclatureRelease.known(id) else { throw ReferenceDataError.unknownRelease(id) }
        guard try Self.cachedValue(Bool.self, db, sql: "SELECT 1 FROM release WHERE id = ?", arguments: [known.id]) == true else {
            throw ReferenceDataError.releaseNotImported(known.id)
        }
        return known
    }

    public func entry(_ code: HSCode, release: String) async throws(ReferenceDataError) -> NomenclatureEntry? {
        try await read { db in
            let id = try Self.requireRelease(db, release).id
            return try Self.cachedRow(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? AND code = ?", arguments: [id, code.digits])
                .map { try Self.entry(from: $0) }
        }
    }

    public func children(of code: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry] {
        try await read { db in try Self.children(db, code: code, release: try Self.requireRelease(db, release).id) }
    }

    public func ancestors(of code: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry] {
        try await read { db in try Self.ancestors(db, code: code, release: try Self.requireRelease(db, release).id) }
    }

    public func neighbourhood(of code: HSCode, in release: NomenclatureRelease) async throws(ReferenceDataError) -> NomenclatureLookup? {
        try await read { db in
            let id = try Self.requireRelease(db, release.id).id
            guard let row = try Self.cachedRow(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? AND code = ?",
                                               arguments: [id, code.digits]) else { return nil }
            return NomenclatureLookup(entry: try Self.entry(from: row), release: release,
                                      ancestors: try Self.ancestors(db, code: code, release: id),
                                      children: try Self.children(db, code: code, release: id))
        }
    }

    private static func children(_ db: Database, code: HSCode, release id: String) throws -> [NomenclatureEntry] {
        try cachedRows(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? AND parent = ? ORDER BY code", arguments: [id, code.digits])
            .map { try entry(from: $0) }
    }

    /// Follows stored parent links upwards. When a parent is not in the release (EU CN lines point
    /// at their HS subheading), the chain continues in the HS release the national one is built on.
    private static func ancestors(_ db: Database, code: HSCode, release id: String) throws -> [NomenclatureEntry] {
        let basis = NomenclatureRelease.known(id).flatMap { $0.family == .hs ? nil : $0.hsBasis.rawValue }
        var chain: [NomenclatureEntry] = []
        var next = try cachedValue(String.self, db, sql: "SELECT parent FROM nomenclature WHERE release_id = ? AND code = ?",
                                   arguments: [id, code.digits])
        var current = id
        while let parent = next, chain.count < 12 {
            var row = try cachedRow(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? AND code = ?", arguments: [current, parent])
            if row == nil, let basis, current != basis {
                current = basis
                row = try cachedRow(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? AND code = ?", arguments: [current, parent])
            }
            guard let row else { break }
            chain.append(try entry(from: row))
            next = row["parent"]
        }
        return chain.reversed()
    }

    public func search(_ text: String, release: String?, limit: Int) async throws(ReferenceDataError) -> [SearchHit] {
        guard (1...500).contains(limit) else { throw .invalidQuery("limit must be between 1 and 500, got \(limit)") }
        let tokens = Self.searchTokens(text)
        guard !tokens.isEmpty else { throw .invalidQuery("search text '\(text)' has no words to search for") }
        return try await read { db in
            let releaseID = try release.map { try Self.requireRelease(db, $0).id }
            // All words first; when nothing matches them all, any word.
            for joiner in [" AND ", " OR "] {
                let match = tokens.map { "\"\($0)\"" }.joined(separator: joiner)
                var sql = """
                    SELECT n.*, bm25(nomenclature_fts, 2.0, 1.0, 0.0) AS rank
                    FROM nomenclature_fts JOIN nomenclature n ON n.rowid = nomenclature_fts.rowid
                    WHERE nomenclature_fts MATCH ?
                    """
                var arguments: StatementArguments = [match]
                if let releaseID {
                    sql += " AND nomenclature_fts.release_id = ?"
                    arguments += [releaseID]
                }
                // Chapters 98 and 99 (special provisions, temporary duty suspensions) mention goods in
                // passing; the goods lines themselves rank first.
                sql += " ORDER BY substr(n.code, 1, 2) IN ('98', '99'), rank, n.release_id DESC, n.code LIMIT ?"
                arguments += [limit]
                let hits = try Self.cachedRows(db, sql: sql, arguments: arguments).map {
                    SearchHit(entry: try Self.entry(from: $0), score: -($0["rank"] as Double))
                }
                if !hits.isEmpty || tokens.count == 1 { return hits }
            }
            return []
        }
    }

    public func correlate(_ code: HSCode, from: HSVersion, to: HSVersion) async throws(ReferenceDataError) -> Correlation {
        guard code.length == 6 else {
            throw .invalidQuery("correlation tables map 6-digit subheadings; \(code.dotted) has \(code.length) digits"
                                + (code.subheading.map { " — try \($0.dotted)" } ?? ""))
        }
        if from == to {
            return Correlation(code: code, from: from, to: to, targets: [Correlation.Target(code: code, relationship: .oneToOne)], path: [])
        }
        return try await read { db in
            func count(_ a: HSVersion, _ b: HSVersion) throws -> Int {
                try Self.cachedValue(Int.self, db, sql: "SELECT count(*) FROM correlation WHERE from_version = ? AND to_version = ?",
                                 arguments: [a.rawValue, b.rawValue]) ?? 0
            }
            let targetRelease = try Self.cachedValue(String.self, db, sql: "SELECT id FROM release WHERE family = 'hs' AND hs_basis = ?", arguments: [to.rawValue])
            func describe(_ c: String) throws -> String? {
                guard let targetRelease else { return nil }
                return try Self.cachedValue(String.self, db, sql: "SELECT description FROM nomenclature WHERE release_id = ? AND code = ?",
                                           arguments: [targetRelease, c])
            }
            let rows: [Row]
            let path: String
            let inverted: Bool
            if try count(from, to) > 0 {
                rows = try Self.cachedRows(db, sql: """
                    SELECT to_code AS target, relationship, partial FROM correlation
                    WHERE from_version = ? AND to_version = ? AND from_code = ? ORDER BY to_code
                    """, arguments: [from.rawValue, to.rawValue, code.digits])
                path = "\(from.rawValue)→\(to.rawValue)"
                inverted = false
            } else if try count(to, from) > 0 {
                rows = try Self.cachedRows(db, sql: """
                    SELECT from_code AS target, relationship, partial FROM correlation
                    WHERE from_version = ? AND to_version = ? AND to_code = ? ORDER BY from_code
                    """, arguments: [to.rawValue, from.rawValue, code.digits])
                path = "\(to.rawValue)→\(from.rawValue) (read in reverse)"
                inverted = true
            } else {
                throw ReferenceDataError.noCorrelation(from: from, to: to)
            }
            guard !rows.isEmpty else { throw ReferenceDataError.codeNotFound(code: code.dotted, release: "the \(from.rawValue) correlation table") }
            let targets = try rows.map { row -> Correlation.Target in
                let target: String = row["target"]
                let stored: String = row["relationship"]
                guard let relationship = CorrelationRelationship(rawValue: stored) else {
                    throw ReferenceDataError.storage("correlation \(code.digits)→\(target) has relationship '\(stored)'; re-import the table with --force")
                }
                return Correlation.Target(
                    code: try HSCode(target), relationship: inverted ? relationship.inverted : relationship,
                    partial: row["partial"], description: try describe(target))
            }
            return Correlation(code: code, from: from, to: to, targets: targets, path: [path])
        }
    }

    public func entries(release: String) async throws(ReferenceDataError) -> [NomenclatureEntry] {
        try await read { db in
            let id = try Self.requireRelease(db, release).id
            return try Row.fetchAll(db, sql: "SELECT * FROM nomenclature WHERE release_id = ? ORDER BY code", arguments: [id])
                .map { try Self.entry(from: $0) }
        }
    }

    public func nationalLines(under subheading: HSCode, release: String) async throws(ReferenceDataError) -> [NomenclatureEntry] {
        guard subheading.length == 6 else { throw .invalidQuery("national lines are listed under a 6-digit subheading, got \(subheading.dotted)") }
        return try await read { db in
            let known = try Self.requireRelease(db, release)
            guard known.family != .hs else {
                throw ReferenceDataError.invalidQuery("\(known.id) is an HS release; national lines live in us-hts-* and eu-cn-* releases")
            }
            return try Self.cachedRows(db, sql: """
                SELECT * FROM nomenclature WHERE release_id = ? AND code > ? AND code < ? ORDER BY code
                """, arguments: [known.id, subheading.digits, subheading.digits + ":"]).map { try Self.entry(from: $0) }
            // Codes are digits, and ':' sorts right after '9', so the range is exactly the codes below the subheading.
        }
    }

    public func diff(from: String, to: String) async throws(ReferenceDataError) -> TariffDiff {
        let old = try await release(from), new = try await release(to)
        guard old.family == new.family else { throw .incomparableReleases(old.id, new.id) }
        let (before, after) = try await read { db in
            (try Self.linesByCode(db, release: old.id), try Self.linesByCode(db, release: new.id))
        }
        return TariffDiff(from: old.id, to: new.id, changes: TariffDiffer.changes(before: before, after: after))
    }

    /// Counts of what each imported source holds, for `corridor-data status` and `/health`.
    public func sources() async throws(ReferenceDataError) -> [(dataset: String, location: String, sha256: String, rows: Int, importedAt: String)] {
        try await read { db in
            try Self.cachedRows(db, sql: "SELECT * FROM source_file ORDER BY dataset").map {
                (dataset: $0["dataset"], location: $0["location"], sha256: $0["sha256"], rows: $0["rows"], importedAt: $0["imported_at"])
            }
        }
    }

    // MARK: - Statements

    // Every query goes through SQLite's prepared-statement cache: the same few statements run
    // thousands of times, and preparing them again costs more than running them.

    private static func cachedRows(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Row] {
        try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private static func cachedRow(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    private static func cachedValue<T: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: T.Type, _ db: Database, sql: String, arguments: StatementArguments = []
    ) throws -> T? {
        try T.fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    // MARK: - Row mapping

    static func encodeUnits(_ units: [String]) -> String {
        guard let data = try? JSONEncoder().encode(units) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeUnits(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }

    static func entry(from row: Row) throws -> NomenclatureEntry {
        let rates = TariffRates(general: row["general_rate"], special: row["special_rate"], column2: row["column2_rate"],
                                additional: row["additional_duties"], quota: row["quota"])
        let parent: String? = row["parent"]
        return try NomenclatureEntry(
            release: row["release_id"], code: try HSCode(row["code"] as String), description: row["description"],
            fullDescription: row["full_description"], parent: try parent.map { try HSCode($0) }, section: row["section"],
            units: decodeUnits(row["units"]), rates: rates.isEmpty ? nil : rates)
    }

    private static func linesByCode(_ db: Database, release: String) throws -> [String: NomenclatureEntry] {
        var lines: [String: NomenclatureEntry] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM nomenclature WHERE release_id = ?", arguments: [release])
        while let row = try rows.next() {
            let e = try entry(from: row)
            lines[e.code.digits] = e
        }
        return lines
    }

    private static func fetchReleases(_ db: Database) throws -> [NomenclatureRelease] {
        try Self.cachedRows(db, sql: "SELECT * FROM release ORDER BY family, effective_from, id").compactMap { row in
            guard let family = NomenclatureFamily(rawValue: row["family"]),
                  let basis = HSVersion(rawValue: row["hs_basis"]),
                  let from = CivilDate(row["effective_from"] as String) else { return nil }
            let superseded: String? = row["superseded_on"]
            return NomenclatureRelease(id: row["id"], family: family, title: row["title"], effectiveFrom: from, hsBasis: basis,
                                       effectiveDateSource: row["effective_date_source"], relativePath: row["relative_path"],
                                       supersededOn: superseded.flatMap(CivilDate.init))
        }
    }

    /// Words for an FTS5 query: letters and digits only, so user text can never inject query syntax.
    static func searchTokens(_ text: String) -> [String] {
        text.lowercased()
            .split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map(String.init)
            .filter { !["and", "or", "not", "near", "of", "the", "for", "a", "an"].contains($0) }
            .prefix(16)
            .map { $0 }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(ReferenceDataError) -> T {
        do {
            return try await database.writer.read(body)
        } catch let error as ReferenceDataError {
            throw error
        } catch {
            throw .storage("\(error)")
        }
    }
}
