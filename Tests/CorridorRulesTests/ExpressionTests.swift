import CorridorModel
@testable import CorridorRules
import Foundation
import Testing

@Suite("Rule expressions")
struct ExpressionTests {
    let compiler = ExpressionCompiler(
        facts: ["origin": .code, "consignment.value": .money, "seller.ioss_registered": .bool, "line.code": .code,
                "rate": .decimal, "count.items": .decimal, "channel": .string, "consignment.codes": .set(.code)],
        tables: ["vat_rate": RuleTable(name: "vat_rate", keyType: .code, valueType: .decimal, rows: ["DE": .decimal(Decimal(exactLiteral: "0.19") ?? 0)],
                                       defaultValue: nil, source: "s")])

    func money(_ text: String, _ currency: String) throws -> Money { try Money(parsing: text, currency: try CurrencyCode(currency)) }

    func evaluate(_ text: String, _ facts: [String: RuleValue], converter: CurrencyConverter? = nil) throws -> RuleOutcome {
        let day = try CivilDate(parsing: "2026-08-01")
        return try compiler.compile(text).evaluate(in: EvaluationContext(facts: facts, asOf: day, converter: converter))
    }

    @Test("types are checked when compiled: mixing Money and Date, a non-Bool condition, an unknown fact or function")
    func typeErrors() {
        func message(_ text: String, expecting: RuleType? = .bool) -> String {
            do { _ = try compiler.compile(text, expecting: expecting); return "compiled" } catch { return error.message }
        }
        #expect(message("consignment.value <= as_of").contains("orders Decimal, Money or Date values of one type, not Money and Date"))
        #expect(message("consignment.value + 1").contains("adds Decimal to Decimal or Money to Money"))
        #expect(message("rate * 2") == "is Decimal but Bool is needed here")
        #expect(message("sellr.ioss_registered").contains("unknown fact 'sellr.ioss_registered'"))
        #expect(message("vat(origin) > 0").contains("unknown function or table 'vat'"))
        #expect(message("origin in [1, 'CN']").contains("a set holds values of one type"))
        #expect(message("not rate").contains("'not' does not apply to Decimal"))
        #expect(message("150 EUX < consignment.value").contains("'EUX' is not an ISO 4217 currency"))
        #expect(message("min(rate)").contains("min() takes 2 arguments"))
        #expect(message("date('2026-02-30') < as_of").contains("date() takes a quoted day"))
    }

    @Test("syntax errors name the column")
    func syntaxErrors() {
        func error(_ text: String) -> ExpressionError? {
            do { _ = try compiler.compile(text); return nil } catch { return error }
        }
        #expect(error("origin = 'CN'")?.column == 8)
        #expect(error("origin = 'CN'")?.message.contains("compare with '=='") == true)
        #expect(error("(rate > 1")?.message.contains("expected ')'") == true)
        #expect(error("rate > 1 1")?.column == 10)
        #expect(error("'open")?.message.contains("not closed") == true)
        #expect(error("rate > ") != nil)
    }

    @Test("three-valued logic: a missing fact only matters when it can change the answer")
    func kleene() throws {
        let low: [String: RuleValue] = ["consignment.value": .money(try money("40", "EUR"))]
        let high: [String: RuleValue] = ["consignment.value": .money(try money("400", "EUR"))]
        let condition = "consignment.value <= 150 EUR and seller.ioss_registered"
        #expect(try evaluate(condition, low) == .missing(["seller.ioss_registered"]))
        #expect(try evaluate(condition, high) == .value(.bool(false)))
        #expect(try evaluate("consignment.value > 150 EUR or seller.ioss_registered", high) == .value(.bool(true)))
        #expect(try evaluate("seller.ioss_registered or origin == 'CN'", ["origin": .code("CN")]) == .value(.bool(true)))
        #expect(try evaluate("if(seller.ioss_registered, 1, 2) > 0", [:]) == .missing(["seller.ioss_registered"]))
        #expect(try evaluate("known(seller.ioss_registered)", [:]) == .value(.bool(false)))
    }

