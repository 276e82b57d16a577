/// Per-exporter volumes of personal information transferred abroad since 1 January: the seam
/// between the transfer assessment and persistence. Reading the totals, deciding and adding the
/// transfer happen in one transaction, so two transfers cannot both slip under a threshold.
public protocol TransferCounterStore: Sendable {
    /// Runs `decide` with the exporter's totals for `year` (individuals, sensitive individuals) and
    /// adds the increments it returns, atomically.
    func update<T: Sendable>(
        exporter: EnterpriseID, year: Int,
        _ decide: @escaping @Sendable (_ individuals: Int, _ sensitiveIndividuals: Int) throws -> (result: T, addIndividuals: Int, addSensitive: Int)
    ) async throws -> T
}
