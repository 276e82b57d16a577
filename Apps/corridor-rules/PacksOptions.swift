import ArgumentParser
import CorridorCommandLine
import CorridorRules
import Foundation

/// `--packs DIR`: a directory of rule packs instead of the shipped ones.
struct PacksOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Directory of rule packs (*.yaml) to use instead of the shipped ones.", valueName: "dir"))
    var packs: String?

    /// The packs, checked, with failing golden cases refused.
    func load() throws -> RulePackSet {
        do {
            return try RulePackSet.checked(directory: packs.map { URL(fileURLWithPath: $0, isDirectory: true) })
        } catch {
            throw CLIError(error.description)
        }
    }
}
