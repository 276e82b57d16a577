import Foundation

/// A UN/ECE Recommendation 20 unit of measure code, such as `KGM` (kilogram), `LTR` (litre),
/// `H87` (piece), `MTK` (square metre).
///
/// Any well-formed code (2 or 3 upper-case letters or digits) is accepted, since Rec. 20 lists
/// some two thousand; the common trade units are named in `commonNames`.
public struct UnitCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The code, upper-case.
    public let code: String

    /// Validates the code's form.
    public init(_ text: String) throws(ModelError) {
        let code = text.trimmingWhitespace().uppercased()
        guard (2...3).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidUnitCode(text)
        }
        self.code = code
    }

    public init(from decoder: any Decoder) throws {
        self = try UnitCode(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }

    /// The English name for common trade units, nil for others.
    public var name: String? { UnitCode.commonNames[code] }

    public var description: String { code }

    /// Names of the Rec. 20 codes most used on customs declarations.
    /// Source: UNECE Recommendation No. 20, Codes for Units of Measure Used in International Trade (Rev. 17).
    public static let commonNames: [String: String] = [
        "KGM": "kilogram", "GRM": "gram", "TNE": "tonne", "LTR": "litre", "MLT": "millilitre",
        "MTQ": "cubic metre", "MTK": "square metre", "MTR": "metre", "CMT": "centimetre",
        "H87": "piece", "C62": "one (unit)", "NAR": "number of articles", "PR": "pair",
        "DZN": "dozen", "SET": "set", "KWH": "kilowatt hour", "KWT": "kilowatt", "CTM": "metric carat",
        "LPA": "litre of pure alcohol", "GFI": "gram of fissile isotopes", "NPR": "number of pairs",
        "HLT": "hectolitre", "KNI": "kilogram of nitrogen", "KPO": "kilogram of potassium oxide",
        "TJO": "terajoule", "MWH": "megawatt hour", "CEN": "hundred", "MIL": "thousand",
    ]
}
