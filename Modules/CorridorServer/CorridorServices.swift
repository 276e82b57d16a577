public import CorridorModel
public import Foundation
public import Prometheus

/// What the routes need, injected so that tests run the real application on a real database
/// without a socket.
public struct CorridorServices: Sendable {
    /// Reference data.
    public let reference: any TariffReference
    /// Enterprises and API keys.
    public let tenants: any TenantDirectory
    /// The registry `/metrics` exposes.
    public let metrics: PrometheusCollectorRegistry
    /// The clock, read only here at the edge: default `as_of` dates and key issue times.
    public let now: @Sendable () -> Date
    /// The time zone whose calendar day is the default `as_of`.
    public let timeZone: TimeZone

    /// Creates the services.
    public init(reference: any TariffReference, tenants: any TenantDirectory,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), now: @escaping @Sendable () -> Date = { Date() },
                timeZone: TimeZone = TimeZone(secondsFromGMT: 0) ?? .current) {
        self.reference = reference
        self.tenants = tenants
        self.metrics = metrics
        self.now = now
        self.timeZone = timeZone
    }

    /// Today's date in the configured time zone, the default `as_of`.
    public func today() -> CivilDate { CivilDate(now(), timeZone: timeZone) }
}
