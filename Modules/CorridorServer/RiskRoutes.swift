import CorridorFinance
import CorridorModel
import Foundation
import Hummingbird

/// `/v1/risk/…`: FX VaR and hedging, credit scoring and fund simulation. Any authenticated key may
/// call them: they compute from public rates and the request body and store nothing.
enum RiskRoutes {
    /// The most applicants one scoring request may carry.
    static let maxApplicants = 1_000
    /// The most Monte Carlo paths one request may ask for.
    static let maxSimulations = 200_000

    struct ScoreRequest: Decodable {
        let applicants: [[String: Cell]]
    }

    /// An applicant's value: a string, a number or null (a missing value).
    struct Cell: Decodable {
        let text: String?

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() {
                text = nil
            } else if let s = try? c.decode(String.self) {
                text = s
            } else if let i = try? c.decode(Int.self) {
                text = String(i)
            } else if let d = try? c.decode(Double.self) {
                text = String(d)
            } else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "an applicant's value must be a string, a number or null")
            }
        }
    }

    struct ScoreResponse: Encodable, Sendable {
        struct Card: Encodable, Sendable {
            let target: String
            let event: String
            let features: [String]
            let points0: Double
            let odds0: Double
            let pdo: Double
        }
        let scorecard: Card
        let results: [Scorecard.Result]
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, finance: FinanceService) {
        group.post("risk/fx/var") { request, context in
            _ = try context.requireIdentity()
            let body = try await request.decode(as: FXRiskRequest.self, context: context)
            let rates = try finance.rates.get()
            return JSONBody(try body.run(rates))
        }
        group.post("risk/fx/hedge") { request, context in
            _ = try context.requireIdentity()
            let body = try await request.decode(as: HedgeRequest.self, context: context)
            let rates = try finance.rates.get()
            return JSONBody(try body.run(rates))
        }
        group.post("risk/credit/score") { request, context in
            _ = try context.requireIdentity()
            let body = try await request.decode(as: ScoreRequest.self, context: context)
            guard !body.applicants.isEmpty else { throw Problem.badRequest("applicants is empty") }
            guard body.applicants.count <= maxApplicants else {
                throw Problem.badRequest("at most \(maxApplicants) applicants per request, got \(body.applicants.count)")
            }
            let card = try finance.scorecard.get()
            let card0 = ScoreResponse.Card(target: card.target, event: card.event, features: card.features.map(\.binning.feature),
                                           points0: card.scaling.points0, odds0: card.scaling.odds0, pdo: card.scaling.pdo)
            return JSONBody(ScoreResponse(scorecard: card0, results: body.applicants.map { card.score($0.mapValues(\.text)) }))
        }
        group.post("risk/fund/simulate") { request, context in
            _ = try context.requireIdentity()
            let body = try await request.decode(as: FundSimulationRequest.self, context: context)
            guard body.simulations <= maxSimulations else {
                throw Problem.badRequest("at most \(maxSimulations) simulations per request, got \(body.simulations); run `corridor-risk fund simulate` for more")
            }
            return JSONBody(try body.fund.simulate(simulations: body.simulations, seed: body.seed))
        }
    }
}
