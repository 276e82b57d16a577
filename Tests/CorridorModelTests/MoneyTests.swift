import CorridorModel
import Foundation
import Testing

@Suite("Money, currencies and countries")
struct MoneyTests {
    @Test("currencies carry ISO 4217 minor units")
    func minorUnits() throws {
        #expect(try CurrencyCode("JPY").minorUnits == 0)
        #expect(try CurrencyCode("cny").minorUnits == 2)
        #expect(try CurrencyCode("KWD").minorUnits == 3)
        #expect(try CurrencyCode("XAU").minorUnits == nil)
        #expect(try CurrencyCode("THB").numeric == 764)
        #expect(throws: ModelError.invalidCurrencyCode("DEM")) { try CurrencyCode("DEM") }
        #expect(throws: ModelError.self) { try CurrencyCode("EURO") }
    }

    @Test("countries resolve from alpha-2, alpha-3 and numeric")
    func countries() throws {
        let cn = try CountryCode("CN")
        #expect(cn.alpha3 == "CHN" && cn.numeric == 156)
        #expect(try CountryCode("chn") == cn)
        #expect(try CountryCode("156") == cn)
        #expect(try CountryCode("LA").name == "Laos")
        #expect(try CountryCode("NA").alpha3 == "NAM", "Namibia's code is not a missing value")
        #expect(throws: ModelError.self) { try CountryCode("XX") }
        #expect(CountryCode.all.count == 249)
    }

    @Test("rounding follows the currency's minor units", arguments: [
        ("2.345", "EUR", "2.35"), ("-2.345", "EUR", "-2.35"), ("1234.5", "JPY", "1235"), ("0.0005", "KWD", "0.001"),
        ("10", "USD", "10"),
    ])
    func rounding(amount: String, currency: String, expected: String) throws {
        let money = try Money(parsing: amount, currency: CurrencyCode(currency))
        #expect(money.rounded().amount == Decimal(string: expected))
    }

    @Test("banker's rounding is available")
    func bankers() throws {
        let m = try Money(parsing: "2.345", currency: CurrencyCode("EUR"))
        #expect(m.rounded(rule: .halfEven).amount == Decimal(string: "2.34"))
        #expect(m.minorUnitAmount() == 235)
    }

    @Test("no mixed-currency arithmetic")
    func mixed() throws {
        let eur = try Money(10, CurrencyCode("EUR")), usd = try Money(10, CurrencyCode("USD"))
        #expect(throws: ModelError.self) { try Money(Decimal.nan, CurrencyCode("EUR")) }
        #expect(throws: ModelError.self) { try eur.multiplied(by: Decimal.nan) }
        #expect(throws: ModelError.currencyMismatch("EUR", "USD")) { try eur.adding(usd) }
        #expect(try eur.adding(eur).amount == 20)
        #expect(try eur.subtracting(eur).amount == 0)
    }

    @Test("amounts travel as strings and are validated on decoding")
    func codable() throws {
        let m = try Money(parsing: "0.10", currency: CurrencyCode("CNY"))
        let json = String(decoding: try JSONEncoder().encode(m), as: UTF8.self)
        #expect(json.contains(#""amount":"0.1""#))
        #expect(try JSONDecoder().decode(Money.self, from: Data(json.utf8)) == m)
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Money.self, from: Data(#"{"amount":0.1,"currency":"CNY"}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Money.self, from: Data(#"{"amount":"1e3","currency":"CNY"}"#.utf8)) }
        #expect(throws: (any Error).self) { try JSONDecoder().decode(Money.self, from: Data(#"{"amount":"1","currency":"ZZZ"}"#.utf8)) }
        #expect(m.description == "0.10 CNY")
    }

    @Test("property: rounding moves an amount by at most half a minor unit and is idempotent")
    func roundingProperty() throws {
        var rng = SeededGenerator(seed: 4217)
        let currencies = try ["CNY", "JPY", "KWD", "THB", "IDR", "EUR", "CLF"].map { try CurrencyCode($0) }
        for _ in 0..<3_000 {
            let currency = currencies.randomElement(using: &rng) ?? currencies[0]
            let units = Int64.random(in: -10_000_000_000...10_000_000_000, using: &rng)
            let amount = Decimal(units) / Decimal(10_000)
            let money = try Money(amount, currency)
            let rounded = money.rounded()
            let scale = currency.minorUnits ?? 0
            var half = Decimal(5)
            for _ in 0...scale { half /= 10 }
            let delta = rounded.amount - amount
            #expect(delta <= half && delta >= -half)
            #expect(rounded.rounded() == rounded)
            let minor = rounded.minorUnitAmount()
            #expect(minor == minor.roundedToInteger)
            let other = try Money(Decimal(Int64.random(in: -1_000_000...1_000_000, using: &rng)) / 100, currency)
            #expect(try money.adding(other).subtracting(other) == money, "sums of exact decimals are exact")
            #expect(try money.multiplied(by: 3) == money.adding(money).adding(money))
        }
    }
}

extension Decimal {
    var roundedToInteger: Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
