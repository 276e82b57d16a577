import Foundation

/// Turns product text into the tokens that the classifier and the retrieval index read.
///
/// The steps are fixed, because a model is only valid with the normaliser it was trained with:
/// Unicode NFKC (full-width letters and digits become ASCII), case and diacritic folding, a space
/// between digits and letters (so that "500ml" and "500 ml" agree), and splitting on anything that is
/// not a letter or a digit. A run of Han characters stays one token; the feature extractor cuts it into
/// character n-grams, so Chinese needs no word segmenter.
public enum TextNormalizer {
    /// One token of normalised text.
    public struct Token: Hashable, Sendable {
        /// The folded form, e.g. `t`, `shirts`, `500`, `ml`, `棉质`.
        public let text: String
        /// The English light stem used for word features and retrieval (`shirts` → `shirt`); equal to
        /// `text` for numbers and Han runs.
        public let stem: String
        /// Whether the token is a run of Han characters.
        public let isHan: Bool
    }

    /// The normalised text: NFKC, folded, digits and letters separated, single spaces.
    public static func normalize(_ text: String) -> String {
        tokens(text).map(\.text).joined(separator: " ")
    }

    /// The tokens of `text`, in order.
    public static func tokens(_ text: String) -> [Token] {
        let folded = fold(text)
        var tokens: [Token] = []
        var current = String.UnicodeScalarView()
        var currentKind = Kind.separator

        func flush() {
            guard !current.isEmpty else { return }
            let text = String(current)
            switch currentKind {
            case .letter: tokens.append(Token(text: text, stem: stem(text), isHan: false))
            case .digit: tokens.append(Token(text: text, stem: text, isHan: false))
            case .han: tokens.append(Token(text: text, stem: text, isHan: true))
            case .separator: break
            }
            current.removeAll(keepingCapacity: true)
        }

        for scalar in folded.unicodeScalars {
            let kind = Kind(scalar)
            // A decimal point or comma between digits stays inside the number ("0.5", "1,000").
            if kind == .separator, currentKind == .digit, scalar == "." || scalar == "," {
                current.append(scalar)
                continue
            }
            if kind != currentKind {
                if currentKind == .digit, let last = current.last, last == "." || last == "," {
                    current.removeLast()
                }
                flush()
                currentKind = kind
            }
            if kind != .separator { current.append(scalar) }
        }
        if currentKind == .digit, let last = current.last, last == "." || last == "," { current.removeLast() }
        flush()
        return tokens
    }

    /// NFKC, then case, diacritic and width folding. ASCII text (most product text) only has its case
    /// lowered: NFKC changes nothing there, and the Foundation calls dominate a prediction's cost.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        return text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A light English stem: plural endings removed so that "shirts", "shirt" and "batteries"/"battery" meet.
    public static func stem(_ word: String) -> String {
        let count = word.count
        guard count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") else {
            return word
        }
        if word.hasSuffix("ies"), count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("ches") || word.hasSuffix("shes") || word.hasSuffix("xes") || word.hasSuffix("sses") {
            return String(word.dropLast(2))
        }
        return String(word.dropLast())
    }

    private enum Kind: Equatable {
        case letter, digit, han, separator

        init(_ scalar: Unicode.Scalar) {
            // ASCII first: most product text is ASCII, and Unicode property lookups are slow.
            if scalar.value < 0x80 {
                switch scalar.value {
                case 0x30...0x39: self = .digit
                case 0x41...0x5A, 0x61...0x7A: self = .letter
                default: self = .separator
                }
                return
            }
            let properties = scalar.properties
            if Self.isHan(scalar) {
                self = .han
            } else if properties.numericType == .decimal {
                self = .digit
            } else if properties.isAlphabetic {
                self = .letter
            } else {
                self = .separator
            }
        }

        static func isHan(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true
            default: return false
            }
        }
    }
}
