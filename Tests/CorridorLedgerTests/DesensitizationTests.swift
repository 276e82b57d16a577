import CorridorLedger
import Foundation
import Testing

@Suite("Desensitization operators and policies")
struct DesensitizationTests {
    let key = Array("0123456789abcdef0123456789abcdef".utf8)

    @Test("mask counts Unicode characters, so Chinese names mask correctly")
    func mask() throws {
        #expect(try FieldOperator.mask(keepFirst: 1, keepLast: 1, with: "*").apply(to: "张三丰") == "张*丰")
        #expect(try FieldOperator.mask(keepFirst: 1, keepLast: 0, with: "*").apply(to: "欧阳娜娜") == "欧***")
        #expect(try FieldOperator.mask(keepFirst: 3, keepLast: 4, with: "*").apply(to: "13812345678") == "138****5678")
        #expect(try FieldOperator.mask(keepFirst: 2, keepLast: 2, with: "*").apply(to: "abc") == "***", "too short to keep anything")
        #expect(try FieldOperator.mask(keepFirst: 0, keepLast: 1, with: "#").apply(to: "👨‍👩‍👧x") == "#x", "a family emoji is one character")
    }

    @Test("redact and replace")
    func redact() throws {
        #expect(try FieldOperator.redact.apply(to: "secret") == "[REDACTED]")
        #expect(try FieldOperator.replace("客户").apply(to: "张三") == "客户")
    }

    @Test("keyed pseudonyms are stable per key and need at least 16 bytes of key")
    func pseudonym() throws {
        let a = try FieldOperator.pseudonymize.apply(to: "alice@example.com", key: key)
        #expect(a == (try FieldOperator.pseudonymize.apply(to: "alice@example.com", key: key)))
        #expect(a != (try FieldOperator.pseudonymize.apply(to: "bob@example.com", key: key)))
        #expect(a != (try FieldOperator.pseudonymize.apply(to: "alice@example.com", key: Array(key.reversed()))))
        #expect(a.count == 64)
        #expect(throws: DesensitizationError.keyTooShort(needed: 16, got: 15)) {
            try FieldOperator.pseudonymize.apply(to: "x", key: Array(key.prefix(15)))
        }
    }

    @Test("AES-GCM round trip; a wrong key or a changed byte fails")
    func encrypt() throws {
        let sealed = try FieldOperator.encrypt.apply(to: "护照 E12345678", key: key, context: "traveller.passport")
        #expect(try FieldOperator.decrypt(sealed, key: key, context: "traveller.passport") == "护照 E12345678")
        #expect(throws: DesensitizationError.self, "a ciphertext moved to another field does not open") {
            try FieldOperator.decrypt(sealed, key: key, context: "buyer.name")
        }
        #expect(sealed != (try FieldOperator.encrypt.apply(to: "护照 E12345678", key: key, context: "traveller.passport")), "a fresh nonce each time")
        #expect(throws: DesensitizationError.self) { try FieldOperator.decrypt(sealed, key: Array(key.reversed()), context: "traveller.passport") }
        var bytes = try #require(Data(base64Encoded: sealed))
        bytes[bytes.count / 2] ^= 1
        #expect(throws: DesensitizationError.self) { try FieldOperator.decrypt(bytes.base64EncodedString(), key: key, context: "traveller.passport") }
        #expect(throws: DesensitizationError.wrongKeyLength(needed: 32, got: 16)) { try FieldOperator.encrypt.apply(to: "x", key: Array(key.prefix(16))) }
    }

    @Test("generalize dates to months, postcodes to prefixes, numbers to buckets")
    func generalize() throws {
        #expect(try FieldOperator.generalize(.dateToMonth).apply(to: "2026-07-14") == "2026-07")
        #expect(try FieldOperator.generalize(.prefix(keep: 3)).apply(to: "518000") == "518***")
        #expect(try FieldOperator.generalize(.bucket(width: 1000)).apply(to: "1234.5") == "[1000, 2000)")
        #expect(try FieldOperator.generalize(.bucket(width: 1000)).apply(to: "-5") == "[-1000, 0)")
        #expect(throws: DesensitizationError.self) { try FieldOperator.generalize(.dateToMonth).apply(to: "14/07/2026") }
        #expect(throws: DesensitizationError.self) { try FieldOperator.generalize(.bucket(width: 10)).apply(to: "ten") }
    }

    @Test("a policy applies operators to nested fields and leaves the rest alone")
    func policy() throws {
        let json = #"""
        {"schema":"invoice","fields":{
          "buyer.name":{"op":"mask","keepFirst":1},
          "buyer.phone":{"op":"mask","keepFirst":3,"keepLast":4},
          "buyer.email":{"op":"pseudonymize"},
          "amount":{"op":"generalize","bucket":1000},
          "issued":{"op":"generalize","to":"month"},
          "missing.field":{"op":"redact"}}}
        """#
        let policy = try JSONDecoder().decode(DesensitizationPolicy.self, from: Data(json.utf8))
        let document: [String: Any] = ["buyer": ["name": "张三丰", "phone": "13812345678", "email": "zs@example.cn", "city": "深圳"],
                                       "amount": 2500, "issued": "2026-07-14", "number": "INV-9"]
        let out = try policy.apply(to: document, key: key)
        let buyer = try #require(out["buyer"] as? [String: Any])
        #expect(buyer["name"] as? String == "张**")
        #expect(buyer["phone"] as? String == "138****5678")
        #expect((buyer["email"] as? String)?.count == 64)
        #expect(buyer["city"] as? String == "深圳")
        #expect(out["amount"] as? String == "[2000, 3000)")
        #expect(out["issued"] as? String == "2026-07")
        #expect(out["number"] as? String == "INV-9")
        let lines = try JSONDecoder().decode(DesensitizationPolicy.self, from: Data(#"{"schema":"x","fields":{"lines.buyer":{"op":"redact"}}}"#.utf8))
        let masked = try lines.apply(to: ["lines": [["buyer": "A"], ["buyer": "B"]]])
        #expect((masked["lines"] as? [[String: Any]])?.compactMap { $0["buyer"] as? String } == ["[REDACTED]", "[REDACTED]"], "paths reach into lists")
        #expect(throws: DesensitizationError.self) { try lines.apply(to: ["lines": "text"]) }
        let bad = #"{"schema":"x","fields":{"a":{"op":"shred"}}}"#
        #expect(throws: DesensitizationError.self) { try JSONDecoder().decode(DesensitizationPolicy.self, from: Data(bad.utf8)) }
    }
}
