import ArgumentParser
import CorridorClassification
import CorridorCommandLine
import Foundation

/// `corridor-classify corpus`: exports the corpus (fastText text and JSON Lines) so that peers train on the same data.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Build the training corpus and write train/dev splits (fastText format and JSON Lines) with its statistics.")

    @OptionGroup var source: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("Directory to write train.txt, dev.txt, train.jsonl, dev.jsonl and stats.json.", valueName: "dir"))
    var out: String

    func run() async throws {
        let corpus = try await source.build()
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        do {
            try corpus.export(to: directory)
            try Data(JSONOutput.string(corpus.statistics).utf8).write(to: directory.appendingPathComponent("stats.json"), options: .atomic)
        } catch let error as ClassificationError {
            throw CLIError(error.description)
        }
        print(ClassifyWiring.describe(corpus.statistics))
        print("wrote \(directory.path)/{train,dev}.{txt,jsonl} and stats.json")
    }
}
