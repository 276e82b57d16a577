public import CorridorAlerts
import Foundation
import Yams

/// The daemon's settings. Each has a default; a YAML file overrides the defaults and
/// environment variables override the file.
///
/// ```yaml
/// host: 0.0.0.0
/// port: 8080
/// database: /var/lib/corridor/corridor.sqlite
/// data: /srv/corridor/data
/// logLevel: info
/// timeZone: Asia/Shanghai
/// ```
public struct ServerConfiguration: Codable, Sendable, Equatable {
    /// The address to listen on. Default `127.0.0.1`; env `CORRIDOR_HOST`.
    public var host: String = "127.0.0.1"
    /// The TCP port. Default `8080`; env `CORRIDOR_PORT`.
    public var port: Int = 8080
    /// The SQLite database file. Default `./corridor.sqlite`; env `CORRIDOR_DATABASE`.
    public var database: String = "corridor.sqlite"
    /// The reference-data directory (layout of `../shared/data`). Default `../shared/data`; env `CORRIDOR_DATA`.
    public var data: String = "../shared/data"
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`. Default `info`; env `CORRIDOR_LOG_LEVEL`.
    public var logLevel: String = "info"
    /// The IANA time zone whose calendar day is the default `as_of` (a pilot zone in China wants
    /// `Asia/Shanghai`, so that 1 January starts at local midnight). Default `UTC`; env `CORRIDOR_TIME_ZONE`.
    public var timeZone: String = "UTC"
    /// The evidence log's signing key file, created (mode 0600) on first start. Default
    /// `corridor-ledger.key`; env `CORRIDOR_LEDGER_KEY`.
    public var ledgerKey: String = "corridor-ledger.key"
    /// The evidence log's origin (the name in its checkpoints), used when the key is created.
    /// Default `corridor.local/evidence`; env `CORRIDOR_LEDGER_ORIGIN`.
    public var ledgerOrigin: String = "corridor.local/evidence"
    /// A scorecard written by `corridor-risk credit train`, served by `POST /v1/risk/credit/score`.
    /// Unset by default (the route then answers 503); env `CORRIDOR_SCORECARD`.
    public var scorecard: String?
    /// The alerts pipeline's settings (YAML: group_by, group_wait, group_interval, repeat_interval,
    /// reminder_days, inhibit_rules, retry; see Docs/ALERTS.md). Unset: the defaults; env `CORRIDOR_ALERTS_CONFIG`.
    public var alertsConfig: String?
    /// Whether the daemon runs the alert delivery loop (grouping, reminders, webhooks). Default
    /// `true`; env `CORRIDOR_ALERTS_DELIVERY` (`false` when `corridor-alerts run` delivers instead).
    public var alertsDelivery: Bool = true
    /// A directory of rule packs (*.yaml) for `/v1/quotes`, instead of the shipped ones. A pack whose
    /// golden cases fail is left out and logged; env `CORRIDOR_RULE_PACKS`.
    public var rulePacks: String?
    /// A product-specific rules table (YAML) for `POST /v1/origin/determinations`; env `CORRIDOR_ORIGIN_RULES`.
    /// Unset by default (the route then answers 503).
    public var originRules: String?
    /// The classifier model file (`corridor-classify train --out`) for `/v1/classify`; reloaded when the
    /// file changes (checked every 2 s). Unset by default (the routes then answer 503); env `CORRIDOR_CLASSIFIER_MODEL`.
    public var classifierModel: String?

    /// The defaults.
    public init() {}

    private enum CodingKeys: String, CodingKey, CaseIterable { case host, port, database, data, logLevel, timeZone, ledgerKey, ledgerOrigin, scorecard, alertsConfig, alertsDelivery, rulePacks, originRules, classifierModel }

    public init(from decoder: any Decoder) throws {
        let defaults = ServerConfiguration()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        host = try c.decodeIfPresent(String.self, forKey: .host) ?? defaults.host
        port = try c.decodeIfPresent(Int.self, forKey: .port) ?? defaults.port
        database = try c.decodeIfPresent(String.self, forKey: .database) ?? defaults.database
        data = try c.decodeIfPresent(String.self, forKey: .data) ?? defaults.data
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? defaults.logLevel
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        ledgerKey = try c.decodeIfPresent(String.self, forKey: .ledgerKey) ?? defaults.ledgerKey
        ledgerOrigin = try c.decodeIfPresent(String.self, forKey: .ledgerOrigin) ?? defaults.ledgerOrigin
        scorecard = try c.decodeIfPresent(String.self, forKey: .scorecard)
        alertsConfig = try c.decodeIfPresent(String.self, forKey: .alertsConfig)
        alertsDelivery = try c.decodeIfPresent(Bool.self, forKey: .alertsDelivery) ?? defaults.alertsDelivery
        rulePacks = try c.decodeIfPresent(String.self, forKey: .rulePacks)
        originRules = try c.decodeIfPresent(String.self, forKey: .originRules)
        classifierModel = try c.decodeIfPresent(String.self, forKey: .classifierModel)
    }

    /// Loads the configuration: defaults, then the YAML `file` if given, then `environment`.
    public static func load(file: String?, environment: [String: String]) throws(ConfigurationError) -> ServerConfiguration {
        var config = ServerConfiguration()
        if let file {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw .unreadableFile(file) }
            let known = Set(CodingKeys.allCases.map(\.rawValue))
            do {
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    // A misspelt setting would otherwise be ignored in silence.
                    if let keys = (try Yams.load(yaml: text) as? [String: Any])?.keys, let unknown = keys.first(where: { !known.contains($0) }) {
                        throw ConfigurationError.invalidFile(
                            file, reason: "unknown setting '\(unknown)'; the settings are \(CodingKeys.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    config = try YAMLDecoder().decode(ServerConfiguration.self, from: text)
                }
            } catch let error as ConfigurationError {
                throw error
            } catch {
                throw .invalidFile(file, reason: "\(error)")
            }
        }
        if let v = environment["CORRIDOR_HOST"] { config.host = v }
        if let v = environment["CORRIDOR_PORT"] {
            guard let port = Int(v) else { throw .invalidValue(name: "CORRIDOR_PORT", value: v, reason: "not a whole number") }
            config.port = port
        }
        if let v = environment["CORRIDOR_DATABASE"] { config.database = v }
        if let v = environment["CORRIDOR_DATA"] { config.data = v }
        if let v = environment["CORRIDOR_LOG_LEVEL"] { config.logLevel = v }
        if let v = environment["CORRIDOR_TIME_ZONE"] { config.timeZone = v }
        if let v = environment["CORRIDOR_LEDGER_KEY"] { config.ledgerKey = v }
        if let v = environment["CORRIDOR_LEDGER_ORIGIN"] { config.ledgerOrigin = v }
        if let v = environment["CORRIDOR_SCORECARD"] { config.scorecard = v.isEmpty ? nil : v }
        if let v = environment["CORRIDOR_ALERTS_CONFIG"] { config.alertsConfig = v.isEmpty ? nil : v }
        if let v = environment["CORRIDOR_RULE_PACKS"] { config.rulePacks = v.isEmpty ? nil : v }
        if let v = environment["CORRIDOR_ORIGIN_RULES"] { config.originRules = v.isEmpty ? nil : v }
        if let v = environment["CORRIDOR_CLASSIFIER_MODEL"] { config.classifierModel = v.isEmpty ? nil : v }
        if let v = environment["CORRIDOR_ALERTS_DELIVERY"] {
            guard let flag = Bool(v.lowercased()) else { throw .invalidValue(name: "CORRIDOR_ALERTS_DELIVERY", value: v, reason: "use true or false") }
            config.alertsDelivery = flag
        }
        try config.validate()
        return config
    }

    /// Checks ranges and names.
    public func validate() throws(ConfigurationError) {
        guard (0...65535).contains(port) else { throw .invalidValue(name: "port", value: "\(port)", reason: "must be 0–65535") }
        guard !host.isEmpty else { throw .invalidValue(name: "host", value: host, reason: "must not be empty") }
        guard !database.isEmpty else { throw .invalidValue(name: "database", value: database, reason: "must not be empty") }
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw .invalidValue(name: "logLevel", value: logLevel, reason: "use trace, debug, info, notice, warning, error or critical")
        }
        guard TimeZone(identifier: timeZone) != nil else {
            throw .invalidValue(name: "timeZone", value: timeZone, reason: "not an IANA time zone such as UTC or Asia/Shanghai")
        }
    }

    /// The alerts pipeline settings: the defaults, or the file `alertsConfig` names.
    public func alertPipeline() throws(ConfigurationError) -> PipelineConfiguration {
        guard let alertsConfig else { return PipelineConfiguration() }
        guard let text = try? String(contentsOfFile: alertsConfig, encoding: .utf8) else { throw .unreadableFile(alertsConfig) }
        let configuration: PipelineConfiguration
        do {
            configuration = try YAMLDecoder().decode(PipelineConfiguration.self, from: text)
        } catch {
            throw .invalidFile(alertsConfig, reason: "\(error)")
        }
        do {
            try configuration.validate()
        } catch {
            throw .invalidFile(alertsConfig, reason: error.description)
        }
        return configuration
    }
}
