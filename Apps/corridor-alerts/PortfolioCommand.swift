import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts portfolio import|show`
struct PortfolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio",
        abstract: "Store enterprises' SKUs and subscriptions, or show them.",
        subcommands: [Import.self, Show.self]
    )

    /// A portfolio as a file gives it: subscriptions may carry their webhook secret.
    struct FilePortfolio: Decodable {
        struct Secret: Decodable {
            let id: String
            let webhookSecret: String?
            enum CodingKeys: String, CodingKey { case id, webhookSecret = "webhook_secret" }
        }
        let portfolio: Portfolio
        let secrets: [Secret]

        init(from decoder: any Decoder) throws {
            portfolio = try Portfolio(from: decoder)
            let c = try decoder.container(keyedBy: CodingKeys.self)
            secrets = try c.decodeIfPresent([Secret].self, forKey: .subscriptions) ?? []
        }
        enum CodingKeys: String, CodingKey { case subscriptions }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the SKUs of each enterprise in a portfolio file and save its subscriptions.",
            discussion: """
                The file is a JSON array of {"enterprise","skus":[{"id","hs6","markets"}],"subscriptions":[{"id","hs","markets","measures",
                "min_severity","keywords","webhook","webhook_secret"}]}. Every portfolio is checked before anything is stored.
                """
        )
        @Option(help: "The portfolio file.") var file: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let list: [FilePortfolio]
            do {
                list = try JSONDecoder().decode([FilePortfolio].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw CLIError("\(file): not a portfolio list (\(error))")
            }
            let store = SQLiteAlertStore(database: try database.open(mustExist: false))
            for p in list {
                do { try p.portfolio.validate() } catch { throw CLIError("\(file): \(error.description)") }
                let existing = try await store.portfolio(of: p.portfolio.enterprise).subscriptions
                for s in p.portfolio.subscriptions where s.webhook != nil && p.secrets.first(where: { $0.id == s.id })?.webhookSecret == nil
                    && !existing.contains(where: { $0.id == s.id && $0.webhook == s.webhook }) {
                    throw CLIError("\(file): \(p.portfolio.enterprise)/\(s.id) has a webhook but no webhook_secret to sign it with")
                }
            }
            for p in list {
                let secrets = Dictionary(p.secrets.compactMap { s in s.webhookSecret.map { (s.id, $0) } }, uniquingKeysWith: { a, _ in a })
                try await store.importPortfolio(p.portfolio, webhookSecrets: secrets)
                print("\(p.portfolio.enterprise): \(p.portfolio.skus.count) SKU(s), \(p.portfolio.subscriptions.count) subscription(s)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an enterprise's SKUs and subscriptions as JSON (never the webhook secrets).")
        @Option(help: "The enterprise.") var enterprise: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try printJSON(try await SQLiteAlertStore(database: try database.open(mustExist: true)).portfolio(of: enterprise))
        }
    }
}