    @Test("quoted literals beside codes are codes; sets, under(), tables, arithmetic in Decimal")
    func values() throws {
        #expect(try evaluate("origin in ['CN', 'HK']", ["origin": .code("HK")]) == .value(.bool(true)))
        #expect(try evaluate("origin not in ['CN', 'HK']", ["origin": .code("VN")]) == .value(.bool(true)))
        #expect(try evaluate("under(line.code, ['8507', '8506'])", ["line.code": .code("850760")]) == .value(.bool(true)))
        #expect(try evaluate("under(line.code, '85.07')", ["line.code": .code("850440")]) == .value(.bool(false)))
        #expect(try evaluate("vat_rate(origin) * 100", ["origin": .code("DE")]) == .value(.decimal(19)))
        // Literal prefix lists of mixed lengths, and a dotted code value.
        for (code, expected) in [("8507.60.00", true), ("850440", false), ("2523", true), ("25070080", true), ("25070020", false), ("7", false)] {
            #expect(try evaluate("under(line.code, ['850760', '2523', '25070080', '0101'])", ["line.code": .code(code)]) == .value(.bool(expected)), "\(code)")
        }
        #expect(try evaluate("under(line.code, ['850760'])", [:]) == .missing(["line.code"]))
        // A literal set of decimals: 1.0 and 1.00 are one number.
        #expect(try evaluate("rate in [1.00, 2.5]", ["rate": .decimal(Decimal(exactLiteral: "1.0") ?? 0)]) == .value(.bool(true)))
        #expect(try evaluate("rate in [1.00, 2.5]", ["rate": .decimal(Decimal(exactLiteral: "2.50") ?? 0)]) == .value(.bool(true)))
        #expect(try evaluate("rate in [1.00, 2.5]", ["rate": .decimal(3)]) == .value(.bool(false)))
        #expect(try evaluate("origin in ['CN', 'HK']", [:]) == .missing(["origin"]))
        #expect(try evaluate("0.1 + 0.2 == 0.3", [:]) == .value(.bool(true)))
        #expect(try evaluate("count(consignment.codes)", ["consignment.codes": .set([.code("610910"), .code("640299")])]) == .value(.decimal(2)))
        #expect(try evaluate("round(consignment.value * 0.19)", ["consignment.value": .money(try money("28.50", "EUR"))]) == .value(.money(try money("5.42", "EUR"))))
        #expect(try evaluate("round(consignment.value * 0.19)", ["consignment.value": .money(try money("28.03", "EUR"))]) == .value(.money(try money("5.33", "EUR"))))
        #expect(try evaluate("round(consignment.value * 0.19)", ["consignment.value": .money(try money("28.02", "EUR"))]) == .value(.money(try money("5.32", "EUR"))))
        #expect(try evaluate("as_of >= date('2026-07-01')", [:]) == .value(.bool(true)))
        #expect(throws: RulesError.self) { try evaluate("vat_rate(origin) > 0", ["origin": .code("FR")]) }
        #expect(throws: RulesError.self) { try evaluate("rate / (rate - rate) > 0", ["rate": .decimal(2)]) }
    }

    @Test("money in two currencies is compared at the context's rates, and refused without them")
    func currencies() throws {
        let euro = try CurrencyCode("EUR")
        let rates = CurrencyConverter(base: euro, date: try CivilDate(parsing: "2026-04-13"), perBase: ["USD": Decimal(exactLiteral: "1.1684") ?? 0])
        let facts: [String: RuleValue] = ["consignment.value": .money(try money("160", "USD"))]
        // 160 USD = 136.94 EUR at 1.1684.
        #expect(try evaluate("consignment.value <= 150 EUR", facts, converter: rates) == .value(.bool(true)))
        #expect(throws: RulesError.self) { try evaluate("consignment.value <= 150 EUR", facts) }
    }
}
