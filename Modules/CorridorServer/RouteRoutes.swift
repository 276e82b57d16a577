import CorridorLogistics
import CorridorModel
import Foundation
import Hummingbird

/// `/v1/routes/…`: sea routes and multimodal plans. Any valid key may call them.
enum RouteRoutes {
    struct SeaAnswer: Encodable, Sendable {
        let from: String
        let to: String
        let lengthKm: Double?
        let passages: [String]
        let excluded: [String]
        let coordinates: [GeoPoint]
        let reason: String?

        enum CodingKeys: String, CodingKey { case from, to, lengthKm = "length_km", passages, excluded, coordinates, reason }
    }

    struct PlanRequest: Decodable {
        let from: String
        let to: String
        let massKg: Double
        let volumeM3: Double?
        let ready: CivilDate?
        let objective: MultimodalPlanner.Objective?
        let border: MultimodalPlanner.BorderCondition?
        let maxDays: Double?
        let maxCost: Double?
        let reefer: Bool?
        let lithium: Bool?
        let exclude: [String]?

        enum CodingKeys: String, CodingKey {
            case from, to, massKg = "mass_kg", volumeM3 = "volume_m3", ready, objective, border, maxDays = "max_days", maxCost = "max_cost", reefer, lithium, exclude
        }
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices, logistics: LogisticsService) {
        group.get("routes/sea") { request, context in
            _ = try context.requireIdentity()
            let planner = try logistics.planner.get()
            let from = try request.required("from"), to = try request.required("to")
            let exclude = request.uri.queryParameters.get("exclude").map { $0.split(separator: ",").map(String.init) } ?? SeaNetwork.defaultExclusions
            let a = try planner.ports.port(from), b = try planner.ports.port(to)
            let route = try planner.sea.route(from: a.position, to: b.position, excluding: exclude)
            return JSONBody(SeaAnswer(from: a.locode, to: b.locode, lengthKm: route.lengthKm, passages: route.passages, excluded: route.excluded,
                                      coordinates: route.coordinates, reason: route.unreachableReason))
        }
        group.post("routes/plan") { request, context in
            _ = try context.requireIdentity()
            let body = try await request.decode(as: PlanRequest.self, context: context)
            let planner = try logistics.planner.get()
            let cargo = try Cargo(massKg: body.massKg, volumeM3: body.volumeM3 ?? 0, reefer: body.reefer ?? false, lithium: body.lithium ?? false)
            var query = MultimodalPlanner.Query(from: body.from, to: body.to, cargo: cargo, ready: body.ready ?? services.today())
            query.objective = body.objective ?? .pareto
            query.border = body.border ?? .normal
            query.maxDays = body.maxDays
            if let maxCost = body.maxCost {
                guard maxCost > 0, maxCost.isFinite else { throw Problem.badRequest("max_cost must be a positive amount in USD") }
                query.maxCost = Decimal(maxCost)
            }
            if let exclude = body.exclude { query.excludePassages = exclude }
            return JSONBody(try planner.plan(query))
        }
    }
}
