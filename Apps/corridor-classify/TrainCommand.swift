import ArgumentParser
import CorridorClassification
import CorridorCommandLine
import Foundation

/// `corridor-classify train`: builds the corpus, trains, calibrates on the development split, writes the model.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a classifier on the imported nomenclatures and HMRC references; print the development-split accuracy.")

    @OptionGroup var source: CorpusOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the model file.", valueName: "path"))
    var out: String

    @Option(name: .long, help: "Passes over the training split.")
    var epochs: Int = Hyperparameters().epochs

    @Option(name: .customLong("dim"), help: "Embedding dimension.")
    var dimension: Int = Hyperparameters().dimension

    @Option(name: .customLong("lr"), help: "Starting learning rate (decays linearly to zero).")
    var learningRate: Double = Hyperparameters().learningRate

    @Option(name: .long, help: "Passes of the sibling discriminator (the sparse word model that separates a heading's subheadings).")
    var siblingEpochs: Int = Hyperparameters().siblingEpochs

    @Option(name: .customLong("sibling-lr"), help: "The sibling discriminator's starting learning rate.")
    var siblingLearningRate: Double = Hyperparameters().siblingLearningRate

    @Option(name: .long, help: "Hash buckets for word and character n-gram features.")
    var buckets: Int = Hyperparameters().buckets

    @Option(name: .long, help: "Times each trader's term (HMRC search reference, ruling) is seen per epoch.")
    var productTermRepeats: Int = Hyperparameters().productTermRepeats

    @Option(name: .long, help: "Training threads; 1 is reproducible bit for bit, 2 is about twice as fast on two cores.")
    var threads: Int = Hyperparameters().threads

    @Option(name: .long, help: "Seed of initialisation and shuffling.")
    var seed: UInt64 = Hyperparameters().seed

    @Flag(name: .long, help: "Print no progress.")
    var quiet = false

    func run() async throws {
        var parameters = Hyperparameters()
        parameters.epochs = epochs
        parameters.dimension = dimension
        parameters.learningRate = learningRate
        parameters.siblingEpochs = siblingEpochs
        parameters.siblingLearningRate = siblingLearningRate
        parameters.buckets = buckets
        parameters.productTermRepeats = productTermRepeats
        parameters.seed = seed
        parameters.threads = threads
        do { try parameters.validate() } catch { throw ValidationError(error.description) }
        let corpus = try await source.build()
        let log = StandardError()
        if !quiet { log.line(ClassifyWiring.describe(corpus.statistics)) }
        let terminal = isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (TrainingProgress) -> Void)? = quiet ? nil : Self.reporter(terminal: terminal, log: log)
        let started = Date()
        let classifier: Classifier
        do {
            classifier = try Classifier.train(corpus: corpus, hyperparameters: parameters, progress: progress)
        } catch {
            throw CLIError(error.description)
        }
        do {
            try ModelFile.write(classifier, to: URL(fileURLWithPath: out))
        } catch {
            throw CLIError(error.description)
        }
        let seconds = Date().timeIntervalSince(started)
        print("trained in \(String(format: "%.1f", seconds)) s; wrote \(out)")
        print("calibration: retrieval weight \(classifier.calibration.retrievalWeight), nearest-example weight \(classifier.calibration.exampleWeight), sibling weight \(classifier.calibration.siblingWeight), temperature \(String(format: "%.3f", classifier.calibration.temperature))")
        if let development = classifier.development {
            print("development split:")
            print(ClassifyWiring.describe(development))
        }
    }
}

extension TrainCommand {
    /// Progress on standard error: one updating line on a terminal, one line per epoch otherwise.
    static func reporter(terminal: Bool, log: StandardError) -> @Sendable (TrainingProgress) -> Void {
        { (report: TrainingProgress) in
            let text = String(format: "epoch %d/%d  %5.1f%%  loss %.4f  %.0f items/s", report.epoch, report.epochs,
                              report.fraction * 100, report.loss, report.examplesPerSecond)
            if terminal {
                log.write("\r" + text + (report.fraction >= 1 ? "\n" : ""))
            } else if report.fraction >= Double(report.epoch) / Double(report.epochs) - 1e-9 {
                log.line(text)
            }
        }
    }
}

/// Writes progress to standard error.
struct StandardError: Sendable {
    func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    func line(_ text: String) { write(text + "\n") }
}
