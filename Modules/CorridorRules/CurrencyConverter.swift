public import CorridorModel
public import Foundation

/// Converts amounts between currencies with one set of reference rates, all quoted against one base
/// currency (the ECB's: units of each currency per 1 EUR).
///
/// Conversion is exact `Decimal` arithmetic through the base; rounding to minor units is the
/// caller's choice, at the end. The rates used are part of every decision record, so a replay
/// converts identically whatever the rate files hold by then.
public struct CurrencyConverter: Sendable, Hashable, Codable {
    /// The currency every rate is quoted against.
    public let base: CurrencyCode
    /// The publication day of the rates.
    public let date: CivilDate
    /// Units of each currency per 1 unit of `base` (`base` itself is 1).
    public let perBase: [String: Decimal]

    /// Creates a converter; the base currency's own rate is 1.
    public init(base: CurrencyCode, date: CivilDate, perBase: [String: Decimal]) {
        self.base = base
        self.date = date
        var rates = perBase
        rates[base.code] = 1
        self.perBase = rates
    }

    /// `amount` in `currency`; throws when either currency has no rate.
    public func convert(_ amount: Money, to currency: CurrencyCode) throws(RulesError) -> Money {
        if amount.currency == currency { return amount }
        guard let from = perBase[amount.currency.code], from > 0 else { throw .noExchangeRate(amount.currency.code, date: date.description) }
        guard let to = perBase[currency.code], to > 0 else { throw .noExchangeRate(currency.code, date: date.description) }
        do {
            // Rates are per base unit, so from or to the base is one multiplication or division.
            let value = from == 1 ? amount.amount * to : (to == 1 ? amount.amount / from : amount.amount / from * to)
            return try Money(value, currency)
        } catch {
            throw .noExchangeRate(currency.code, date: date.description)
        }
    }

    /// How many units of `to` one unit of `from` buys.
    public func rate(from: CurrencyCode, to: CurrencyCode) throws(RulesError) -> Decimal {
        guard let f = perBase[from.code], f > 0 else { throw .noExchangeRate(from.code, date: date.description) }
        guard let t = perBase[to.code], t > 0 else { throw .noExchangeRate(to.code, date: date.description) }
        return f == 1 ? t : t / f
    }
}
