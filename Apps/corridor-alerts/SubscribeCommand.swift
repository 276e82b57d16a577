import ArgumentParser
import CorridorCommandLine
import CorridorModel
import CorridorStore
import Foundation

/// `corridor-alerts subscribe`
struct SubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Create or replace a subscription: HS prefixes × markets × measure types × minimum severity, plus keywords.",
        discussion: """
            Example: corridor-alerts subscribe --enterprise shenzhen-audio --id phones --hs 8517 --market US --market EU \\
                       --measure tbt --min-severity medium --webhook https://hooks.example.com/corridor --secret-file hook.secret
            Notifications are signed with the secret (X-Corridor-Signature, HMAC-SHA-256); it is read from a file, never the command line.
            """
    )

    @Option(help: "The enterprise.") var enterprise: String
    @Option(help: "The subscription id (letters, digits, '-', '_', '.').") var id: String
    @Option(help: "An HS prefix of 2 to 10 digits (repeatable).") var hs: [String] = []
    @Option(help: "A market, ISO alpha-2 or EU (repeatable).") var market: [String] = []
    @Option(help: "A measure type (repeatable): \(MeasureType.allCases.map(\.rawValue).joined(separator: ", ")).") var measure: [String] = []
    @Option(help: "low | medium | high | critical.") var minSeverity: String = "low"
    @Option(help: "A word or phrase that alerts when it appears in an event's title or summary (repeatable).") var keyword: [String] = []
    @Option(help: "The http(s) URL notifications are posted to.") var webhook: String?
    @Option(help: "A file holding the signing secret for the webhook.") var secretFile: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let subscription = Subscription(id: id, hs: hs, markets: market.map { $0.uppercased() }, measures: measure, minSeverity: minSeverity,
                                        keywords: keyword, webhook: webhook)
        do { try Portfolio(enterprise: enterprise, skus: [], subscriptions: [subscription]).validate() } catch { throw CLIError(error.description) }
        var secret: String?
        if let secretFile {
            do {
                secret = try String(contentsOfFile: secretFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw CLIError("cannot read \(secretFile): \(error.localizedDescription)")
            }
            guard let s = secret, s.utf8.count >= 16 else { throw CLIError("\(secretFile): a signing secret needs at least 16 bytes") }
        }
        let store = SQLiteAlertStore(database: try database.open(mustExist: false))
        let existing = try await store.portfolio(of: enterprise).subscriptions.first { $0.id == id }
        if webhook != nil, secret == nil, existing?.webhook != webhook {
            throw CLIError("a new webhook URL needs --secret-file: the file holding the secret its notifications are signed with")
        }
        try await store.saveSubscription(subscription, of: enterprise, webhookSecret: secret)
        print("\(existing == nil ? "created" : "replaced") \(enterprise)/\(id)")
    }
}

/// `corridor-alerts unsubscribe`
struct UnsubscribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unsubscribe", abstract: "Delete a subscription (its alerts stay listed).")

    @Option(help: "The enterprise.") var enterprise: String
    @Option(help: "The subscription id.") var id: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard try await SQLiteAlertStore(database: try database.open(mustExist: true)).deleteSubscription(id: id, of: enterprise) else {
            throw CLIError("\(enterprise) has no subscription \(id)")
        }
        print("deleted \(enterprise)/\(id)")
    }
}
