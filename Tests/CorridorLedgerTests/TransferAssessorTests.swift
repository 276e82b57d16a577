import CorridorLedger
import CorridorModel
import Foundation
import Testing

@Suite("Cross-border transfer assessment")
struct TransferAssessorTests {
    func request(_ regime: TransferRequest.Regime = .china, to country: String = "TH", categories: Set<TransferRequest.Category> = [.personal],
                 individuals: Int = 0, sensitive: Int = 0, purpose: TransferRequest.Purpose = .other, ciio: Bool = false,
                 exporterRole: TransferRequest.Role = .controller, recipientRole: TransferRequest.Role = .controller,
                 restricted: Bool = false, dpf: Bool = false) throws -> TransferRequest {
        try TransferRequest(regime: regime, exporter: EnterpriseID("shenzhen-audio"), destination: CountryCode(country), categories: categories,
                            individuals: individuals, sensitiveIndividuals: sensitive, purpose: purpose, ciio: ciio,
                            exporterRole: exporterRole, recipientRole: recipientRole, recipientRestricted: restricted, recipientDPFCertified: dpf)
    }

    @Test("China: the 100,000 / 1,000,000 / 10,000-sensitive thresholds count from 1 January, prior transfers included", arguments: [
        (0, 99_999, 0, TransferDecision.Mechanism.exempt),
        (0, 100_000, 0, .standardContractOrCertification),
        (90_000, 10_000, 0, .standardContractOrCertification),
        (0, 999_999, 0, .standardContractOrCertification),
        (500_000, 500_000, 0, .securityAssessment),
        (0, 10, 1, .standardContractOrCertification),
        (0, 0, 9_999, .standardContractOrCertification),
        (0, 0, 10_000, .securityAssessment),
    ])
    func thresholds(prior: Int, individuals: Int, sensitive: Int, expected: TransferDecision.Mechanism) throws {
        let categories: Set<TransferRequest.Category> = sensitive > 0 ? [.personal, .sensitivePersonal] : [.personal]
        let d = TransferAssessor.assess(try request(categories: categories, individuals: individuals, sensitive: sensitive), priorIndividuals: prior)
        #expect(d.mechanism == expected, "\(d.legalBasis)")
        #expect(d.cumulativeIndividuals == prior + individuals)
    }

    @Test("China: exemptions, important data, CIIOs and restricted recipients")
    func chinaRules() throws {
        let general = TransferAssessor.assess(try request(categories: [.general], individuals: 5_000_000))
        #expect(general.mechanism == .exempt && general.legalBasis.first?.contains("Art. 3") == true)
        let shopping = TransferAssessor.assess(try request(individuals: 5_000_000, purpose: .contractWithIndividual))
        #expect(shopping.mechanism == .exempt && shopping.legalBasis.first?.contains("Art. 5(1)") == true)
        #expect(TransferAssessor.assess(try request(individuals: 10, purpose: .humanResources)).mechanism == .exempt)
        #expect(TransferAssessor.assess(try request(categories: [.general, .important])).mechanism == .securityAssessment)
        #expect(TransferAssessor.assess(try request(individuals: 1, ciio: true)).mechanism == .securityAssessment)
        #expect(TransferAssessor.assess(try request(individuals: 1, restricted: true)).mechanism == .prohibited)
        let contract = TransferAssessor.assess(try request(individuals: 200_000))
        #expect(contract.obligations.contains { $0.contains("10 working days") })
        #expect(contract.obligations.contains { $0.contains("PIPL Art. 39") })
        #expect(!contract.requiredDesensitization.isEmpty)
    }

    @Test("EU: EEA, adequacy (US only with DPF), SCC modules by role, Art. 49 noted")
    func euRules() throws {
        #expect(TransferAssessor.assess(try request(.eu, to: "FR", individuals: 10)).mechanism == .exempt)
        let japan = TransferAssessor.assess(try request(.eu, to: "JP", individuals: 10))
        #expect(japan.mechanism == .adequacy)
        #expect(TransferAssessor.assess(try request(.eu, to: "US", individuals: 10, dpf: true)).mechanism == .adequacy)
        let us = TransferAssessor.assess(try request(.eu, to: "US", individuals: 10))
        #expect(us.mechanism == .standardContractualClauses && us.sccModule == 1)
        let china = TransferAssessor.assess(try request(.eu, to: "CN", individuals: 10, purpose: .contractWithIndividual,
                                                        exporterRole: .controller, recipientRole: .processor))
        #expect(china.mechanism == .standardContractualClauses && china.sccModule == 2)
        #expect(china.legalBasis.contains { $0.contains("Art. 49(1)(b)") })
        #expect(TransferAssessor.assess(try request(.eu, to: "CN", individuals: 1, exporterRole: .processor, recipientRole: .processor)).sccModule == 3)
        #expect(TransferAssessor.assess(try request(.eu, to: "CN", individuals: 1, exporterRole: .processor, recipientRole: .controller)).sccModule == 4)
        #expect(TransferAssessor.assess(try request(.eu, to: "CN", categories: [.general])).mechanism == .exempt)
    }

    @Test("requests validate, also when decoded")
    func validation() throws {
        #expect(throws: ModelError.self) { try request(individuals: -1) }
        let json = #"{"regime":"china","exporter":"acme","destination":"THA","categories":["personal"],"individuals":120000,"purpose":"other"}"#
        let decoded = try JSONDecoder().decode(TransferRequest.self, from: Data(json.utf8))
        #expect(decoded.destination.alpha2 == "TH" && decoded.individuals == 120_000)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(TransferRequest.self, from: Data(#"{"regime":"china","exporter":"acme","destination":"TH","categories":[],"purpose":"other"}"#.utf8))
        }
    }
}
