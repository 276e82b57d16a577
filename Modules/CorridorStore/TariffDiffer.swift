import CorridorModel
import Foundation

/// Compares two releases' lines code by code.
enum TariffDiffer {
    static func changes(before: [String: NomenclatureEntry], after: [String: NomenclatureEntry]) -> [TariffChange] {
        var changes: [TariffChange] = []
        for (code, old) in before {
            guard let new = after[code] else {
                changes.append(TariffChange(kind: .removed, code: old.code, before: old.description))
                continue
            }
            if normalized(old.description) != normalized(new.description) {
                changes.append(TariffChange(kind: .descriptionChanged, code: old.code, field: "description",
                                            before: old.description, after: new.description))
            } else if normalized(old.fullDescription) != normalized(new.fullDescription) {
                // Same words on the line, different headings above it: the line now means something else.
                changes.append(TariffChange(kind: .descriptionChanged, code: old.code, field: "fullDescription",
                                            before: old.fullDescription, after: new.fullDescription))
            }
            if old.units != new.units {
                changes.append(TariffChange(kind: .unitsChanged, code: old.code, field: "units",
                                            before: old.units.joined(separator: ", "), after: new.units.joined(separator: ", ")))
            }
            let fields: [(String, KeyPath<TariffRates, String?>)] = [
                ("general", \.general), ("special", \.special), ("column2", \.column2), ("additional", \.additional), ("quota", \.quota),
            ]
            for (name, path) in fields {
                let a = old.rates?[keyPath: path], b = new.rates?[keyPath: path]
                if a.map(normalized) != b.map(normalized) {
                    changes.append(TariffChange(kind: .rateChanged, code: old.code, field: name, before: a, after: b))
                }
            }
        }
        for (code, new) in after where before[code] == nil {
            changes.append(TariffChange(kind: .added, code: new.code, after: new.description))
        }
        let order: [TariffChange.Kind: Int] = [.removed: 0, .added: 1, .descriptionChanged: 2, .unitsChanged: 3, .rateChanged: 4]
        return changes.sorted {
            ($0.code.digits, order[$0.kind] ?? 9, $0.field ?? "") < ($1.code.digits, order[$1.kind] ?? 9, $1.field ?? "")
        }
    }

    /// Publication artefacts — runs of spaces, a space after a comma in a programme list — are not changes.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ").replacingOccurrences(of: ", ", with: ",")
    }
}
