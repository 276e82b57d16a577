import CorridorModel
import Hummingbird

/// `/v1/releases`, `/v1/nomenclature/...`, `/v1/correlations/...`, `/v1/tariffs/diff`: reference
/// data, readable by any authenticated key.
enum ReferenceRoutes {
    struct SearchResults: Encodable, Sendable {
        let query: String
        let results: [SearchHit]
    }

    struct Lines: Encodable, Sendable {
        let subheading: HSCode
        let release: String
        let lines: [NomenclatureEntry]
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices) {
        let reference = services.reference
        group.get("releases") { _, _ in
            JSONBody(try await reference.releases())
        }
        group.get("nomenclature/search") { request, _ in
            let text = try request.required("q")
            let limit = try request.integer("limit", default: 20, in: 1...500)
            return JSONBody(SearchResults(query: text, results: try await reference.search(text, release: request.query("version"), limit: limit)))
        }
        group.get("nomenclature/:code") { request, context in
            let code = try HSCode(try context.path("code"))
            let asOf = try request.asOf(default: services.today())
            return JSONBody(try await reference.lookup(code, version: request.query("version"), asOf: asOf.date, asOfGiven: asOf.given))
        }
        group.get("nomenclature/:code/national-lines") { request, context in
            let code = try HSCode(try context.path("code"))
            let release = try request.required("version")
            let lines = try await reference.nationalLines(under: code, release: release)
            return JSONBody(Lines(subheading: code, release: release, lines: lines))
        }
        group.get("correlations/:code") { request, context in
            let code = try HSCode(try context.path("code"))
            let from = try HSVersion(parsing: try request.required("from"))
            let to = try HSVersion(parsing: try request.required("to"))
            return JSONBody(try await reference.correlate(code, from: from, to: to))
        }
        group.get("tariffs/diff") { request, _ in
            JSONBody(try await reference.diff(from: try request.required("from"), to: try request.required("to")))
        }
    }
}
