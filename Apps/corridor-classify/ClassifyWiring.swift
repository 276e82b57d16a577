import CorridorClassification
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// Builds the corpus from the reference database and the data directory, and loads models.
enum ClassifyWiring {
    /// The corpus over the imported nomenclatures and `data/classification/`.
    static func corpus(data: URL, database: DatabaseOptions, chapters: [String] = []) async throws -> TrainingCorpus {
        let reference = ReferenceStore(database: try database.open(mustExist: true))
        let inputs: CorpusBuilder.Inputs
        do {
            inputs = try await CorpusBuilder.readInputs(reference: reference, dataDirectory: data)
        } catch let error as ReferenceDataError {
            throw CLIError("\(error.description); import the reference data first with `corridor-data import --from \(data.path) --database \(database.database)`")
        } catch let error as ClassificationError {
            throw CLIError(error.description)
        }
        do {
            let corpus = try CorpusBuilder().build(inputs)
            return chapters.isEmpty ? corpus : try corpus.restricted(toChapters: Set(chapters))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// Reads a model file, with the file's own error message.
    static func model(_ path: String) throws -> Classifier {
        do {
            return try ModelFile.read(URL(fileURLWithPath: path))
        } catch {
            throw CLIError(error.description)
        }
    }

    /// A summary of corpus statistics, one line per source.
    static func describe(_ statistics: CorpusStatistics) -> String {
        var lines = ["source                  read    kept     dev  duplicate  mapped-2017  unmappable  empty"]
        for source in statistics.sources.keys.sorted() {
            guard let c = statistics.sources[source] else { continue }
            lines.append(source.rawValue.padding(toLength: 22, withPad: " ", startingAt: 0)
                + [c.read, c.kept, c.dev, c.duplicates, c.mappedFromHS2017, c.unmappable, c.empty]
                .enumerated().map { i, v in String(v).leftPadded(to: [6, 8, 8, 11, 13, 12, 7][i]) }.joined())
        }
        if let chapters = statistics.chapters { lines.append("cut to chapters \(chapters.joined(separator: " ")): kept and dev count those chapters only") }
        lines.append("labels: \(statistics.labels) HS 2022 subheadings, \(statistics.labelsWithExamples) with training examples; "
                     + "examples: \(statistics.kept) (\(statistics.dev) in the development split)")
        return lines.joined(separator: "\n")
    }

    /// An evaluation report as a table.
    static func describe(_ report: EvaluationReport) -> String {
        var lines = ["items: \(report.count)", "digits   top-1    top-5"]
        for level in report.levels {
            lines.append(String(level.digits).leftPadded(to: 6) + percent(level.top1).leftPadded(to: 8) + percent(level.top5).leftPadded(to: 9))
        }
        lines.append("expected calibration error: \(String(format: "%.4f", report.expectedCalibrationError)); mean confidence \(String(format: "%.3f", report.meanConfidence))")
        return lines.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
