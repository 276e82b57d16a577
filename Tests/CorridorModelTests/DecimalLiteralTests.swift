import CorridorModel
import Foundation
import Testing

@Suite("Decimal literals")
struct DecimalLiteralTests {
    @Test("plain digits with a sign and one point; exponents, grouping and words are refused")
    func literals() {
        #expect(Decimal(exactLiteral: "125000.00") == Decimal(125_000))
        #expect(Decimal(exactLiteral: " -0.015 ") == Decimal(string: "-0.015"))
        for bad in ["1e5", "1,000", "12.", ".5", "lots", "", "1.2.3", "--1"] {
            #expect(Decimal(exactLiteral: bad) == nil, "\(bad)")
        }
    }
}
