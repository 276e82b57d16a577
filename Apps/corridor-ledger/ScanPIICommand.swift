import ArgumentParser
import CorridorCommandLine
import CorridorLedger
import Foundation

/// `corridor-ledger scan-pii [FILE]` and `scan-pii --evaluate presidio_synth_dataset_v2.json`.
struct ScanPIICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan-pii",
        abstract: "Find personal identifiers in text (FILE or stdin), or measure the scanner on a labelled Presidio-format corpus.")

    @Argument(help: "The text to scan (default: stdin).") var file: String?
    @Option(help: "A Presidio-format JSON corpus to evaluate against instead of scanning.") var evaluate: String?
    @Option(help: "table or json.") var format: Format = .table

    func run() async throws {
        if let evaluate { return try report(evaluate) }
        let data = file.map { FileManager.default.contents(atPath: $0) } ?? FileHandle.standardInput.readDataToEndOfFile()
        guard let data, let text = String(data: data, encoding: .utf8) else { throw CLIError("the input is not UTF-8 text") }
        let findings = PIIScanner.scan(text)
        switch format {
        case .json: try printJSON(findings)
        case .table: for f in findings { print("\(f.entity.rawValue)\t\(f.start)-\(f.end)\t\(f.text)") }
        }
    }

    private struct Corpus: Decodable {
        struct Span: Decodable { let entity_type: String; let start_position: Int; let end_position: Int }
        let full_text: String
        let spans: [Span]
    }

    private func report(_ path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("cannot read \(path)") }
        let corpus: [Corpus]
        do {
            corpus = try JSONDecoder().decode([Corpus].self, from: data)
        } catch {
            throw CLIError("\(path) is not a Presidio-format corpus: \(error)")
        }
        let samples = corpus.map { item in
            PIIEvaluation.Sample(text: item.full_text, spans: item.spans.compactMap { s in
                PIIEvaluation.presidioTypes[s.entity_type].map { (entity: $0, start: s.start_position, end: s.end_position) }
            })
        }
        let started = ContinuousClock.now
        let evaluation = PIIEvaluation(samples: samples, entities: Set(PIIEvaluation.presidioTypes.values))
        let elapsed = ContinuousClock.now - started
        let rows = evaluation.scores.sorted { $0.key.rawValue < $1.key.rawValue }
        switch format {
        case .json:
            struct Row: Encodable { let entity: String; let tp: Int; let fp: Int; let fn: Int; let precision: Double; let recall: Double; let f2: Double }
            let all = rows.map { Row(entity: $0.key.rawValue, tp: $0.value.truePositives, fp: $0.value.falsePositives, fn: $0.value.falseNegatives,
                                     precision: $0.value.precision, recall: $0.value.recall, f2: $0.value.f2) }
            let o = evaluation.overall
            try printJSON(all + [Row(entity: "overall", tp: o.truePositives, fp: o.falsePositives, fn: o.falseNegatives,
                                     precision: o.precision, recall: o.recall, f2: o.f2)])
        case .table:
            print("| entity | TP | FP | FN | precision | recall | F2 |\n|---|---:|---:|---:|---:|---:|---:|")
            for (entity, s) in rows {
                print("| \(entity.rawValue) | \(s.truePositives) | \(s.falsePositives) | \(s.falseNegatives) | \(fmt(s.precision)) | \(fmt(s.recall)) | \(fmt(s.f2)) |")
            }
            let o = evaluation.overall
            print("| **supported types** | \(o.truePositives) | \(o.falsePositives) | \(o.falseNegatives) | \(fmt(o.precision)) | \(fmt(o.recall)) | **\(fmt(o.f2))** |")
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let bytes = corpus.reduce(0) { $0 + $1.full_text.utf8.count }
            print("\n\(corpus.count) texts, \(bytes) bytes in \(String(format: "%.3f", seconds)) s (\(String(format: "%.2f", Double(bytes) / seconds / 1e6)) MB/s)")
        }
    }

    private func fmt(_ v: Double) -> String { String(format: "%.3f", v) }
}
