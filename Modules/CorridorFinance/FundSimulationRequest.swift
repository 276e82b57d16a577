import Foundation
import CorridorModel

/// A fund simulation as `POST /v1/risk/fund/simulate` takes it:
/// `{"loans":4677,"principal":"34570000000","fund":"288000000","pd":0.01,"lgd":0.45,"rho":0.15,
/// "coverage":0.5,"years":3,"simulations":10000,"seed":42}`; `annual_contribution`, `lgd`, `rho`,
/// `coverage`, `years`, `simulations` and `seed` are optional.
public struct FundSimulationRequest: Sendable, Decodable, Equatable {
    /// The fund and its book.
    public let fund: RiskCompensationFund
    /// Paths.
    public let simulations: Int
    /// Seed.
    public let seed: UInt64

    enum CodingKeys: String, CodingKey {
        case loans, principal, fund, annualContribution = "annual_contribution", pd, lgd, rho, coverage, years, simulations, seed
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func amount(_ key: CodingKeys, default value: String? = nil) throws -> Decimal {
            let text = try value.map { try c.decodeIfPresent(String.self, forKey: key) ?? $0 } ?? c.decode(String.self, forKey: key)
            guard let parsed = Decimal(exactLiteral: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "'\(text)' is not a decimal string such as \"34570000000\"")
            }
            return parsed
        }
        do {
            fund = try RiskCompensationFund(
                loans: try c.decode(Int.self, forKey: .loans), principal: try amount(.principal), fundSize: try amount(.fund),
                annualContribution: try amount(.annualContribution, default: "0"), annualPD: try c.decode(Double.self, forKey: .pd),
                lgd: try c.decodeIfPresent(Double.self, forKey: .lgd) ?? 0.45, assetCorrelation: try c.decodeIfPresent(Double.self, forKey: .rho) ?? 0.15,
                coverage: try c.decodeIfPresent(Double.self, forKey: .coverage) ?? 0.5, horizonYears: try c.decodeIfPresent(Int.self, forKey: .years) ?? 3)
        } catch let error as FinanceError {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: error.description))
        }
        simulations = try c.decodeIfPresent(Int.self, forKey: .simulations) ?? 10_000
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 42
    }
}
