import ArgumentParser
import CorridorClassification
import CorridorCommandLine
import Foundation

/// `corridor-classify batch`: classifies a JSON Lines file of `{"id","text"}`.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Classify every line of a JSON Lines file; output keeps the ids in input order.",
        discussion: """
            Each input line is {"id": "...", "text": "..."}, optionally with "category" (a path) and
            "attributes" (an object of name → text); other fields are ignored. Each output line is
            {"id": "...", "predictions": [{"hs6": "851713", "score": 0.62}, ...]}, best first.
            An invalid line is reported on standard error with its line number and written as
            {"id": ..., "line": N, "error": "..."}; the others are still classified, and the exit code is 3.
            With --strict, any invalid line stops the run before anything is written (exit code 1).
            """)

    @Option(name: .long, help: ArgumentHelp("The model file written by `train`.", valueName: "path"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("Input JSON Lines ('-' for standard input).", valueName: "path"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("Output JSON Lines ('-' for standard output).", valueName: "path"))
    var output: String

    @Option(name: .short, help: "Candidates per line (1–50).")
    var k: Int = 5

    @Flag(name: .long, help: "Refuse the whole file if any line is invalid.")
    var strict = false

    func validate() throws {
        guard (1...Classifier.maximumK).contains(k) else { throw ValidationError("-k must be between 1 and \(Classifier.maximumK), got \(k)") }
    }

    func run() async throws {
        let lines = try JSONLines.read(input)
        let classifier = try ClassifyWiring.model(model)
        var records: [[String: Any]] = []
        var invalid: [String] = []
        for line in lines {
            var id: Any?
            let result: Result<[Prediction], ClassificationError>
            switch line.object {
            case .failure(let error):
                result = .failure(error)
            case .success(let object):
                id = object["id"]
                if id == nil || !(id is String || id is NSNumber) {
                    result = .failure(.invalidLine(number: line.number, reason: "'id' must be a string or a number"))
                } else {
                    switch JSONLines.product(object, line: line.number) {
                    case .failure(let error): result = .failure(error)
                    case .success(let product):
                        do { result = .success(try classifier.predict(product.text, k: k)) } catch {
                            result = .failure(.invalidLine(number: line.number, reason: error.description))
                        }
                    }
                }
            }
            switch result {
            case .success(let predictions):
                var record: [String: Any] = ["id": id ?? NSNull(),
                                             "predictions": predictions.map { ["hs6": $0.hs6, "score": $0.score] as [String: Any] }]
                if case .success(let object) = line.object, let text = object["text"] as? String, text.count > Classifier.maximumTextLength {
                    record["warnings"] = ["the text has \(text.count) characters; only the first \(Classifier.maximumTextLength) were read"]
                }
                records.append(record)
            case .failure(let error):
                invalid.append(error.description)
                var record: [String: Any] = ["line": line.number, "error": error.description]
                if let id { record["id"] = id }
                records.append(record)
            }
        }
        if strict, !invalid.isEmpty {
            throw CLIError("\(invalid.count) invalid line(s), nothing written (--strict):\n" + invalid.joined(separator: "\n"))
        }
        var text = ""
        for record in records {
            let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys, .withoutEscapingSlashes])
            text += String(decoding: data, as: UTF8.self) + "\n"
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(text.utf8))
        } else {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
                throw CLIError("cannot write \(output): \(error.localizedDescription)")
            }
        }
        let log = StandardError()
        for message in invalid { log.line("invalid: \(message)") }
        log.line("classified \(records.count - invalid.count) of \(records.count) lines" + (output == "-" ? "" : " into \(output)"))
        if !invalid.isEmpty { throw ExitCode(3) }
    }
}
