import ArgumentParser
import CorridorClassification
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-classify predict "TEXT"`: the best HS subheadings for one product text.
struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Classify one product text: candidates with calibrated scores, an explanation, a clarifying question, national lines.")

    @Argument(help: "The product text (English or Chinese); attributes such as material may be appended.")
    var text: String

    @Option(name: .long, help: ArgumentHelp("The model file written by `train`.", valueName: "path"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("The marketplace category path, e.g. \"Clothing > Women > Dresses\".", valueName: "path"))
    var category: String?

    @Option(name: .customLong("attribute"), help: ArgumentHelp("An attribute as name=value, e.g. material=cotton (repeatable).", valueName: "name=value"))
    var attributes: [String] = []

    @Option(name: .short, help: "How many candidates (1–50).")
    var k: Int = 5

    @Option(name: .long, help: "List the national lines under the first candidate: US, EU or HS2017 (needs --database).")
    var market: String?

    @Option(name: .customLong("as-of"), help: "The date whose national release is read (YYYY-MM-DD; default: today, UTC).")
    var asOf: String?

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        guard (1...Classifier.maximumK).contains(k) else { throw ValidationError("-k must be between 1 and \(Classifier.maximumK), got \(k)") }
        if let market { _ = try parse { () throws(ClassificationError) in try TariffMarket(parsing: market) } }
        if let asOf, (try? CivilDate(parsing: asOf)) == nil { throw ValidationError("--as-of '\(asOf)' is not a date (YYYY-MM-DD)") }
        for attribute in attributes where !attribute.contains("=") {
            throw ValidationError("--attribute '\(attribute)' must be name=value, e.g. material=cotton")
        }
    }

    /// The title with the category path and attributes.
    var product: ProductText {
        var named: [String: String] = [:]
        for attribute in attributes {
            let parts = attribute.split(separator: "=", maxSplits: 1).map(String.init)
            named[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return ProductText(title: text, category: category, attributes: named)
    }

    func run() async throws {
        let classifier = try ClassifyWiring.model(model)
        let result: ClassificationResult
        guard !text.allSatisfy(\.isWhitespace) else { throw CLIError(ClassificationError.emptyText.description) }
        do { result = try classifier.classify(product.text, k: k) } catch { throw CLIError(error.description) }
        var lines: NationalLines?
        if let market, let first = result.predictions.first {
            let date = try asOf.map { try CivilDate(parsing: $0) } ?? CivilDate(Date())
            let reference = ReferenceStore(database: try database.open(mustExist: true))
            do {
                lines = try await NationalLines.lookup(hs6: first.hs6, market: try TariffMarket(parsing: market), asOf: date, reference: reference)
            } catch let error as ReferenceDataError {
                throw CLIError(error.description)
            }
        }
        switch format {
        case .json:
            try printJSON(PredictOutput(result: result, nationalLines: lines))
        case .table:
            print(PredictTable.render(result, lines: lines))
        }
    }

    private func parse<T>(_ body: () throws(ClassificationError) -> T) throws -> T {
        do { return try body() } catch { throw ValidationError(error.description) }
    }
}

/// The JSON of `predict`: the result's fields plus `national_lines`.
struct PredictOutput: Encodable {
    let result: ClassificationResult
    let nationalLines: NationalLines?

    enum CodingKeys: String, CodingKey {
        case predictions, confidence, explanation, question, warnings, nationalLines = "national_lines"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.predictions, forKey: .predictions)
        try c.encode(result.confidence, forKey: .confidence)
        try c.encodeIfPresent(result.explanation, forKey: .explanation)
        try c.encodeIfPresent(result.question, forKey: .question)
        try c.encode(result.warnings, forKey: .warnings)
        try c.encodeIfPresent(nationalLines, forKey: .nationalLines)
    }
}

/// `--format`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
