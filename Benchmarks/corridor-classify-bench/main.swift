// Classification measurements (make bench, section "classify"): the corpus is built from the real
// reference data and exported, so that fastText and scikit-learn (Benchmarks/peer_classify.py) train
// and are scored on exactly the same splits; then Corridor's classifier is trained (time, peak RSS),
// written (size), loaded (time), scored on the development split and timed predicting single-threaded.
//
// usage: corridor-classify-bench DATA_DIR WORK_DIR [EPOCHS]
import CorridorClassification
import CorridorModel
import CorridorStore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: corridor-classify-bench DATA_DIR WORK_DIR [EPOCHS]\n".utf8))
    exit(2)
}
let dataDirectory = URL(fileURLWithPath: arguments[1], isDirectory: true)
let work = URL(fileURLWithPath: arguments[2], isDirectory: true)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("corridor-classify-bench: \(message)\n".utf8))
    exit(1)
}

func note(_ message: String) { FileHandle.standardError.write(Data((message + "\n").utf8)) }

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

func peakRSSMegabytes() -> Double {
    var usage = rusage()
    getrusage(0, &usage)  // 0 is RUSAGE_SELF
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
let databasePath = work.appendingPathComponent("reference.sqlite").path
try? FileManager.default.removeItem(atPath: databasePath)
let database: CorridorDatabase
do { database = try CorridorDatabase(path: databasePath) } catch { fail("\(error)") }
let reports = await ReferenceImporter(database: database).importAll(
    from: .directory(dataDirectory), importedAt: Date())
guard reports.allSatisfy({ $0.status != .failed }) else { fail("reference import failed: \(reports)") }

let corpus: TrainingCorpus
do {
    let inputs = try await CorpusBuilder.readInputs(reference: ReferenceStore(database: database), dataDirectory: dataDirectory)
    corpus = try CorpusBuilder().build(inputs)
    try corpus.export(to: work.appendingPathComponent("corpus"))
} catch { fail("corpus: \(error)") }
note("corpus: \(corpus.statistics.kept) examples, \(corpus.statistics.dev) in the development split")

// Two threads, as fastText is given two; the model's accuracy is also reported from one reproducible
// single-threaded run in Docs/BENCHMARKS.md.
var parameters = Hyperparameters()
parameters.threads = 2
if arguments.count > 3, let epochs = Int(arguments[3]) { parameters.epochs = epochs }
let trainStart = DispatchTime.now().uptimeNanoseconds
let classifier: Classifier
do { classifier = try Classifier.train(corpus: corpus, hyperparameters: parameters) } catch { fail("training: \(error)") }
let trainSeconds = seconds(since: trainStart)
let trainRSS = peakRSSMegabytes()

let modelURL = work.appendingPathComponent("corridor.model")
do { try ModelFile.write(classifier, to: modelURL) } catch { fail("\(error)") }
let modelBytes = (try? FileManager.default.attributesOfItem(atPath: modelURL.path)[.size] as? Int) ?? 0
var loadTimes: [Double] = []
for _ in 0..<5 {
    let start = DispatchTime.now().uptimeNanoseconds
    guard (try? ModelFile.read(modelURL)) != nil else { fail("the written model does not load") }
    loadTimes.append(seconds(since: start))
}
loadTimes.sort()

let development = corpus.development.map { (text: $0.text, hs6: $0.hs6) }
let report = classifier.evaluate(development)

// Single-threaded prediction throughput: full answers (k = 5, explanation and question included),
// and bare candidates (k = 5), each over every development text; best of three passes.
var fullRates: [Double] = []
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    for item in development { _ = try? classifier.classify(item.text, k: 5) }
    fullRates.append(Double(development.count) / seconds(since: start))
}
var bareRates: [Double] = []
for _ in 0..<3 {
    let start = DispatchTime.now().uptimeNanoseconds
    for item in development { _ = try? classifier.predict(item.text, k: 5) }
    bareRates.append(Double(development.count) / seconds(since: start))
}

let result: [String: Any] = [
    "examples": corpus.statistics.kept, "train": corpus.training.count, "dev": development.count,
    "epochs": parameters.epochs, "threads": parameters.threads, "dimension": parameters.dimension, "buckets": parameters.buckets,
    "train_seconds": trainSeconds, "train_peak_rss_mb": trainRSS,
    "model_bytes": modelBytes, "load_seconds": loadTimes[loadTimes.count / 2],
    "top1": [2: report.level(2)?.top1 ?? 0, 4: report.level(4)?.top1 ?? 0, 6: report.level(6)?.top1 ?? 0].mapKeys,
    "top5": [2: report.level(2)?.top5 ?? 0, 4: report.level(4)?.top5 ?? 0, 6: report.level(6)?.top5 ?? 0].mapKeys,
    "ece": report.expectedCalibrationError,
    "predict_per_second_full": fullRates.max() ?? 0, "predict_per_second": bareRates.max() ?? 0,
    "retrieval_weight": classifier.calibration.retrievalWeight, "example_weight": classifier.calibration.exampleWeight,
    "sibling_weight": classifier.calibration.siblingWeight, "temperature": classifier.calibration.temperature,
]
do {
    let data = try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: work.appendingPathComponent("corridor.json"))
} catch { fail("\(error)") }
note("corridor: top-1 \(report.level(6)?.top1 ?? 0), top-5 \(report.level(6)?.top5 ?? 0), trained in \(trainSeconds) s")

extension Dictionary where Key == Int, Value == Double {
    var mapKeys: [String: Double] { Dictionary<String, Double>(uniqueKeysWithValues: map { (String($0.key), $0.value) }) }
}
