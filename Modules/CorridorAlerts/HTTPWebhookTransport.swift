import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1

/// ``WebhookTransport`` over HTTP/1.1 and HTTPS with async-http-client. The deadline covers the
/// whole attempt: connecting, sending, and reading the answer. Redirects are not followed: a signed
/// notification goes to the URL the subscriber registered or nowhere (a 3xx is a dead letter).
public struct HTTPWebhookTransport: WebhookTransport {
    /// One client for every webhook, for the life of the process.
    private static let client = HTTPClient(eventLoopGroupProvider: .singleton,
                                           configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    private var client: HTTPClient { Self.client }

    /// Uses the process-wide webhook client.
    public init() {}

    public func post(url: String, body: Data, headers: [(String, String)], timeout: TimeInterval) async -> WebhookResult {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + .milliseconds(Int64((timeout * 1000).rounded()))
        do {
            let response = try await client.execute(request, deadline: deadline)
            // Read (and drop) at most 64 KiB of the answer so the connection can be reused.
            _ = try? await response.body.collect(upTo: 65_536)
            let retryAfter = response.headers.first(name: "Retry-After").flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
            return .response(status: Int(response.status.code), retryAfter: retryAfter)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            return .timedOut
        } catch is CancellationError {
            return .failed("cancelled")
        } catch {
            return .failed(String(describing: error))
        }
    }
}
