import ArgumentParser
import CorridorClassification
import CorridorCommandLine

/// Where the corpus comes from (`--data`, `--database`) and which chapters it keeps; shared by `train` and `corpus`.
struct CorpusOptions: ParsableArguments {
    @OptionGroup var data: DataOptions
    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Only these HS chapters (two digits each), e.g. --chapters 61 62 64.", valueName: "chapter"))
    var chapters: [String] = []

    /// The corpus, built from the reference database and the data directory.
    func build() async throws -> TrainingCorpus {
        try await ClassifyWiring.corpus(data: data.directory, database: database, chapters: chapters)
    }
}
