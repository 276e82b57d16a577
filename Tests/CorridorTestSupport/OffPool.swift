public import Dispatch

/// Runs CPU-heavy synchronous work (training a model) on a Dispatch thread and awaits it.
///
/// Swift Testing runs tests on the cooperative thread pool, which has one thread per core here.
/// A test that trains a model synchronously holds one of them for tens of seconds in a debug build;
/// two such tests starve every other test's async work, such as the in-process webhook receiver that
/// the alerts tests time with a 2 s deadline. Off the pool, the training waits its turn on the cores
/// instead of blocking the pool.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
