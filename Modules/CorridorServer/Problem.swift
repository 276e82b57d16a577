public import Hummingbird
import Foundation

/// An RFC 9457 problem: every error response of the API is `application/problem+json`.
public struct Problem: HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public let status: HTTPResponse.Status
    /// A short slug naming the kind of problem; the `type` member is `urn:corridor:problem:<slug>`.
    public let slug: String
    /// A short, human-readable summary of the kind of problem.
    public let title: String
    /// What went wrong in this occurrence, and what to do about it.
    public let detail: String
    /// Extra headers, e.g. `WWW-Authenticate` on 401.
    public let headers: HTTPFields

    /// Creates a problem.
    public init(status: HTTPResponse.Status, slug: String, title: String, detail: String, headers: HTTPFields = [:]) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.headers = headers
    }

    public var description: String { "\(status.code) \(title): \(detail)" }

    /// The RFC 9457 JSON body.
    struct Body: Codable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let instance: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(type: "urn:corridor:problem:\(slug)", title: title, status: Int(status.code), detail: detail, instance: request.uri.path)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: - Common problems

    /// 400: the request is malformed.
    public static func badRequest(_ detail: String) -> Problem {
        Problem(status: .badRequest, slug: "invalid-request", title: "Invalid request", detail: detail)
    }

    /// 401: no or an invalid API key.
    public static func unauthorized(_ detail: String) -> Problem {
        Problem(status: .unauthorized, slug: "unauthorized", title: "Authentication required", detail: detail,
                headers: [.wwwAuthenticate: "Bearer realm=\"corridor\""])
    }

    /// 403: the key is valid but its role or tenant does not allow this.
    public static func forbidden(_ detail: String) -> Problem {
        Problem(status: .forbidden, slug: "forbidden", title: "Forbidden", detail: detail)
    }

    /// 404: nothing at this address.
    public static func notFound(_ detail: String) -> Problem {
        Problem(status: .notFound, slug: "not-found", title: "Not found", detail: detail)
    }

    /// 500: the server failed; the detail never leaks internals.
    public static let internalError = Problem(
        status: .internalServerError, slug: "internal-error", title: "Internal server error",
        detail: "the server could not complete the request; the failure has been logged")
}
