import Foundation
import CorridorModel
import CorridorServer
import CorridorStore
import CorridorTestSupport
import Testing

@Suite("Server configuration")
struct ConfigurationTests {
    @Test("defaults, then the file, then the environment")
    func layering() throws {
        let defaults = try ServerConfiguration.load(file: nil, environment: [:])
        #expect(defaults.database == "corridor.sqlite" && defaults.port == 8080 && defaults.host == "127.0.0.1")
        let file = TestData.fixture("config/corridord.yaml").path
        let fromFile = try ServerConfiguration.load(file: file, environment: [:])
        #expect(fromFile.port == 9090 && fromFile.host == "0.0.0.0" && fromFile.logLevel == "debug")
        #expect(fromFile.data == "../shared/data", "settings the file leaves out keep their defaults")
        let env = try ServerConfiguration.load(file: file, environment: ["CORRIDOR_PORT": "7070", "CORRIDOR_DATABASE": "/tmp/x.sqlite"])
        #expect(env.port == 7070 && env.database == "/tmp/x.sqlite" && env.host == "0.0.0.0")
        #expect(fromFile.timeZone == "Asia/Shanghai")
    }

    @Test("bad settings are refused with the setting named")
    func errors() throws {
        #expect(throws: ConfigurationError.invalidValue(name: "CORRIDOR_PORT", value: "http", reason: "not a whole number")) {
            try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_PORT": "http"])
        }
        #expect(throws: ConfigurationError.unreadableFile("/no/such.yaml")) { try ServerConfiguration.load(file: "/no/such.yaml", environment: [:]) }
        #expect { try ServerConfiguration.load(file: TestData.fixture("config/bad-port.yaml").path, environment: [:]) } throws: {
            guard case .invalidFile(let path, _) = $0 as? ConfigurationError else { return false }
            return path.hasSuffix("bad-port.yaml")
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_LOG_LEVEL": "loud"]) }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_TIME_ZONE": "Mars/Olympus"]) }
        #expect { try ServerConfiguration.load(file: TestData.fixture("config/misspelt.yaml").path, environment: [:]) } throws: {
            guard case .invalidFile(_, let reason) = $0 as? ConfigurationError else { return false }
            return reason.contains("unknown setting 'databse'")
        }
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_PORT": "70000"]) }
        // The alerts settings: a flag that is not a boolean, and a pipeline file with a label typo, are refused by name.
        #expect(throws: ConfigurationError.self) { try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_ALERTS_DELIVERY": "maybe"]) }
        #expect(try ServerConfiguration.load(file: nil, environment: ["CORRIDOR_ALERTS_DELIVERY": "false"]).alertsDelivery == false)
        let pipeline = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString).yaml")
        try? "group_by: [mesure]\n".write(to: pipeline, atomically: true, encoding: .utf8)
        let typo = try? ServerConfiguration.load(file: nil, environment: ["CORRIDOR_ALERTS_CONFIG": pipeline.path])
        #expect { try typo?.alertPipeline() } throws: { ($0 as? ConfigurationError)?.description.contains("'mesure' is not an alert label") == true }
    }

    @Test("the default as_of is today in the configured time zone")
    func timeZone() async throws {
        let db = try CorridorDatabase.inMemory()
        let instant = Date(timeIntervalSince1970: 1_798_736_400)  // 2026-12-31T17:00Z, 2027-01-01 01:00 in Shanghai
        let utc = CorridorServices(reference: ReferenceStore(database: db), tenants: TenantStore(database: db), now: { instant })
        let shanghai = CorridorServices(reference: ReferenceStore(database: db), tenants: TenantStore(database: db), now: { instant },
                                        timeZone: try #require(TimeZone(identifier: "Asia/Shanghai")))
        #expect(utc.today().description == "2026-12-31")
        #expect(shanghai.today().description == "2027-01-01")
    }

    @Test("API keys: the stored hash matches only the issued key")
    func keys() throws {
        let issued = APIKeys.issue(enterprise: try .init("alpha"), role: .enterprise, label: "", at: .init(timeIntervalSince1970: 0))
        #expect(issued.key.hasPrefix("cor_k"))
        #expect(APIKeys.keyID(of: issued.key) == issued.record.id)
        #expect(APIKeys.matches(issued.key, issued.record))
        #expect(!APIKeys.matches(issued.key + "x", issued.record))
        #expect(issued.record.secretHash != issued.key && issued.record.secretHash.count == 64)
        let other = APIKeys.issue(enterprise: try .init("alpha"), role: .enterprise, label: "", at: .init(timeIntervalSince1970: 0))
        #expect(other.key != issued.key && other.record.id != issued.record.id)
        #expect(APIKeys.keyID(of: "cor_short_x") == nil)
    }
}
