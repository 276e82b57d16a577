import AsyncHTTPClient
public import CorridorModel
public import Foundation
import NIOCore
import NIOHTTP1

/// Fetches feed pages over HTTP(S) with async-http-client: a deadline per attempt, conditional
/// requests (`If-None-Match` and `If-Modified-Since` from the last answer) so an unchanged page
/// costs a 304, and retries with exponential backoff on 5xx, 429 and timeouts.
public struct FeedFetcher: Sendable {
    /// What a fetch came to.
    public enum Result: Sendable {
        /// The page has not changed since `previous`.
        case notModified
        /// A new page, and the validators to send next time.
        case page(Data, FeedState)
    }

    /// Retries and deadlines.
    public let policy: RetryPolicy
    /// The largest page read.
    public let maxBytes: Int
    private let random: @Sendable () -> Double

    /// Creates a fetcher; `random` draws the backoff jitter (injected by tests).
    public init(policy: RetryPolicy = RetryPolicy(initialBackoff: 2, maxBackoff: 60, maxAttempts: 4, attemptTimeout: 30), maxBytes: Int = FederalRegisterAdapter.maxPageBytes,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.policy = policy
        self.maxBytes = maxBytes
        self.random = random
    }

    /// Fetches `url`, sending the validators of `previous`; `now` stamps the new state.
    public func fetch(url: String, previous: FeedState?, now: @Sendable () -> Date) async throws(AlertsError) -> Result {
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? "") else {
            throw .fetchFailed(url: url, reason: "not an http(s) URL")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "User-Agent", value: "corridor-alerts/1 (+https://github.com/corridor)")
        request.headers.add(name: "Accept", value: "application/json, application/rss+xml, application/atom+xml, text/csv, */*")
        if let etag = previous?.etag { request.headers.add(name: "If-None-Match", value: etag) }
        if let modified = previous?.lastModified { request.headers.add(name: "If-Modified-Since", value: modified) }
        var attempt = 0
        while true {
            attempt += 1
            let reason: String
            var retryAfter: TimeInterval?
            do {
                let deadline = NIODeadline.now() + .milliseconds(Int64(policy.attemptTimeout * 1000))
                let response = try await HTTPClient.shared.execute(request, deadline: deadline)
                let status = Int(response.status.code)
                switch status {
                case 304:
                    return .notModified
                case 200..<300:
                    let body: ByteBuffer
                    do {
                        body = try await response.body.collect(upTo: maxBytes)
                    } catch is NIOTooManyBytesError {
                        throw AlertsError.oversized(bytes: maxBytes + 1, limit: maxBytes)
                    }
                    let state = FeedState(url: url, etag: response.headers.first(name: "ETag"), lastModified: response.headers.first(name: "Last-Modified"),
                                          fetchedAt: now())
                    return .page(Data(body.readableBytesView), state)
                case 429, 500...:
                    reason = "HTTP \(status)"
                    retryAfter = response.headers.first(name: "Retry-After").flatMap { TimeInterval($0) }
                default:
                    throw AlertsError.fetchFailed(url: url, reason: "HTTP \(status); not retried")
                }
            } catch let error as AlertsError {
                throw error
            } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
                reason = "no answer within \(policy.attemptTimeout) s"
            } catch {
                reason = String(describing: error)
            }
            guard attempt < policy.maxAttempts else { throw .fetchFailed(url: url, reason: "\(reason) (gave up after \(attempt) attempts)") }
            let delay = policy.delay(afterAttempt: attempt, random: random(), retryAfter: retryAfter)
            do {
                try await Task.sleep(for: .milliseconds(Int(delay * 1000)))
            } catch {
                throw .fetchFailed(url: url, reason: "cancelled")
            }
        }
    }
}
