/// Span-level precision, recall and F2 of the scanner against a labelled corpus (such as
/// Presidio's synthetic dataset). A finding counts as correct when it has the gold span's type
/// and their overlap is at least half their union; each gold span matches at most one finding.
public struct PIIEvaluation: Sendable {
    /// One labelled text.
    public struct Sample: Sendable {
        /// The text.
        public let text: String
        /// Gold spans: entity and Unicode scalar offsets.
        public let spans: [(entity: PIIEntity, start: Int, end: Int)]

        /// Creates a sample.
        public init(text: String, spans: [(entity: PIIEntity, start: Int, end: Int)]) {
            self.text = text
            self.spans = spans
        }
    }

    /// Counts for one entity type.
    public struct Score: Sendable, Equatable {
        /// Findings that match a gold span.
        public var truePositives = 0
        /// Findings that match none.
        public var falsePositives = 0
        /// Gold spans no finding matched.
        public var falseNegatives = 0

        /// TP / (TP + FP).
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        /// TP / (TP + FN).
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        /// The F-beta score with beta 2, weighting recall over precision, as Presidio reports.
        public var f2: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 5 * p * r / (4 * p + r)
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
    }

    /// Per entity type.
    public private(set) var scores: [PIIEntity: Score] = [:]

    /// Evaluates the scanner over `samples`, scoring only the entity types the corpus labels.
    public init(samples: [Sample], entities: Set<PIIEntity>) {
        for sample in samples {
            let predicted = PIIScanner.scan(sample.text).filter { entities.contains($0.entity) }
            var matched = Set<Int>()
            for finding in predicted {
                let hit = sample.spans.indices.first { i in
                    let gold = sample.spans[i]
                    guard !matched.contains(i), gold.entity == finding.entity else { return false }
                    let overlap = min(gold.end, finding.end) - max(gold.start, finding.start)
                    let union = max(gold.end, finding.end) - min(gold.start, finding.start)
                    return overlap > 0 && 2 * overlap >= union
                }
                if let hit {
                    matched.insert(hit)
                    scores[finding.entity, default: Score()].truePositives += 1
                } else {
                    scores[finding.entity, default: Score()].falsePositives += 1
                }
            }
            for (i, gold) in sample.spans.enumerated() where !matched.contains(i) && entities.contains(gold.entity) {
                scores[gold.entity, default: Score()].falseNegatives += 1
            }
        }
    }

    /// All supported types together (micro-averaged).
    public var overall: Score {
        scores.values.reduce(into: Score()) {
            $0.truePositives += $1.truePositives
            $0.falsePositives += $1.falsePositives
            $0.falseNegatives += $1.falseNegatives
        }
    }

    /// How Presidio's entity names map onto the scanner's; types not listed are not detected.
    public static let presidioTypes: [String: PIIEntity] = [
        "EMAIL_ADDRESS": .email, "PHONE_NUMBER": .phone, "CREDIT_CARD": .creditCard, "IBAN_CODE": .iban,
        "IP_ADDRESS": .ipAddress, "DOMAIN_NAME": .url, "DATE_TIME": .dateTime,
        "PERSON": .person, "ORGANIZATION": .organization, "GPE": .location, "STREET_ADDRESS": .streetAddress,
    ]

    /// The identifiers found by pattern and checksum (as opposed to the name heuristics).
    public static let structuredTypes: Set<PIIEntity> = [.email, .phone, .creditCard, .iban, .ipAddress, .url, .dateTime]
}
