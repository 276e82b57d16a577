import Foundation

/// Goods shipped together from one exporter to one destination under one Incoterm.
public struct Consignment: Hashable, Sendable, Codable {
    /// The exporter's own reference.
    public let reference: String
    /// The exporting enterprise; the consignment belongs to this tenant.
    public let exporter: EnterpriseID
    /// The country the goods leave.
    public let origin: CountryCode
    /// The country of import.
    public let destination: CountryCode
    /// The lines; at least one, all priced in one currency.
    public let lines: [OrderLine]
    /// The delivery rule.
    public let incoterm: Incoterm
    /// The main-carriage mode.
    public let transportMode: TransportMode

    /// Creates a consignment, checking that it has lines in a single currency and that the
    /// Incoterm fits the transport mode (FOB/CIF/CFR/FAS are for sea and inland waterway only).
    public init(reference: String, exporter: EnterpriseID, origin: CountryCode, destination: CountryCode,
                lines: [OrderLine], incoterm: Incoterm, transportMode: TransportMode) throws(ModelError) {
        guard !reference.trimmingWhitespace().isEmpty else { throw .invalidField(name: "reference", reason: "must not be empty") }
        guard let first = lines.first else { throw .invalidField(name: "lines", reason: "a consignment needs at least one line") }
        if let other = lines.first(where: { $0.unitPrice.currency != first.unitPrice.currency }) {
            throw .currencyMismatch(first.unitPrice.currency.code, other.unitPrice.currency.code)
        }
        guard incoterm.permits(transportMode) else {
            throw .invalidField(name: "incoterm", reason: "\(incoterm) is for sea and inland waterway transport only, not \(transportMode)")
        }
        self.reference = reference
        self.exporter = exporter
        self.origin = origin
        self.destination = destination
        self.lines = lines
        self.incoterm = incoterm
        self.transportMode = transportMode
    }

    private enum CodingKeys: String, CodingKey { case reference, exporter, origin, destination, lines, incoterm, transportMode }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(reference: c.decode(String.self, forKey: .reference), exporter: c.decode(EnterpriseID.self, forKey: .exporter),
                      origin: c.decode(CountryCode.self, forKey: .origin), destination: c.decode(CountryCode.self, forKey: .destination),
                      lines: c.decode([OrderLine].self, forKey: .lines), incoterm: c.decode(Incoterm.self, forKey: .incoterm),
                      transportMode: c.decode(TransportMode.self, forKey: .transportMode))
    }

    /// The invoice currency.
    public var currency: CurrencyCode { lines[0].unitPrice.currency }

    /// The sum of the line values, unrounded.
    public var totalValue: Money {
        // Every line is in `currency` (checked on construction), so the sum cannot mix currencies.
        (try? Money.sum(lines.map(\.lineValue), currency: currency)) ?? lines[0].lineValue
    }
}
