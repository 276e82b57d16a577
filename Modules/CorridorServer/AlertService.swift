public import CorridorAlerts
public import CorridorModel
public import Foundation
public import Logging
public import ServiceLifecycle

/// What the alert routes use: the store, the reference data (to bring HS 2012/2017 products to
/// HS 2022), and the pipeline settings.
public struct AlertService: Sendable {
    /// Events, portfolios, alerts, the outbox, silences.
    public let store: any AlertStore
    /// Correlation tables for HS reconciliation.
    public let reference: any TariffReference
    /// Grouping, inhibition, reminders and retries.
    public let configuration: PipelineConfiguration

    /// Creates the service.
    public init(store: any AlertStore, reference: any TariffReference, configuration: PipelineConfiguration = PipelineConfiguration()) {
        self.store = store
        self.reference = reference
        self.configuration = configuration
    }

    /// Stores a page's events and records their alerts against every stored portfolio.
    func ingest(_ report: IngestReport, at now: Date) async throws -> AlertIngestor.Outcome {
        try await AlertIngestor.make(store: store, reference: reference, alertLifetime: configuration.alertLifetime).ingest(report.events, at: now)
    }

    /// The delivery loop as a service of the daemon: it ticks until shutdown. A failed tick is
    /// logged and retried at the next poll; nothing is lost, because the outbox is in the database.
    public func deliveryService(logger: Logger, pollInterval: TimeInterval = 5) -> some Service {
        DeliveryLoop(dispatcher: AlertDispatcher(store: store, pipeline: NotificationPipeline(configuration: configuration),
                                                 transport: HTTPWebhookTransport(), clock: { Date() }),
                     logger: logger, pollInterval: pollInterval)
    }
}

/// ``AlertService/deliveryService(logger:pollInterval:)``.
struct DeliveryLoop: Service {
    let dispatcher: AlertDispatcher
    let logger: Logger
    let pollInterval: TimeInterval

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await dispatcher.run(pollInterval: pollInterval) { tick in
                        if tick.enqueued > 0 || tick.round != DeliveryWorker.Round() {
                            logger.info("alerts delivered", metadata: ["enqueued": "\(tick.enqueued)", "delivered": "\(tick.round.delivered)",
                                                                       "retrying": "\(tick.round.retried)", "dead": "\(tick.round.deadLettered)"])
                        }
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.error("alert delivery tick failed; retrying", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(pollInterval))
                }
            }
        }
    }
}
