public import CorridorClassification
import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// What `/v1/classify` computes with: the model file loaded at start, reloaded when the file changes.
///
/// A reload that fails (a half-copied or damaged file) keeps the model in use and logs why; the next
/// change of the file is tried again. Replace the file atomically (write elsewhere, then `mv`).
public final class ClassificationService: Sendable {
    /// The configured model path, or nil when none is configured.
    public let path: String?
    private let state: Mutex<State>

    struct State {
        var classifier: Result<Classifier, ClassificationError>
        var stamp: FileStamp?
    }

    /// The identity of a file version: modification time, size and inode.
    struct FileStamp: Equatable {
        let modified: Date
        let size: Int
        let inode: Int

        init?(path: String) {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  let modified = attributes[.modificationDate] as? Date, let size = attributes[.size] as? Int else { return nil }
            self.modified = modified
            self.size = size
            self.inode = (attributes[.systemFileNumber] as? Int) ?? 0
        }
    }

    /// Loads the model at `path`; nil leaves the service without a model (the routes answer 503).
    public init(path: String?, logger: Logger? = nil) {
        self.path = path
        guard let path else {
            state = Mutex(State(classifier: .failure(.invalidModelFile(path: "(none)", reason: "no model is configured (set classifierModel or CORRIDOR_CLASSIFIER_MODEL)")),
                                stamp: nil))
            return
        }
        let stamp = FileStamp(path: path)
        let loaded = Result { () throws(ClassificationError) in try ModelFile.read(URL(fileURLWithPath: path)) }
        switch loaded {
        case .success(let classifier):
            logger?.info("classifier loaded", metadata: ["model": "\(path)", "labels": "\(classifier.tree.leaves.count)"])
        case .failure(let error):
            logger?.error("classifier not loaded; /v1/classify answers 503", metadata: ["reason": "\(error)"])
        }
        state = Mutex(State(classifier: loaded, stamp: stamp))
    }

    /// Wraps an already loaded classifier (tests, embedding).
    public init(classifier: Classifier) {
        path = nil
        state = Mutex(State(classifier: .success(classifier), stamp: nil))
    }

    /// The model in use, or why there is none.
    public var classifier: Result<Classifier, ClassificationError> {
        state.withLock { $0.classifier }
    }

    /// Reloads the model when its file changed since the last load. Returns true when a new model is in use.
    @discardableResult
    public func reloadIfChanged(logger: Logger? = nil) -> Bool {
        guard let path, let stamp = FileStamp(path: path) else { return false }
        guard state.withLock({ $0.stamp != stamp }) else { return false }
        do {
            let classifier = try ModelFile.read(URL(fileURLWithPath: path))
            // The file may have changed again while it was read; keep the stamp of what was read first.
            state.withLock { $0 = State(classifier: .success(classifier), stamp: stamp) }
            logger?.info("classifier reloaded", metadata: ["model": "\(path)", "labels": "\(classifier.tree.leaves.count)"])
            return true
        } catch {
            state.withLock { current in
                current.stamp = stamp
                if case .failure = current.classifier { current.classifier = .failure(error) }
            }
            logger?.error("classifier reload failed; the previous model stays in use", metadata: ["model": "\(path)", "reason": "\(error)"])
            return false
        }
    }

    /// A service that checks the model file every `interval` seconds and reloads it when it changed.
    public func reloadService(logger: Logger, interval: Duration = .seconds(2)) -> some Service {
        ModelReloader(service: self, logger: logger, interval: interval)
    }
}

/// ``ClassificationService/reloadService(logger:interval:)``.
struct ModelReloader: Service {
    let service: ClassificationService
    let logger: Logger
    let interval: Duration

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: interval) } catch { return }
                service.reloadIfChanged(logger: logger)
            }
        }
    }
}
