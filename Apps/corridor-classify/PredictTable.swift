import CorridorClassification
import Foundation

/// `predict --format table`.
enum PredictTable {
    static func render(_ result: ClassificationResult, lines: NationalLines?) -> String {
        var out: [String] = []
        for warning in result.warnings { out.append("warning: \(warning)") }
        out.append("rank  hs6      score   description")
        for (i, p) in result.predictions.enumerated() {
            out.append(String(i + 1).leftPadded(to: 4) + "  " + dotted(p.hs6) + "  " + String(format: "%.3f", p.score) + "   "
                       + String(p.description.prefix(90)))
        }
        if let explanation = result.explanation {
            out.append("")
            out.append("why: " + explanation.nomenclature.map { "\(dotted($0.code)) \($0.description)" }.joined(separator: " › "))
            if !explanation.matchedTerms.isEmpty { out.append("matched words: " + explanation.matchedTerms.joined(separator: ", ")) }
            for example in explanation.examples { out.append("  like: \(example)") }
        }
        if let question = result.question {
            out.append("")
            out.append("question: \(question.text)")
            for option in question.options { out.append("  \(option.wording) → \(dotted(option.hs6))") }
        }
        if let lines {
            out.append("")
            out.append("\(lines.market.rawValue) lines under \(dotted(lines.hs6)) (\(lines.release)):")
            if lines.lines.isEmpty { out.append("  (none)") }
            for line in lines.lines {
                out.append("  \(line.code)  \(line.generalRate.map { "[\($0)] " } ?? "")\(line.description.prefix(100))")
            }
        }
        return out.joined(separator: "\n")
    }

    static func dotted(_ code: String) -> String {
        code.count == 6 ? code.prefix(4) + "." + code.suffix(2) : code
    }
}
