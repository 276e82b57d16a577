import CorridorModel

/// Decides what a cross-border transfer needs, under China's PIPL and the 2024 Provisions or the
/// EU GDPR Chapter V. A pure function: the caller supplies the exporter's volumes transferred
/// since 1 January of the year (persisting those counters is the caller's job), so that splitting
/// a transfer cannot dodge a threshold.
///
/// Sources:
/// - PIPL (2021) Art. 38–40 (mechanisms, separate consent, CIIO), Art. 42 (restricted recipients),
///   Art. 55–56 (impact assessment, records kept 3 years).
/// - Provisions on Promoting and Regulating Cross-Border Data Flows (CAC, in force 2024-03-22):
///   Art. 3 (no personal or important data), Art. 5 (contract, HR, emergency; under 100,000
///   individuals, non-CIIO), Art. 7 (security assessment: CIIO; important data; 1,000,000 or more
///   individuals, or 10,000 or more for sensitive personal information), Art. 8 (standard contract
///   or certification: 100,000 up to 1,000,000, or sensitive under 10,000).
/// - Measures on the Standard Contract for Outbound Transfer of Personal Information (CAC, 2023)
///   Art. 7: filing within 10 working days of the contract taking effect.
/// - Measures for Certification of Personal Information Outbound Transfer (CAC/SAMR), in force 2026-01-01.
/// - GDPR Art. 44–46 and 49; Commission Implementing Decision (EU) 2021/914 (SCC modules);
///   adequacy decisions under Art. 45 as listed in `adequateDestinations`.
public enum TransferAssessor {
    /// Countries with a GDPR adequacy decision (Art. 45), as ISO alpha-2. The United States counts
    /// only for recipients certified under the EU–US Data Privacy Framework (Decision (EU) 2023/1795);
    /// Canada's decision covers commercial organisations subject to PIPEDA.
    /// Source: European Commission, "Adequacy decisions" list (as of 2025).
    public static let adequateDestinations: Set<String> = [
        "AD", "AR", "CA", "FO", "GG", "IL", "IM", "JP", "JE", "NZ", "KR", "CH", "GB", "UY", "US",
    ]

