public import CorridorModel
public import Foundation

/// Gathers what a quote reads from outside: the exchange rates of its date, and (through the
/// `TariffReference` seam) that each code exists and, for the US, the national lines and their
/// general rates.
public struct QuoteResolver: Sendable {
    /// The nomenclatures and national tariffs, or nil to skip code checks (tests of pure rules).
    public let reference: (any TariffReference)?
    /// The ECB rates, or nil when every quote is in its destination's currency.
    public let rates: ECBRateTable?

    /// Creates a resolver.
    public init(reference: (any TariffReference)?, rates: ECBRateTable?) {
        self.reference = reference
        self.rates = rates
    }

    /// The context for `request`, whose destination pack assesses in `currency` for `jurisdiction`.
    /// National lines (8 or 10 digits) are checked against the national tariff held: the HTS for the
    /// United States, the Combined Nomenclature for the EU; elsewhere only their HS subheading is.
    public func context(for request: QuoteRequest, currency: CurrencyCode, jurisdiction: String) async throws(RulesError) -> QuoteContext {
        var fx: CurrencyConverter?
        if let rates {
            fx = try rates.converter(on: request.asOf)
            if let fx, request.currency != currency {
                _ = try fx.rate(from: request.currency, to: currency)
            }
        } else if request.currency != currency {
            throw .noExchangeRate(request.currency.code, date: request.asOf.description)
        }
        guard let reference else { return QuoteContext(fx: fx, tariffRelease: nil, tariffLines: [:], descriptions: [:]) }

        var descriptions: [String: String] = [:]
        var tariffLines: [String: [QuoteContext.TariffLine]] = [:]
        var nationalRelease: NomenclatureRelease?
        do {
            let hs = try await reference.release(of: .hs, asOf: request.asOf)
            if request.destination == "US" { nationalRelease = try await reference.release(of: .usHTS, asOf: request.asOf) }
            for (index, line) in request.lines.enumerated() where descriptions[line.code] == nil {
                let field = "lines[\(index)].code"
                let subheading = try HSCode(String(line.code.prefix(6)))
                guard let entry = try await reference.entry(subheading, release: hs.id) else {
                    throw RulesError.invalidRequest(field: field, reason: "\(subheading.dotted) is not a subheading of \(hs.title), the edition in force on \(request.asOf)")
                }
                descriptions[line.code] = entry.description
                if jurisdiction == "EU", line.code.count >= 8 {
                    let cn = try await reference.release(of: .euCN, asOf: request.asOf)
                    let code = try HSCode(String(line.code.prefix(8)))
                    guard try await reference.entry(code, release: cn.id) != nil else {
                        throw RulesError.invalidRequest(field: field, reason: "\(code.dotted) is not a line of \(cn.title)")
                    }
                }
                guard let national = nationalRelease else { continue }
                let code = try HSCode(line.code)
                var candidates: [NomenclatureEntry]
                if code.length == 6 {
                    candidates = try await reference.nationalLines(under: subheading, release: national.id)
                } else {
                    guard let exact = try await reference.entry(code, release: national.id) else {
                        throw RulesError.invalidRequest(field: field, reason: "\(code.dotted) is not a line of \(national.title)")
                    }
                    // The rate sits on the 8-digit line; statistical suffixes inherit it.
                    candidates = [exact] + (try await reference.ancestors(of: code, release: national.id)).reversed()
                    if let rated = candidates.first(where: { $0.rates?.general != nil }) { candidates = [rated] } else { candidates = [] }
                }
                tariffLines[line.code] = candidates.compactMap { entry in
                    guard let rate = entry.rates?.general else { return nil }
                    return QuoteContext.TariffLine(code: entry.code.dotted, description: entry.description, generalRate: rate)
                }
            }
        } catch let error as RulesError {
            throw error
        } catch {
            throw .invalidRequest(field: "lines", reason: "the reference data could not be read: \(error)")
        }
        return QuoteContext(fx: fx, tariffRelease: nationalRelease?.id, tariffLines: tariffLines, descriptions: descriptions)
    }
}
