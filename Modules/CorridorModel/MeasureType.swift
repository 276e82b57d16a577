/// The kind of policy measure an event reports (Global Trade Alert's and WTO ePing's categories,
/// folded into what an exporter acts on).
public enum MeasureType: String, Sendable, Codable, CaseIterable {
    /// A change of customs duty rates or of the nomenclature they apply to.
    case tariffChange = "tariff-change"
    /// A de minimis or other low-value consignment regime.
    case lowValueRegime = "low-value-regime"
    /// A sanitary or phytosanitary measure (WTO SPS).
    case sps
    /// A technical barrier to trade: standards, conformity, labelling (WTO TBT).
    case tbt
    /// Anti-dumping, countervailing or safeguard duties.
    case tradeRemedy = "trade-remedy"
    /// A tariff-rate or quantitative quota.
    case quota
    /// An import or export licensing requirement.
    case licensing
    /// A rule on cross-border data transfer.
    case dataTransfer = "data-transfer"
    /// A sanction or export control.
    case sanctionExportControl = "sanction-export-control"
    /// A change in one of Corridor's rule packs.
    case rulePackChange = "rule-pack-change"
}
