import ArgumentParser

/// `corridor-classify`: HS classification of product text.
@main
struct CorridorClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corridor-classify",
        abstract: "HS classification of product text (English or Chinese): train a model on the real nomenclatures, then predict, batch and evaluate.",
        subcommands: [TrainCommand.self, PredictCommand.self, BatchCommand.self, EvaluateCommand.self, CorpusCommand.self]
    )
}
