import ArgumentParser
import CorridorModel
import CorridorStore

/// `corridord enterprises create|list`.
struct EnterprisesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enterprises", abstract: "Register and list enterprises (tenants).",
        subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register an enterprise.")

        @OptionGroup var options: ConfigOptions
        @Option(help: "Identifier: 2–64 of a–z, 0–9 and '-'.") var id: String
        @Option(help: "Registered name.") var name: String
        @Option(help: "leading, platform, sme or micro.") var tier: String
        @Option(help: "Country of registration (ISO 3166-1).") var country: String

        func run() async throws {
            let enterprise: Enterprise
            do {
                enterprise = try Enterprise(id: EnterpriseID(id), name: name, tier: EnterpriseTier(parsing: tier), country: CountryCode(country))
            } catch {
                throw ValidationError(error.description)
            }
            let store = TenantStore(database: try options.openDatabase())
            do {
                try await store.createEnterprise(enterprise)
            } catch {
                throw AdminError("\(error)")
            }
            print("registered \(enterprise.id): \(enterprise.name) (\(enterprise.tier), \(enterprise.country.alpha2))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List enterprises.")
        @OptionGroup var options: ConfigOptions

        func run() async throws {
            let all: [Enterprise]
            let store = TenantStore(database: try options.openDatabase())
            do {
                all = try await store.enterprises()
            } catch {
                throw AdminError("\(error)")
            }
            for e in all { print("\(e.id)\t\(e.tier)\t\(e.country.alpha2)\t\(e.name)") }
        }
    }
}

/// A failure reported as `Error: message` with exit code 1.
struct AdminError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
