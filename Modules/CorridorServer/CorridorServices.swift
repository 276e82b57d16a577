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

    /// Creates the services.
    public init(reference: any TariffReference, tenants: any TenantDirectory,
                metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.reference = reference
        self.tenants = tenants
        self.metrics = metrics
        self.now = now
    }

    /// Today's date in UTC, the default `as_of`.
    public func today() -> CivilDate { CivilDate(now()) }
}
