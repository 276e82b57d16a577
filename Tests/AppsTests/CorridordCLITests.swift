import CorridorTestSupport
import Foundation
import Testing

/// `corridord` admin commands end to end.
@Suite("corridord admin commands")
struct CorridordCLITests {
    @Test("enterprises and keys: create, list, revoke; the key is printed once")
    func keys() throws {
        let db = try CommandRunner.temporaryDirectory().appendingPathComponent("d.sqlite").path
        let missing = try CommandRunner.run("corridord", ["keys", "create", "--enterprise", "zone", "--role", "zone-admin", "--database", db])
        #expect(missing.status != 0 && missing.stderr.contains("enterprise 'zone' does not exist"))
        let created = try CommandRunner.run("corridord", ["enterprises", "create", "--id", "zone", "--name", "Pilot Zone",
                                                          "--tier", "leading", "--country", "CN", "--database", db])
        #expect(created.status == 0, "\(created.stderr)")
        let key = try CommandRunner.run("corridord", ["keys", "create", "--enterprise", "zone", "--role", "zone-admin", "--database", db])
        #expect(key.status == 0)
        let text = key.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.hasPrefix("cor_k"))
        let id = String(text.split(separator: "_")[1])
        let list = try CommandRunner.run("corridord", ["keys", "list", "--enterprise", "zone", "--database", db])
        #expect(list.stdout.contains("\(id)\tzone-admin\tactive"))
        #expect(!list.stdout.contains(text), "the secret is never shown again")
        let revoke = try CommandRunner.run("corridord", ["keys", "revoke", id, "--enterprise", "zone", "--database", db])
        #expect(revoke.status == 0)
        #expect(try CommandRunner.run("corridord", ["keys", "list", "--enterprise", "zone", "--database", db]).stdout.contains("revoked"))
        let badRole = try CommandRunner.run("corridord", ["keys", "create", "--enterprise", "zone", "--role", "root", "--database", db])
        #expect(badRole.status != 0 && badRole.stderr.contains("'root' is not one of zone-admin, enterprise, auditor"))
    }
}
