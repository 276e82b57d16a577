public import Hummingbird
public import Prometheus

/// Counts requests and records their latency in a Prometheus registry, labelled by route
/// pattern (not raw path, so label sets stay bounded), method and status.
public struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let registry: PrometheusCollectorRegistry

    /// Records into `registry`.
    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    /// Latency buckets from 1 ms to 10 s.
    static var buckets: [Duration] {
        [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
         .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(10)]
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: HTTPResponse.Status
        do {
            let response = try await next(request, context)
            status = response.status
            record(request, context, status, ContinuousClock.now - start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context, error.status, ContinuousClock.now - start)
            throw error
        } catch {
            record(request, context, .internalServerError, ContinuousClock.now - start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, _ elapsed: Duration) {
        let route = context.endpointPath ?? "unmatched"
        let labels = [("route", route), ("method", request.method.rawValue), ("status", String(status.code))]
        registry.makeCounter(
            descriptor: MetricNameDescriptor(namespace: "corridor", metricName: "http_requests", unitName: "total",
                                             helpText: "HTTP requests by route, method and status"),
            labels: labels
        ).increment()
        registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(namespace: "corridor", metricName: "http_request_duration", unitName: "seconds",
                                             helpText: "HTTP request latency by route and method"),
            labels: [("route", route), ("method", request.method.rawValue)],
            buckets: Self.buckets
        ).record(elapsed)
    }
}
