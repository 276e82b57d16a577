import CorridorCommandLine
import ArgumentParser
import CorridorFinance
import CorridorModel
import Foundation

/// `corridor-risk credit score`
struct CreditScoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score applicants (CSV rows) with a trained scorecard."
    )

    @Option(help: "The scorecard written by `credit train`.") var model: String
    @Option(help: "CSV file of applicants with the card's feature columns.") var file: String
    @Option(help: "A column whose value identifies each row in the output.") var id: String?
    @Option(help: "table | json.") var format: OutputFormat = .table
    @Option(help: "Draw the score distribution to this SVG file.") var svg: String?

    struct Row: Encodable {
        let id: String
        let score: Double
        let probability: Double
        let points: [String: Double]
    }

    func run() async throws {
        let card = try readJSON(Scorecard.self, from: model)
        try finance { () throws(FinanceError) in try card.validate() }
        let dataset = try finance { () throws(FinanceError) in try CreditDataset(contentsOf: URL(fileURLWithPath: file)) }
        let ids: [String]
        if let id {
            ids = try finance { () throws(FinanceError) in try dataset.column(id) }.enumerated().map { $0.element ?? "row \($0.offset + 1)" }
        } else {
            ids = dataset.lines.map { "line \($0)" }
        }
        let results = try finance { () throws(FinanceError) in try card.score(dataset) }
        let rows = zip(ids, results).map { Row(id: $0, score: ($1.score * 100).rounded() / 100, probability: $1.probability, points: $1.points) }
        if let svg {
            try writeSVG(SVGChart.histogram(results.map(\.score), title: "Score distribution (\(rows.count) applicants)", xLabel: "score"), to: svg)
        }
        switch format {
        case .json: try printJSON(rows)
        case .table:
            for row in rows { print("\(row.id)\t\(String(format: "%.1f", row.score))\t\(String(format: "%.4f", row.probability))") }
        }
    }
}
