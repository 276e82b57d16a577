import CorridorModel
import Foundation

/// Runs a pack's golden cases and says which fail and why.
public enum GoldenCaseRunner {
    /// One case's result.
    public struct Result: Sendable, Hashable, Encodable {
        /// The pack id.
        public let pack: String
        /// The case name.
        public let name: String
        /// Its line in the pack file.
        public let line: Int?
        /// Whether it passed.
        public let passed: Bool
        /// What differed (empty when passed).
        public let failures: [String]
    }

    /// Runs every case of `pack`. Only decisions named in a case's `expect` are evaluated; the open
    /// questions of those decisions must equal the case's `questions` (none, when not given).
    public static func run(_ pack: RulePack) -> [Result] {
        pack.cases.map { goldenCase in
            var failures: [String] = []
            let context = EvaluationContext(facts: goldenCase.facts, asOf: goldenCase.asOf, converter: nil)
            var results: [String: DecisionResult] = [:]
            var asked = Set<String>()
            for decisionID in Set(goldenCase.expect.map { String($0.key.split(separator: ".")[0]) }).sorted() {
                guard let decision = pack.decision(decisionID) else { continue }
                do {
                    let result = try decision.evaluate(in: context, pack: pack.id)
                    results[decisionID] = result
                    asked.formUnion(result.missingFacts)
                } catch {
                    failures.append("\(decisionID): \(error)")
                }
            }
            for (key, expected) in goldenCase.expect {
                let parts = key.split(separator: ".", maxSplits: 1).map(String.init)
                guard let result = results[parts[0]] else { continue }
                let actual: String
                switch parts[1] {
                case "rule": actual = result.matches.map(\.rule).joined(separator: ", ")
                case "count": actual = "\(result.matches.count)"
                default: actual = result.output(parts[1])?.description ?? "(none)"
                }
                if actual != expected, !(numericallyEqual(actual, expected)) {
                    failures.append("\(key): expected \(expected), got \(actual)")
                }
            }
            let expectedQuestions = Set(goldenCase.questions ?? [])
            if asked != expectedQuestions {
                failures.append("questions: expected [\(expectedQuestions.sorted().joined(separator: ", "))], got [\(asked.sorted().joined(separator: ", "))]")
            }
            return Result(pack: pack.id, name: goldenCase.name, line: goldenCase.line, passed: failures.isEmpty, failures: failures)
        }
    }

    /// `0.190` and `0.19`, or `3 EUR` and `3.00 EUR`, are the same value.
    private static func numericallyEqual(_ a: String, _ b: String) -> Bool {
        let pa = a.split(separator: " "), pb = b.split(separator: " ")
        guard pa.count == pb.count, let x = Decimal(exactLiteral: String(pa[0])), let y = Decimal(exactLiteral: String(pb[0])) else { return false }
        return x == y && pa.dropFirst().elementsEqual(pb.dropFirst())
    }
}
