/// Hashed input features, in the manner of fastText: word unigrams and bigrams plus character
/// n-grams, each hashed (FNV-1a) into one of `buckets` rows of the input matrix.
///
/// - Words are the normaliser's stems; a bigram joins two neighbouring stems.
/// - Character n-grams (`minN`…`maxN`) are cut from each Latin word wrapped in `<` `>`, and from each
///   Han run (with n from 1, since one Han character is already a word), so Chinese needs no segmenter.
/// - Digits-only tokens give a word feature but no n-grams.
public struct FeatureExtractor: Sendable, Hashable, Codable {
    /// The number of hash buckets (rows of the input matrix).
    public let buckets: Int
    /// The shortest character n-gram.
    public let minN: Int
    /// The longest character n-gram.
    public let maxN: Int
    /// Whether word bigrams are used.
    public let wordBigrams: Bool

    /// Creates an extractor; `buckets` must be at least 1,024 and `1 ≤ minN ≤ maxN ≤ 8`.
    public init(buckets: Int = 1 << 18, minN: Int = 3, maxN: Int = 5, wordBigrams: Bool = true) throws(ClassificationError) {
        guard buckets >= 1_024, buckets <= 1 << 26 else {
            throw .invalidArgument(name: "buckets", reason: "must be between 1024 and 67108864, got \(buckets)")
        }
        guard minN >= 1, maxN >= minN, maxN <= 8 else {
            throw .invalidArgument(name: "n-grams", reason: "need 1 ≤ minN ≤ maxN ≤ 8, got \(minN)…\(maxN)")
        }
        self.buckets = buckets
        self.minN = minN
        self.maxN = maxN
        self.wordBigrams = wordBigrams
    }

    /// The feature rows of `text`, with repetitions (a word said twice counts twice, as in fastText).
    public func features(_ text: String) -> [Int32] {
        features(TextNormalizer.tokens(text))
    }

    /// The feature rows of already normalised tokens.
    public func features(_ tokens: [TextNormalizer.Token]) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(tokens.count * 12)
        var previous: UInt64?
        for token in tokens {
            let wordHash = Self.hash(token.stem.utf8, seed: Self.wordSeed)
            out.append(bucket(wordHash))
            if wordBigrams, let previous {
                out.append(bucket(Self.mix(previous, wordHash)))
            }
            previous = wordHash
            if token.isHan {
                characterNGrams(Array(token.text.unicodeScalars), from: 1, wrap: false, into: &out)
            } else if token.text.utf8.contains(where: { !(0x30...0x39).contains($0) && $0 != 0x2E && $0 != 0x2C }) {
                characterNGrams(Array(token.text.unicodeScalars), from: minN, wrap: true, into: &out)
            }
        }
        return out
    }

    private func characterNGrams(_ scalars: [Unicode.Scalar], from lowest: Int, wrap: Bool, into out: inout [Int32]) {
        var units: [UInt32] = []
        units.reserveCapacity(scalars.count + 2)
        if wrap { units.append(0x3C) }
        units.append(contentsOf: scalars.map(\.value))
        if wrap { units.append(0x3E) }
        let highest = wrap ? maxN : min(maxN, 3)
        for start in 0..<units.count {
            var hash = Self.ngramSeed
            for length in 1...highest {
                let end = start + length
                guard end <= units.count else { break }
                hash = Self.step(hash, units[end - 1])
                // The whole wrapped word is the word feature already.
                if length >= lowest, !(wrap && start == 0 && end == units.count) {
                    out.append(bucket(hash))
                }
            }
        }
    }

    @inline(__always) private func bucket(_ hash: UInt64) -> Int32 {
        Int32(truncatingIfNeeded: hash % UInt64(buckets))
    }

    private static let wordSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let ngramSeed: UInt64 = 0x8422_2325_cbf2_9ce4

    @inline(__always) private static func step(_ hash: UInt64, _ unit: UInt32) -> UInt64 {
        var h = hash
        var value = unit
        for _ in 0..<4 {
            h ^= UInt64(value & 0xFF)
            h = h &* 0x0000_0100_0000_01B3
            value >>= 8
        }
        return h
    }

    /// The hash of a word (a stem), as the word feature uses it before bucketing.
    static func wordHash(_ stem: String) -> UInt64 { hash(stem.utf8, seed: wordSeed) }

    private static func hash(_ bytes: String.UTF8View, seed: UInt64) -> UInt64 {
        var h = seed
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// Combines two hashes (a word pair, or a word and a label).
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15
        h ^= b &+ 0x7F4A_7C15_9E37_79B9 &+ (h << 6) &+ (h >> 2)
        return h ^ (h >> 29)
    }
}
