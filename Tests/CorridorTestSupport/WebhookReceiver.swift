public import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// A real HTTP receiver for webhook tests, on 127.0.0.1 and a free port: it answers each request
/// with the status a script gives for its attempt number, optionally after a delay, and records
/// every request. Like a well-behaved receiver it processes each `Idempotency-Key` once.
public actor WebhookReceiver {
    /// One request as received.
    public struct Received: Sendable {
        /// When it arrived (receiver clock).
        public let at: Date
        /// Its headers, by lower-cased name.
        public let headers: [String: String]
        /// Its body.
        public let body: Data
        /// The status answered (nil if the answer was never sent, because the client gave up first).
        public let status: Int
    }

    /// What to answer the n-th request (from 1): a status and a delay in seconds.
    public typealias Script = @Sendable (Int) -> (status: Int, delay: TimeInterval)

    private let script: Script
    /// The page `GET /feed` serves, and its ETag.
    public nonisolated let feed: (Data, String)?
    /// Every request, in arrival order.
    public private(set) var requests: [Received] = []
    /// Idempotency keys processed (answered 2xx), in order, each once.
    public private(set) var processed: [String] = []

    /// Creates a receiver answering as `script` says; `feed` is served at `/feed`.
    public init(feed: (Data, String)? = nil, script: @escaping Script) {
        self.feed = feed
        self.script = script
    }

    fileprivate func arrive(headers: [String: String], body: Data) -> (Int, TimeInterval) {
        let n = requests.count + 1
        let (status, delay) = script(n)
        requests.append(Received(at: Date(), headers: headers, body: body, status: status))
        return (status, delay)
    }

    fileprivate func answered(status: Int, key: String?) {
        guard (200..<300).contains(status), let key, !processed.contains(key) else { return }
        processed.append(key)
    }

    /// Runs the receiver for the duration of `body`, which gets the webhook URL (`…/hook`; the feed is at `…/feed`).
    public func serve<T: Sendable>(_ body: @Sendable (String) async throws -> T) async throws -> T {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let buffer = try await request.body.collect(upTo: 10_000_000)
            let (status, delay) = await self.arrive(headers: headers, body: Data(String(buffer: buffer).utf8))
            if delay > 0 { try await Task.sleep(for: .milliseconds(Int(delay * 1000))) }
            await self.answered(status: status, key: headers["idempotency-key"])
            return Response(status: HTTPResponse.Status(code: status))
        }
        // A feed page: the script's status; a 200 carries `feed` with its ETag, or is a 304 when the client sends that ETag back.
        router.get("feed") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let (status, _) = await self.arrive(headers: headers, body: Data())
            guard status == 200, let (body, etag) = self.feed else { return Response(status: HTTPResponse.Status(code: status)) }
            if headers["if-none-match"] == etag { return Response(status: .notModified) }
            var fields = HTTPFields()
            if let name = HTTPField.Name("ETag") { fields[name] = etag }
            return Response(status: .ok, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let port = PortBox()
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in await port.set(channel.localAddress?.port ?? 0) })
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            let bound = try await port.wait()
            let result = try await body("http://127.0.0.1:\(bound)/hook")
            group.cancelAll()
            return result
        }
    }
}

/// The port the server bound, once it is running.
private actor PortBox {
    private var port: Int?

    func set(_ value: Int) { port = value }

    func wait() async throws -> Int {
        for _ in 0..<500 {
            if let port { return port }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CancellationError()
    }
}
