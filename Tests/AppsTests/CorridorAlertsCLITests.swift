import CorridorTestSupport
import Foundation
import Testing

/// `corridor-alerts` end to end on the fixtures.
@Suite("corridor-alerts CLI")
struct CorridorAlertsCLITests {
    func run(_ arguments: [String]) throws -> CommandRunner.Result {
        try CommandRunner.run("corridor-alerts", arguments)
    }

    @Test("ingest reports events and rejected records; match shows alerts with SKUs and reasons")
    func ingestAndMatch() throws {
        let ingest = try run(["ingest", "--source", "csv", "--file", TestData.fixture("alerts/events.csv").path, "--format", "json"])
        #expect(ingest.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])
        #expect((report["events"] as? [Any])?.count == 2)
        #expect((report["rejected"] as? [[String: Any]])?.map { $0["recordID"] as? String } == ["ZONE-2026-003", "ZONE-2026-004"])
        let match = try run(["match", "--source", "eurlex", "--event-file", TestData.fixture("alerts/eurlex-feed.rss").path,
                             "--portfolios", TestData.fixture("alerts/portfolios.json").path, "--format", "json"])
        #expect(match.status == 0, "\(match.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as? [String: Any])
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        #expect(Set(alerts.compactMap { $0["enterprise"] as? String }) == ["shenzhen-audio", "yiwu-toys"])
        // GTA products are HS 2012: without correlation tables they match nothing, and the output says so.
        let empty = try CommandRunner.temporaryDirectory().appendingPathComponent("empty.sqlite").path
        let gta = try run(["match", "--source", "gta", "--event-file", TestData.fixture("alerts/gta-interventions.json").path,
                           "--portfolios", TestData.fixture("alerts/portfolios.json").path, "--database", empty, "--format", "json"])
        #expect(gta.status == 0, "\(gta.stderr)")
        let warnings = try #require(try JSONSerialization.jsonObject(with: Data(gta.stdout.utf8)) as? [String: Any])["warnings"] as? [String]
        #expect(warnings?.count == 2)
        #expect(warnings?.first?.hasPrefix("gta:990001:") == true)
        let bad = try run(["match", "--event-file", TestData.fixture("alerts/events.csv").path, "--source", "federal-register",
                           "--portfolios", TestData.fixture("alerts/portfolios.json").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("federal-register: not JSON"))
    }
}

/// The stored pipeline end to end: portfolio import, ingest, `run` against a real receiver,
/// inhibition, silences, dead letters, and a process killed mid-delivery.
@Suite("corridor-alerts stored pipeline", .serialized)
struct CorridorAlertsPipelineCLITests {
    struct Setup {
        let directory: URL
        var database: String { directory.appendingPathComponent("alerts.sqlite").path }
        var config: String { directory.appendingPathComponent("pipeline.yaml").path }

        func run(_ arguments: [String]) async throws -> CommandRunner.Result {
            try await CommandRunner.runAsync("corridor-alerts", arguments + ["--database", database])
        }
    }

