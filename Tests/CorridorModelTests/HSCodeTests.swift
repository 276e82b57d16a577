import CorridorModel
import Foundation
import Testing

@Suite("HSCode")
struct HSCodeTests {
    @Test("accepts the spellings used on documents", arguments: ["8517.13", "851713", "8517 13", " 8517.13 ", "8517-13"])
    func spellings(text: String) throws {
        let code = try HSCode(text)
        #expect(code.digits == "851713")
        #expect(code.dotted == "8517.13")
    }

    @Test("a national line knows its chapter, heading and subheading")
    func hierarchy() throws {
        let code = try HSCode("8517 13 00 00")
        #expect(code.digits == "8517130000")
        #expect(code.chapter.digits == "85")
        #expect(code.heading?.digits == "8517")
        #expect(code.subheading?.digits == "851713")
        #expect(code.parent?.digits == "85171300")
        #expect(code.isNationalLine)
        #expect(code.dotted == "8517.13.00.00")
        #expect(code.isWithin(try HSCode("8517")))
        #expect(!code.isWithin(try HSCode("8518")))
        let chapter = try HSCode("85")
        #expect(chapter.heading == nil && chapter.subheading == nil && chapter.parent == nil)
    }

    @Test("rejects malformed codes with a reason", arguments: [
        ("", "empty"), ("851", "3 digits"), ("85171", "leading zero"), ("8517.1a", "'a'"), ("00", "chapter 00"),
        ("85171300000", "11 digits"), ("8517/13", "'/'"),
    ])
    func rejects(text: String, reasonFragment: String) {
        #expect {
            try HSCode(text)
        } throws: { error in
            guard let error = error as? ModelError, case .invalidHSCode = error else { return false }
            return error.description.contains(reasonFragment)
        }
    }

    @Test("property: any valid digit string survives formatting with separators and a JSON round trip")
    func roundTripProperty() throws {
        var rng = SeededGenerator(seed: 2026)
        for _ in 0..<2_000 {
            let length = [2, 4, 6, 8, 10].randomElement(using: &rng) ?? 6
            let chapter = Int.random(in: 1...99, using: &rng)
            var digits = chapter < 10 ? "0\(chapter)" : "\(chapter)"
            while digits.count < length { digits += String(Int.random(in: 0...9, using: &rng)) }
            let separator = [".", " ", "", "-"].randomElement(using: &rng) ?? ""
            var spelled = ""
            for (i, ch) in digits.enumerated() {
                if i >= 4 && i % 2 == 0 { spelled += separator }
                spelled.append(ch)
            }
            let code = try HSCode(spelled)
            #expect(code.digits == digits)
            #expect(code.length == length)
            #expect(try HSCode(code.dotted) == code)
            let json = try JSONEncoder().encode(code)
            #expect(try JSONDecoder().decode(HSCode.self, from: json) == code)
            #expect(code.chapter.length == 2)
            if let parent = code.parent { #expect(code.isWithin(parent) && parent.length == length - 2) }
        }
    }

    @Test("property: odd lengths and non-digits are always rejected")
    func rejectionProperty() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<1_000 {
            let length = [1, 3, 5, 7, 9, 11, 12].randomElement(using: &rng) ?? 3
            let digits = "1" + String((1..<length).map { _ in Character(String(Int.random(in: 0...9, using: &rng))) })
            #expect(throws: ModelError.self) { try HSCode(digits) }
        }
    }

    @Test("decoding validates")
    func decodingValidates() {
        #expect(throws: ModelError.self) { try JSONDecoder().decode(HSCode.self, from: Data("\"85x7\"".utf8)) }
    }

    @Test("HS versions parse and carry their entry into force")
    func versions() throws {
        #expect(try HSVersion(parsing: "HS 2022") == .hs2022)
        #expect(try HSVersion(parsing: "2017") == .hs2017)
        #expect(HSVersion.hs2028.entryIntoForce.description == "2028-01-01")
        #expect(throws: ModelError.self) { try HSVersion(parsing: "hs2019") }
        #expect(HSVersion.hs2017 < .hs2022)
    }
}
