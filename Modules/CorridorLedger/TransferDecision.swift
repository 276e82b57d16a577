/// What a transfer needs before it may happen, with the provisions that say so.
public struct TransferDecision: Sendable, Codable, Hashable {
    /// The legal mechanism.
    public enum Mechanism: String, Sendable, Codable {
        /// No mechanism needed (an exemption applies, or the transfer stays within the EEA).
        case exempt
        /// China: the CAC standard contract, filed, or personal-information protection certification.
        case standardContractOrCertification = "standard-contract-or-certification"
        /// China: a CAC security assessment before the transfer.
        case securityAssessment = "security-assessment"
        /// GDPR Art. 45: the destination (or recipient scheme) has an adequacy decision.
        case adequacy
        /// GDPR Art. 46(2)(c): standard contractual clauses (Decision (EU) 2021/914) in the module named.
        case standardContractualClauses = "standard-contractual-clauses"
        /// The transfer may not happen.
        case prohibited
    }

    /// The mechanism.
    public let mechanism: Mechanism
    /// The SCC module (1–4) when the mechanism is SCCs.
    public let sccModule: Int?
    /// The provisions relied on, e.g. "2024 Provisions Art. 5(4)".
    public let legalBasis: [String]
    /// What the exporter must do.
    public let obligations: [String]
    /// The desensitization the data must receive before it leaves.
    public let requiredDesensitization: [String]
    /// Cumulative counts since 1 January including this transfer (China), for the record.
    public let cumulativeIndividuals: Int
    /// Cumulative sensitive counts since 1 January including this transfer (China).
    public let cumulativeSensitiveIndividuals: Int
}
