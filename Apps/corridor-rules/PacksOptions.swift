import ArgumentParser
import CorridorCommandLine
import CorridorRules
import Foundation

/// `--packs DIR`: a directory of rule packs instead of the shipped ones.
struct PacksOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Directory of rule packs (*.yaml) to use instead of the shipped ones.", valueName: "dir"))
    var packs: String?

    /// The packs whose golden cases pass; the others are named on standard error and returned as refused.
    func load() throws -> (packs: RulePackSet, refused: [RefusedPack]) {
        do {
            let loaded = try RulePackSet.loadPassing(directory: packs.map { URL(fileURLWithPath: $0, isDirectory: true) })
            for pack in loaded.refused {
                FileHandle.standardError.write(Data("warning: pack \(pack.id) is refused (a golden case fails): \(pack.reason)\n".utf8))
            }
            return loaded
        } catch {
            throw CLIError(error.description)
        }
    }
}