    /// The EU and the other EEA states, between which GDPR Chapter V does not apply.
    public static let eea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]

    /// Decides the transfer. `priorIndividuals` and `priorSensitiveIndividuals` are what the
    /// exporter has already transferred abroad since 1 January of the transfer's year.
    public static func assess(_ request: TransferRequest, priorIndividuals: Int = 0, priorSensitiveIndividuals: Int = 0) -> TransferDecision {
        switch request.regime {
        case .china: china(request, prior: priorIndividuals, priorSensitive: priorSensitiveIndividuals)
        case .eu: eu(request)
        }
    }

    private static func china(_ r: TransferRequest, prior: Int, priorSensitive: Int) -> TransferDecision {
        let personal = r.categories.contains(.personal) || r.categories.contains(.sensitivePersonal)
        let total = prior + (r.categories.contains(.personal) ? r.individuals : 0)
        let sensitive = priorSensitive + (r.categories.contains(.sensitivePersonal) ? r.sensitiveIndividuals : 0)
        var obligations: [String] = []
        var desensitize: [String] = []
        if personal {
            obligations += [
                "inform the individuals of the recipient, its contact, the purposes, methods and categories, and how to exercise their rights, and obtain separate consent where consent is the basis (PIPL Art. 39)",
                "carry out a personal information protection impact assessment before the transfer and keep it and the processing records for at least 3 years (PIPL Art. 55–56)",
            ]
            desensitize += ["send only the fields the purpose needs (PIPL Art. 6)", "pseudonymize identifiers (resident ID, passport, phone) unless the recipient needs them in clear"]
        }
        if r.categories.contains(.sensitivePersonal) {
            desensitize.append("encrypt sensitive personal information in transit and at rest (PIPL Art. 51)")
        }
        func decision(_ m: TransferDecision.Mechanism, _ basis: [String], extra: [String] = []) -> TransferDecision {
            TransferDecision(mechanism: m, sccModule: nil, legalBasis: basis, obligations: obligations + extra,
                             requiredDesensitization: desensitize, cumulativeIndividuals: total, cumulativeSensitiveIndividuals: sensitive)
        }
        if r.recipientRestricted {
            return decision(.prohibited, ["PIPL Art. 42: the recipient is on the restricted or prohibited list"])
        }
        if r.categories.contains(.important) {
            return decision(.securityAssessment, ["2024 Provisions Art. 7(1)–(2): important data", "PIPL Art. 40"],
                            extra: ["apply to the CAC through the provincial office for a security assessment before any transfer"])
        }
        if !personal {
            return decision(.exempt, ["2024 Provisions Art. 3: no personal information and no important data"])
        }
        switch r.purpose {
        case .contractWithIndividual:
            return decision(.exempt, ["2024 Provisions Art. 5(1): necessary to conclude or perform a contract to which the individual is a party"])
        case .humanResources:
            return decision(.exempt, ["2024 Provisions Art. 5(2): cross-border human-resources management under lawful labour rules or collective contracts"])
        case .emergency:
            return decision(.exempt, ["2024 Provisions Art. 5(3): necessary in an emergency to protect a natural person's life, health or property"])
        case .other:
            break
        }
        if r.ciio {
            return decision(.securityAssessment, ["2024 Provisions Art. 7(1): a CIIO transferring personal information", "PIPL Art. 40"],
                            extra: ["apply to the CAC through the provincial office for a security assessment before any transfer"])
        }
        if total >= 1_000_000 || sensitive >= 10_000 {
            return decision(.securityAssessment,
                            ["2024 Provisions Art. 7(2): since 1 January, \(total) individuals' personal information (threshold 1,000,000) or \(sensitive) individuals' sensitive personal information (threshold 10,000)"],
                            extra: ["apply to the CAC through the provincial office for a security assessment before any transfer"])
        }
        if total >= 100_000 || sensitive > 0 {
            return decision(.standardContractOrCertification,
                            ["2024 Provisions Art. 8: since 1 January, \(total) individuals' personal information (100,000 up to 1,000,000) or \(sensitive) individuals' sensitive personal information (under 10,000)",
                             "PIPL Art. 38(1)(2)–(3)"],
                            extra: ["either sign the CAC standard contract and file it with the provincial CAC within 10 working days of its taking effect (Standard Contract Measures Art. 7), or obtain personal information protection certification (Certification Measures, in force 2026-01-01)"])
        }
        return decision(.exempt, ["2024 Provisions Art. 5(4): a non-CIIO transferring personal information of fewer than 100,000 individuals (no sensitive personal information) since 1 January"])
    }

    private static func eu(_ r: TransferRequest) -> TransferDecision {
        let personal = r.categories.contains(.personal) || r.categories.contains(.sensitivePersonal)
        func decision(_ m: TransferDecision.Mechanism, module: Int? = nil, _ basis: [String], _ obligations: [String] = [], _ desensitize: [String] = []) -> TransferDecision {
            TransferDecision(mechanism: m, sccModule: module, legalBasis: basis, obligations: obligations, requiredDesensitization: desensitize,
                             cumulativeIndividuals: r.individuals, cumulativeSensitiveIndividuals: r.sensitiveIndividuals)
        }
        guard personal else { return decision(.exempt, ["GDPR Art. 44: Chapter V governs personal data only"]) }
        let country = r.destination.alpha2
        let minimise = ["transfer only the personal data the purpose needs (GDPR Art. 5(1)(c))"]
            + (r.categories.contains(.sensitivePersonal) ? ["pseudonymize or encrypt special-category data before it leaves (GDPR Art. 9, 32)"] : [])
        if eea.contains(country) { return decision(.exempt, ["GDPR Art. 44: the recipient is within the EEA"], [], minimise) }
        if adequateDestinations.contains(country), country != "US" || r.recipientDPFCertified {
            return decision(.adequacy, ["GDPR Art. 45: adequacy decision for \(r.destination.name)"
                                        + (country == "US" ? " (recipient certified under the EU–US Data Privacy Framework)" : "")],
                            ["inform data subjects of the transfer and the adequacy decision (GDPR Art. 13(1)(f), 14(1)(f))"], minimise)
        }
        let module: Int
        switch (r.exporterRole, r.recipientRole) {
        case (.controller, .controller): module = 1
        case (.controller, .processor): module = 2
        case (.processor, .processor): module = 3
        case (.processor, .controller): module = 4
        }
        var basis = ["GDPR Art. 46(2)(c): standard contractual clauses, Decision (EU) 2021/914, module \(module)"]
        if r.purpose == .contractWithIndividual {
            basis.append("for occasional transfers only, GDPR Art. 49(1)(b) (contract with the data subject) may serve instead")
        } else if r.purpose == .emergency {
            basis.append("GDPR Art. 49(1)(f) (vital interests) may serve where the data subject cannot consent")
        }
        return decision(.standardContractualClauses, module: module, basis,
                        ["sign the SCCs (module \(module)) with the recipient",
                         "carry out and document a transfer impact assessment of the destination's laws and practices (SCC Clause 14)",
                         "inform data subjects of the transfer and the safeguards (GDPR Art. 13(1)(f), 14(1)(f))"], minimise)
    }
}
