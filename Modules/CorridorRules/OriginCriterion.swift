import Foundation

/// One origin criterion of a product-specific rule, as RCEP Annex 3A writes them.
public enum OriginCriterion: Hashable, Sendable, CustomStringConvertible {
    /// Wholly obtained or produced in a Party (or produced exclusively from originating materials).
    case whollyObtained
    /// Change of chapter (`level` 2), heading (4) or subheading (6), with exceptions: non-originating
    /// materials of the excepted codes (prefixes) do not count as having changed. Only `init(text:)`
    /// creates it, so `level` is always 2, 4 or 6.
    case change(level: Int, except: [String])
    /// A regional value content of at least `percent`.
    case regionalValueContent(percent: Int)

    /// Reads `WO`, `CC`, `CTH`, `CTSH`, `CTH except from 6406`, `RVC40`.
    public init?(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if upper == "WO" { self = .whollyObtained; return }
        if upper.hasPrefix("RVC"), let percent = Int(upper.dropFirst(3)), (1...100).contains(percent) {
            self = .regionalValueContent(percent: percent)
            return
        }
        let parts = trimmed.components(separatedBy: " except from ")
        let level: Int
        switch parts[0].uppercased().trimmingCharacters(in: .whitespaces) {
        case "CC": level = 2
        case "CTH": level = 4
        case "CTSH": level = 6
        default: return nil
        }
        var except: [String] = []
        if parts.count == 2 {
            except = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).filter { $0 != "." } }
            guard except.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.count % 2 == 0 }) else { return nil }
        } else if parts.count > 2 {
            return nil
        }
        self = .change(level: level, except: except)
    }

    /// The criterion as Annex 3A writes it: `CTH except from 6406`, `RVC40`.
    public var description: String {
        switch self {
        case .whollyObtained: "WO"
        case .change(let level, let except):
            (level == 2 ? "CC" : level == 4 ? "CTH" : "CTSH") + (except.isEmpty ? "" : " except from " + except.joined(separator: ", "))
        case .regionalValueContent(let percent): "RVC\(percent)"
        }
    }
}
