public import Hummingbird
import Logging

/// Turns every error — domain errors, Hummingbird's own `HTTPError`s (unknown route, bad method,
/// body too large) and unexpected failures — into an `application/problem+json` response.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Creates the middleware.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            throw problem
        } catch let error as any ProblemConvertible {
            let problem = error.problem
            if problem.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            }
            throw problem
        } catch let error as HTTPError {
            let detail = error.body ?? (error.status == .notFound ? "no route for \(request.method) \(request.uri.path)" : error.status.reasonPhrase)
            throw Problem(status: error.status, slug: error.status == .notFound ? "not-found" : "http-\(error.status.code)",
                          title: error.status.reasonPhrase, detail: detail, headers: error.headers)
        } catch let error as DecodingError {
            throw Problem.badRequest("the request body is not valid: \(Self.describe(error))")
        } catch let error as any HTTPResponseError {
            throw Problem(status: error.status, slug: "http-\(error.status.code)", title: error.status.reasonPhrase,
                          detail: "\(error)")
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "path": "\(request.uri.path)"])
            throw Problem.internalError
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ c: DecodingError.Context) -> String {
            let p = c.codingPath.map(\.stringValue).joined(separator: ".")
            return p.isEmpty ? "" : " at '\(p)'"
        }
        switch error {
        case .keyNotFound(let key, let c): return "missing field '\(key.stringValue)'\(path(c))"
        case .typeMismatch(_, let c): return "wrong type\(path(c)): \(c.debugDescription)"
        case .valueNotFound(_, let c): return "missing value\(path(c))"
        case .dataCorrupted(let c): return "\(c.debugDescription)\(path(c))"
        @unknown default: return "\(error)"
        }
    }
}