    /// A database whose enterprise `wheels-co` sells wheels (HS 870870) in the US and subscribes to them with a webhook at `url`.
    static func setup(webhook url: String) async throws -> Setup {
        let directory = try CommandRunner.temporaryDirectory()
        let setup = Setup(directory: directory)
        // A generous attempt timeout: these tests check delivery semantics, not deadlines (the delivery
        // tests in CorridorAlertsTests time those), and on two loaded cores the in-process receiver can
        // answer seconds late while other suites fit models.
        try """
            group_wait: 0s
            group_interval: 1s
            retry: {initial_backoff: 0.2s, attempt_timeout: 10s, max_attempts: 5}
            """.write(toFile: setup.config, atomically: true, encoding: .utf8)
        let portfolio = """
            [{"enterprise": "wheels-co", "skus": [{"id": "WHEEL-1", "hs6": "870870", "markets": ["US"]}],
              "subscriptions": [{"id": "us-wheels", "hs": ["8708"], "markets": ["US"], "webhook": "\(url)", "webhook_secret": "whsec-0123456789abcdef"}]}]
            """
        let file = directory.appendingPathComponent("portfolio.json")
        try portfolio.write(to: file, atomically: true, encoding: .utf8)
        let imported = try await setup.run(["portfolio", "import", "--file", file.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        return setup
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("ingest → run delivers; the final rule inhibits its proposal; a page twice adds nothing; silences and dead letters")
    func endToEnd() async throws {
        let receiver = WebhookReceiver { _ in (200, 0) }
        try await receiver.serve { url in
            let s = try await Self.setup(webhook: url)
            let first = try await s.run(["ingest", "--source", "federal-register", "--file", TestData.fixture("alerts/federal-register-documents.json").path,
                                   "--format", "json"])
            #expect(first.status == 0, "\(first.stderr)")
            let alerts = try #require(try Self.object(first.stdout)["alerts"] as? [[String: Any]])
            #expect(alerts.compactMap { $0["eventID"] as? String } == ["federal-register:2026-22222"])
            let again = try await s.run(["ingest", "--source", "federal-register", "--file", TestData.fixture("alerts/federal-register-documents.json").path])
            #expect(again.stdout.contains("0 new, 0 updated, 2 unchanged event(s); 0 alert(s); 1 rejected"))
            let run = try await s.run(["run", "--drain", "--config", s.config, "--poll", "0.1"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("enqueued 1"))

            // The final rule shares the proposal's RIN: only it is notified; the proposal is inhibited.
            _ = try await s.run(["ingest", "--source", "federal-register", "--file", TestData.fixture("alerts/federal-register-final.json").path])
            // Same group (measure trade-remedy): the new alert waits for group_interval (1 s) after the first notification.
            try await Task.sleep(for: .milliseconds(1100))
            let second = try await s.run(["run", "--once", "--config", s.config, "--format", "json"])
            #expect(second.status == 0, "\(second.stderr)")
            #expect(second.stdout.contains("\"enqueued\":1"), "\(second.stdout)")
            let tick = try Self.object(second.stdout.split(separator: "\n").last.map(String.init) ?? "")
            #expect((tick["muted"] as? [[String: Any]])?.compactMap { $0["reason"] as? String }.first?.hasPrefix("inhibited by alert") == true)

            // Silences: add, list, expire; a matcher on an unknown label is refused.
            let added = try await s.run(["silences", "add", "--enterprise", "wheels-co", "--matcher", "measure=trade-remedy", "--duration", "2h", "--comment", "known"])
            #expect(added.status == 0, "\(added.stderr)")
            let id = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try await s.run(["silences", "list"]).stdout.contains("\(id)\tactive\twheels-co\tmeasure=\"trade-remedy\""))
            #expect(try await s.run(["silences", "expire", id, "--enterprise", "other-co"]).status == 1)
            #expect(try await s.run(["silences", "expire", id]).status == 0)
            let refused = try await s.run(["silences", "add", "--matcher", "colour=red"])
            #expect(refused.status == 1 && refused.stderr.contains("'colour' is not an alert label"))
            let dead = try await s.run(["deadletters", "list", "--format", "json"])
            #expect((try JSONSerialization.jsonObject(with: Data(dead.stdout.utf8)) as? [Any])?.isEmpty == true, "\(dead.stdout)")
            #expect(try await s.run(["list", "--enterprise", "wheels-co"]).stdout.contains("2 alert(s)"))
        }
        // One payload per idempotency key: under load an attempt may time out and be sent again, under the same key.
        var seen = Set<String>()
        let payloads = try await receiver.requests.filter { seen.insert($0.headers["idempotency-key"] ?? "").inserted }
            .map { try Self.object(String(decoding: $0.body, as: UTF8.self)) }
        #expect(await receiver.processed.count == 2)
        #expect(payloads.count == 2)
        #expect(payloads.map { ($0["alerts"] as? [[String: Any]])?.compactMap { $0["event"] as? String } ?? [] }
                == [["federal-register:2026-22222"], ["federal-register:2026-44444"]])
    }

    @Test("a webhook without a secret, a bad HS prefix and a bad configuration are refused")
    func refusals() async throws {
        let s = try await Self.setup(webhook: "http://127.0.0.1:9/hook")
        let noSecret = try await s.run(["subscribe", "--enterprise", "e1", "--id", "x", "--hs", "85", "--webhook", "https://example.com/h"])
        #expect(noSecret.status == 1 && noSecret.stderr.contains("--secret-file"))
        let badPrefix = try await s.run(["subscribe", "--enterprise", "e1", "--id", "x", "--hs", "851"])
        #expect(badPrefix.status == 1 && badPrefix.stderr.contains("HS prefix '851'"))
        let badConfig = s.directory.appendingPathComponent("bad.yaml")
        try "group_wait: soon\n".write(to: badConfig, atomically: true, encoding: .utf8)
        let run = try await s.run(["run", "--once", "--config", badConfig.path])
        #expect(run.status == 1 && run.stderr.contains("'soon' is not a duration"))
    }

    @Test("kill -9 while a delivery is in flight, restart: the receiver processes it once, under one idempotency key")
    func killAndRestart() async throws {
        // The first attempt hangs (the process is killed meanwhile); any later one is accepted.
        let receiver = WebhookReceiver { n in (200, n == 1 ? 30 : 0) }
        try await receiver.serve { url in
            let s = try await Self.setup(webhook: url)
            let ingest = try await s.run(["ingest", "--source", "federal-register", "--file", TestData.fixture("alerts/federal-register-documents.json").path])
            #expect(ingest.status == 0 && ingest.stdout.contains("1 alert(s)"))
            let process = Process()
            process.executableURL = CommandRunner.productsDirectory.appendingPathComponent("corridor-alerts")
            process.arguments = ["run", "--config", s.config, "--poll", "0.1", "--database", s.database]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Matched, enqueued, and the first attempt is at the receiver: kill the process now.
            for _ in 0..<3000 where await receiver.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            // At least the first attempt; on a loaded machine (other suites train models in parallel) the
            // attempt timeout may already have sent a retry, under the same key (checked below).
            #expect(await receiver.requests.count >= 1)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            let restarted = try await s.run(["run", "--drain", "--config", s.config, "--poll", "0.1"])
            #expect(restarted.status == 0, "\(restarted.stderr)")
        }
        // At least the attempt cut off by the kill and one after the restart (a loaded machine may time out
        // an attempt and retry before the kill lands), all under one key, processed exactly once.
        let requests = await receiver.requests
        #expect(requests.count >= 2)
        #expect(Set(requests.compactMap { $0.headers["idempotency-key"] }).count == 1)
        #expect(await receiver.processed.count == 1)
    }
}
