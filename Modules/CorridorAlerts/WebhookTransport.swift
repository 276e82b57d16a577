public import Foundation

/// What one webhook attempt came to.
public enum WebhookResult: Sendable, Equatable {
    /// The receiver answered with this status (and, for 429 or 503, perhaps a `Retry-After` in seconds).
    case response(status: Int, retryAfter: TimeInterval?)
    /// No answer within the attempt's deadline; the attempt was cancelled.
    case timedOut
    /// The request failed before an answer (connection refused, reset, TLS).
    case failed(String)
}

/// Posts one webhook. ``HTTPWebhookTransport`` does it over HTTP with async-http-client.
public protocol WebhookTransport: Sendable {
    /// Posts `body` with `headers` to `url`, giving up after `timeout`.
    func post(url: String, body: Data, headers: [(String, String)], timeout: TimeInterval) async -> WebhookResult
}
