import ArgumentParser
import CorridorClassification
import CorridorCommandLine
import Foundation

/// `corridor-classify evaluate`: accuracy and calibration on labelled JSON Lines.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Top-1 and top-5 accuracy at 2, 4 and 6 digits and the expected calibration error on {\"id\",\"text\",\"hs6\"} lines.")

    @Option(name: .long, help: ArgumentHelp("The model file written by `train`.", valueName: "path"))
    var model: String

    @Option(name: .long, help: ArgumentHelp("Labelled JSON Lines ('-' for standard input).", valueName: "path"))
    var input: String

    @Option(name: .long, help: "table or json.")
    var format: OutputFormat = .table

    @Flag(name: .long, help: "Refuse the whole file if any line is invalid.")
    var strict = false

    func run() async throws {
        let lines = try JSONLines.read(input)
        let classifier = try ClassifyWiring.model(model)
        var items: [(text: String, hs6: String)] = []
        var invalid: [String] = []
        for line in lines {
            switch line.object {
            case .failure(let error): invalid.append(error.description)
            case .success(let object):
                switch (JSONLines.string(object, "text", line: line.number), JSONLines.string(object, "hs6", line: line.number)) {
                case (.failure(let error), _), (_, .failure(let error)):
                    invalid.append(error.description)
                case (.success(let text), .success(let code)):
                    let digits = code.filter(\.isNumber)
                    guard digits.count >= 6, digits.count == code.filter({ $0 != "." }).count else {
                        invalid.append(ClassificationError.invalidLine(number: line.number, reason: "'hs6' must hold at least six digits, got '\(code)'").description)
                        continue
                    }
                    guard !text.allSatisfy(\.isWhitespace) else {
                        invalid.append(ClassificationError.invalidLine(number: line.number, reason: "'text' is empty").description)
                        continue
                    }
                    items.append((text, String(digits.prefix(6))))
                }
            }
        }
        if strict, !invalid.isEmpty { throw CLIError("\(invalid.count) invalid line(s) (--strict):\n" + invalid.joined(separator: "\n")) }
        for message in invalid { StandardError().line("skipped: \(message)") }
        guard !items.isEmpty else { throw CLIError("\(input) has no valid labelled line to evaluate") }
        let clock = ContinuousClock()
        let start = clock.now
        let report = classifier.evaluate(items)
        let elapsed = clock.now - start
        switch format {
        case .json: try printJSON(report)
        case .table: print(ClassifyWiring.describe(report))
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        StandardError().line(String(format: "scored %d texts in %.2f s (%.0f a second, one thread)", items.count, seconds, Double(items.count) / max(seconds, 1e-9)))
    }
}
