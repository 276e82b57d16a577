public import CorridorModel

/// A proposed cross-border transfer of data, as the exporter describes it.
public struct TransferRequest: Sendable, Codable, Hashable {
    /// Whose law governs the export: the exporter's establishment.
    public enum Regime: String, Sendable, Codable, CaseIterable {
        /// Export from mainland China: PIPL and the 2024 Provisions.
        case china
        /// Export from the EU/EEA: GDPR Chapter V.
        case eu
    }

    /// What kind of data leaves.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// Business data with no personal information and no important data (orders, logistics, prices).
        case general
        /// Personal information other than sensitive personal information.
        case personal
        /// Sensitive personal information (PIPL Art. 28; GDPR Art. 9 special categories).
        case sensitivePersonal = "sensitive-personal"
        /// Data identified as important data (Data Security Law Art. 21; catalogues notified by authorities).
        case important
    }

    /// The role of a party under GDPR (it selects the SCC module).
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Decides purposes and means.
        case controller
        /// Processes on a controller's behalf.
        case processor
    }

    /// Why the data leaves.
    public enum Purpose: String, Sendable, Codable, CaseIterable {
        /// Necessary to make or perform a contract the individual is party to (cross-border shopping,
        /// delivery, payment, bookings, visas).
        case contractWithIndividual = "contract-with-individual"
        /// Cross-border human-resources management under lawful labour rules or collective contracts.
        case humanResources = "human-resources"
        /// An emergency, to protect a person's life, health or property.
        case emergency
        /// Any other purpose.
        case other
    }

    /// The governing regime.
    public let regime: Regime
    /// The exporter.
    public let exporter: EnterpriseID
    /// The destination country.
    public let destination: CountryCode
    /// The categories of data in the transfer.
    public let categories: Set<Category>
    /// Individuals whose (non-sensitive) personal information this transfer carries.
    public let individuals: Int
    /// Individuals whose sensitive personal information this transfer carries.
    public let sensitiveIndividuals: Int
    /// The purpose.
    public let purpose: Purpose
    /// Whether the exporter is a critical information infrastructure operator (PIPL Art. 40).
    public let ciio: Bool
    /// The exporter's GDPR role.
    public let exporterRole: Role
    /// The recipient's GDPR role.
    public let recipientRole: Role
    /// The recipient is on the list of foreign recipients that PIPL Art. 42 restricts or prohibits.
    public let recipientRestricted: Bool
    /// The recipient is certified under the EU–US Data Privacy Framework (US adequacy covers only these).
    public let recipientDPFCertified: Bool

    /// Creates a request; counts may not be negative.
    public init(regime: Regime, exporter: EnterpriseID, destination: CountryCode, categories: Set<Category>, individuals: Int = 0,
                sensitiveIndividuals: Int = 0, purpose: Purpose, ciio: Bool = false, exporterRole: Role = .controller,
                recipientRole: Role = .controller, recipientRestricted: Bool = false, recipientDPFCertified: Bool = false) throws(ModelError) {
        guard individuals >= 0, sensitiveIndividuals >= 0 else { throw .invalidField(name: "individuals", reason: "counts cannot be negative") }
        guard !categories.isEmpty else { throw .invalidField(name: "categories", reason: "name at least one category") }
        self.regime = regime
        self.exporter = exporter
        self.destination = destination
        self.categories = categories
        self.individuals = individuals
        self.sensitiveIndividuals = sensitiveIndividuals
        self.purpose = purpose
        self.ciio = ciio
        self.exporterRole = exporterRole
        self.recipientRole = recipientRole
        self.recipientRestricted = recipientRestricted
        self.recipientDPFCertified = recipientDPFCertified
    }

    private enum CodingKeys: String, CodingKey {
        case regime, exporter, destination, categories, individuals, sensitiveIndividuals, purpose, ciio
        case exporterRole, recipientRole, recipientRestricted, recipientDPFCertified
    }

    /// Decodes and validates; optional fields default as in the initializer.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            regime: c.decode(Regime.self, forKey: .regime), exporter: c.decode(EnterpriseID.self, forKey: .exporter),
            destination: c.decode(CountryCode.self, forKey: .destination), categories: c.decode(Set<Category>.self, forKey: .categories),
            individuals: c.decodeIfPresent(Int.self, forKey: .individuals) ?? 0,
            sensitiveIndividuals: c.decodeIfPresent(Int.self, forKey: .sensitiveIndividuals) ?? 0,
            purpose: c.decode(Purpose.self, forKey: .purpose), ciio: c.decodeIfPresent(Bool.self, forKey: .ciio) ?? false,
            exporterRole: c.decodeIfPresent(Role.self, forKey: .exporterRole) ?? .controller,
            recipientRole: c.decodeIfPresent(Role.self, forKey: .recipientRole) ?? .controller,
            recipientRestricted: c.decodeIfPresent(Bool.self, forKey: .recipientRestricted) ?? false,
            recipientDPFCertified: c.decodeIfPresent(Bool.self, forKey: .recipientDPFCertified) ?? false)
    }
}
