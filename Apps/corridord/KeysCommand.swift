import ArgumentParser
import CorridorModel
import CorridorServer
import CorridorStore
import Foundation

/// `corridord keys create|list|revoke`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Issue, list and revoke API keys.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an API key. The key is printed once and only its SHA-256 is stored.")

        @OptionGroup var options: ConfigOptions
        @Option(help: "The enterprise the key belongs to (see `corridord enterprises create`).") var enterprise: String
        @Option(help: "zone-admin, enterprise or auditor.") var role: String
        @Option(help: "A note on what the key is for.") var label: String = ""

        func run() async throws {
            let owner: EnterpriseID, keyRole: Role
            do {
                owner = try EnterpriseID(enterprise)
                keyRole = try Role(parsing: role)
            } catch {
                throw ValidationError(error.description)
            }
            let issued = APIKeys.issue(enterprise: owner, role: keyRole, label: label, at: Date())
            let store = TenantStore(database: try options.openDatabase())
            do {
                try await store.storeKey(issued.record)
            } catch {
                throw AdminError("\(error)")
            }
            print(issued.key)
            FileHandle.standardError.write(Data("issued key \(issued.record.id) for \(owner) with role \(keyRole); store it now, it is not shown again\n".utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an enterprise's keys (never their secrets).")
        @OptionGroup var options: ConfigOptions
        @Option(help: "The enterprise.") var enterprise: String

        func run() async throws {
            let store = TenantStore(database: try options.openDatabase())
            do {
                let keys = try await store.keys(of: try EnterpriseID(enterprise))
                for k in keys {
                    print("\(k.id)\t\(k.role)\t\(k.isActive ? "active" : "revoked")\t\(k.createdAt.formatted(.iso8601))\t\(k.label)")
                }
            } catch let error as ValidationError {
                throw error
            } catch {
                throw AdminError("\(error)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key.")
        @OptionGroup var options: ConfigOptions
        @Argument(help: "The key's identifier (k…), as `keys list` shows it.") var id: String
        @Option(help: "The enterprise the key belongs to.") var enterprise: String

        func run() async throws {
            let store = TenantStore(database: try options.openDatabase())
            do {
                try await store.revokeKey(id: id, of: try EnterpriseID(enterprise), at: Date())
            } catch {
                throw AdminError("\(error)")
            }
            print("revoked \(id)")
        }
    }
}
