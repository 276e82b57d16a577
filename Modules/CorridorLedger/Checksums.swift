import CorridorModel

/// Check-digit algorithms for identifiers, so that only real-looking numbers are reported.
public enum Checksums {
    /// The Luhn (mod 10) check of payment card numbers; spaces and hyphens are ignored.
    public static func isValidLuhn(_ text: String) -> Bool {
        let digits = text.compactMap(asciiDigit)
        guard (12...19).contains(digits.count), digits.count == text.filter({ $0 != " " && $0 != "-" }).count else { return false }
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }

    /// ISO 13616 IBAN: move the first four characters to the end, letters to 10–35, mod 97 == 1.
    public static func isValidIBAN(_ text: String) -> Bool {
        let s = text.uppercased().filter { $0 != " " }
        guard (15...34).contains(s.count), s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              let check = Int(String(Array(s)[2...3])), (2...98).contains(check) else { return false }
        var remainder = 0
        for ch in s.dropFirst(4) + s.prefix(4) {
            if let d = asciiDigit(ch) {
                remainder = (remainder * 10 + d) % 97
            } else if let a = ch.asciiValue {
                remainder = (remainder * 100 + Int(a) - 55) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// GB 11643-1999: 18-character resident ID; weights 2^(17-i) mod 11, check "10X98765432".
    public static func isValidResidentID(_ text: String) -> Bool {
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard let d = asciiDigit(chars[i]) else { return false }
            sum += d * weights[i]
        }
        let check = Array("10X98765432")[sum % 11]
        // The birth date (characters 7–14) must be a real calendar date from 1900 on.
        guard let year = Int(String(chars[6...9])), year >= 1900, let month = Int(String(chars[10...11])),
              let day = Int(String(chars[12...13])), (try? CivilDate(year: year, month: month, day: day)) != nil else { return false }
        return chars[17] == check
    }

    /// GB 32100-2015: 18-character unified social credit code over the 31-character alphabet
    /// `0-9A-HJ-NPQRTUWXY`; weights 3^i mod 31, check = 31 − (sum mod 31), 31 meaning 0.
    public static func isValidCreditCode(_ text: String) -> Bool {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let chars = Array(text.uppercased())
        guard chars.count == 18 else { return false }
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var sum = 0
        for i in 0..<17 {
            guard let v = alphabet.firstIndex(of: chars[i]) else { return false }
            sum += v * weights[i]
        }
        let checkValue = (31 - sum % 31) % 31
        return chars[17] == alphabet[checkValue] && isValidOrganizationCode(Array(chars[8...16]))
    }

    /// GB 11714-1997: the 9-character organization code inside a credit code (characters 9–17);
    /// weights 3 7 9 10 5 8 4 2, check = 11 − (sum mod 11), 10 written X and 11 written 0.
    static func isValidOrganizationCode(_ chars: [Character]) -> Bool {
        guard chars.count == 9 else { return false }
        let weights = [3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<8 {
            guard let v = asciiDigit(chars[i]) ?? chars[i].asciiValue.map({ Int($0) - 55 }), (0...35).contains(v) else { return false }
            sum += v * weights[i]
        }
        let check = 11 - sum % 11
        let expected: Character = check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
        return chars[8] == expected
    }

    /// 0–9 for the ASCII digits only (`wholeNumberValue` would also accept ４ or 万).
    static func asciiDigit(_ c: Character) -> Int? {
        guard let a = c.asciiValue, (48...57).contains(a) else { return nil }
        return Int(a) - 48
    }
}
