import Crypto
public import Foundation

/// The classifier's file format, version 3 (version 1 had no example index, version 2 no sibling
/// discriminator).
///
/// ```
/// offset 0   8 bytes   magic "CRDRHSC1"
///        8   UInt32    format version (3), little-endian
///       12   UInt32    byte-order mark 0x01020304
///       16   UInt64    header length H
///       24   H bytes   header: JSON (hyperparameters, labels and descriptions, calibration, corpus
///                      statistics, development metrics, retrieval terms, explanation examples)
///            sections  each a UInt64 element count then the elements, little-endian:
///                      input weights (Float32), output weights (Float32),
///                      retrieval document offsets (Int32), term ids (Int32), frequencies (Float32),
///                      example leaves (Int32), example offsets (Int32), term ids (Int32), frequencies (Float32),
///                      sibling-discriminator weights (Float32, 2^bits)
///   end − 32 32 bytes  SHA-256 of everything before it
/// ```
/// One check on load (magic, version, byte order, lengths and the SHA-256) rejects a damaged or
/// incompatible file with a message that says which.
public enum ModelFile {
    /// The format version written by this build.
    public static let formatVersion: UInt32 = 3
    static let magic = Array("CRDRHSC1".utf8)

    struct Header: Codable {
        var formatVersion: UInt32
        var hyperparameters: Hyperparameters
        var tree: LabelTree
        var calibration: Calibration
        var statistics: CorpusStatistics
        var development: EvaluationReport?
        var examples: [[String]]
        var terms: [String]
        var dimension: Int
        var vocabulary: ProductVocabulary
    }

    /// The file's bytes for `classifier`.
    public static func encode(_ classifier: Classifier) throws(ClassificationError) -> Data {
        let header = Header(formatVersion: formatVersion, hyperparameters: classifier.hyperparameters, tree: classifier.tree,
                            calibration: classifier.calibration, statistics: classifier.statistics,
                            development: classifier.development, examples: classifier.examples,
                            terms: classifier.retrieval.terms, dimension: classifier.model.dimension,
                            vocabulary: classifier.vocabulary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json: Data
        do { json = try encoder.encode(header) } catch {
            throw .unwritableModelFile(path: "(memory)", reason: "the header cannot be encoded: \(error)")
        }
        var data = Data()
        data.append(contentsOf: magic)
        append(&data, formatVersion)
        append(&data, UInt32(0x0102_0304))
        append(&data, UInt64(json.count))
        data.append(json)
        appendArray(&data, classifier.model.input)
        appendArray(&data, classifier.model.output)
        let retrieval = flatten(classifier.retrieval.documents)
        appendArray(&data, retrieval.offsets)
        appendArray(&data, retrieval.terms)
        appendArray(&data, retrieval.frequencies)
        let examples = flatten(classifier.nearest.documents)
        appendArray(&data, classifier.nearest.leaves)
        appendArray(&data, examples.offsets)
        appendArray(&data, examples.terms)
        appendArray(&data, examples.frequencies)
        appendArray(&data, classifier.siblings.weights)
        data.append(contentsOf: SHA256.hash(data: data))
        return data
    }

    /// Writes `classifier` to `url` atomically.
    public static func write(_ classifier: Classifier, to url: URL) throws(ClassificationError) {
        let data = try encode(classifier)
        do { try data.write(to: url, options: .atomic) } catch {
            throw .unwritableModelFile(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads a model file.
    public static func read(_ url: URL) throws(ClassificationError) -> Classifier {
        let data: Data
        do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
            throw .invalidModelFile(path: url.path, reason: "the file cannot be read (\(error.localizedDescription))")
        }
        return try decode(data, path: url.path)
    }

    /// Decodes a model from its bytes; `path` names it in errors.
    public static func decode(_ data: Data, path: String) throws(ClassificationError) -> Classifier {
        func fail(_ reason: String) -> ClassificationError { .invalidModelFile(path: path, reason: reason) }
        guard data.count >= 24 + 32, Array(data.prefix(8)) == magic else {
            throw fail("it does not start with the Corridor classifier signature (CRDRHSC1)")
        }
        var reader = Reader(data: data, offset: 8)
        let version: UInt32 = try reader.scalar(path)
        guard version == formatVersion else {
            throw fail("it is format version \(version); this build reads version \(formatVersion)")
        }
        let mark: UInt32 = try reader.scalar(path)
        guard mark == 0x0102_0304 else { throw fail("it was written with another byte order") }
        let body = data.prefix(data.count - 32)
        guard Array(SHA256.hash(data: body)) == Array(data.suffix(32)) else {
            throw fail("its SHA-256 checksum does not match: the file is damaged or truncated")
        }
        let headerLength: UInt64 = try reader.scalar(path)
        guard headerLength <= UInt64(data.count - reader.offset) else { throw fail("the header length is beyond the end of the file") }
        let headerData = data.subdata(in: (data.startIndex + reader.offset)..<(data.startIndex + reader.offset + Int(headerLength)))
        reader.offset += Int(headerLength)
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: headerData) } catch {
            throw fail("the header cannot be read: \(error)")
        }
        let input: [Float] = try reader.array(path)
        let output: [Float] = try reader.array(path)
        let offsets: [Int32] = try reader.array(path)
        let terms: [Int32] = try reader.array(path)
        let frequencies: [Float] = try reader.array(path)
        let exampleLeaves: [Int32] = try reader.array(path)
        let exampleOffsets: [Int32] = try reader.array(path)
        let exampleTerms: [Int32] = try reader.array(path)
        let exampleFrequencies: [Float] = try reader.array(path)
        let siblingWeights: [Float] = try reader.array(path)
        let p = header.hyperparameters
        let extractor = try FeatureExtractor(buckets: p.buckets, minN: p.minN, maxN: p.maxN, wordBigrams: p.wordBigrams)
        let leaves = header.tree.leaves.count
        guard input.count == p.buckets * header.dimension, output.count == header.tree.nodeCount * header.dimension,
              offsets.count == leaves + 1, terms.count == frequencies.count, Int(offsets.last ?? -1) == terms.count,
              header.examples.count == leaves, exampleOffsets.count == exampleLeaves.count + 1,
              exampleTerms.count == exampleFrequencies.count, Int(exampleOffsets.last ?? -1) == exampleTerms.count,
              exampleLeaves.allSatisfy({ $0 >= 0 && Int($0) < leaves }),
              siblingWeights.count > 1, siblingWeights.count & (siblingWeights.count - 1) == 0 else {
            throw fail("its weight sections do not match its header")
        }
        guard let documents = unflatten(offsets, terms, frequencies) else { throw fail("a retrieval document is out of range") }
        guard let exampleDocuments = unflatten(exampleOffsets, exampleTerms, exampleFrequencies) else { throw fail("an example document is out of range") }
        let nearest = ExampleIndex(leaves: exampleLeaves, documents: exampleDocuments, termCount: header.terms.count, leafCount: leaves)
        let model = TreeSoftmaxModel(tree: header.tree, extractor: extractor, dimension: header.dimension, input: input, output: output)
        let siblings = SiblingDiscriminator(bits: siblingWeights.count.trailingZeroBitCount, weights: siblingWeights, layout: model.layout)
        return Classifier(model: model, retrieval: RetrievalIndex(terms: header.terms, documents: documents), nearest: nearest,
                          siblings: siblings, examples: header.examples,
                          vocabulary: header.vocabulary, hyperparameters: p, calibration: header.calibration, statistics: header.statistics,
                          development: header.development)
    }

    /// Documents of (term, frequency) pairs as three sections: offsets (one more than documents),
    /// term ids and frequencies.
    private static func flatten(_ documents: [[(term: Int32, frequency: Float)]]) -> (offsets: [Int32], terms: [Int32], frequencies: [Float]) {
        var offsets: [Int32] = [0]
        var terms: [Int32] = []
        var frequencies: [Float] = []
        for document in documents {
            for entry in document {
                terms.append(entry.term)
                frequencies.append(entry.frequency)
            }
            offsets.append(Int32(terms.count))
        }
        return (offsets, terms, frequencies)
    }

    /// The documents back from their sections; nil when an offset is out of range.
    private static func unflatten(_ offsets: [Int32], _ terms: [Int32], _ frequencies: [Float]) -> [[(term: Int32, frequency: Float)]]? {
        var documents: [[(term: Int32, frequency: Float)]] = []
        documents.reserveCapacity(max(offsets.count - 1, 0))
        for index in 0..<max(offsets.count - 1, 0) {
            let start = Int(offsets[index]), end = Int(offsets[index + 1])
            // Checked before the range is formed: a range whose bounds are reversed would trap.
            guard start >= 0, start <= end, end <= terms.count, end <= frequencies.count else { return nil }
            documents.append((start..<end).map { (terms[$0], frequencies[$0]) })
        }
        return documents
    }

    private static func append<T: FixedWidthInteger>(_ data: inout Data, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
    }

    private static func appendArray<T: BitwiseCopyable>(_ data: inout Data, _ values: [T]) {
        append(&data, UInt64(values.count))
        values.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    private struct Reader {
        let data: Data
        var offset: Int

        mutating func scalar<T: FixedWidthInteger>(_ path: String) throws(ClassificationError) -> T {
            let size = MemoryLayout<T>.size
            guard offset + size <= data.count - 32 else {
                throw .invalidModelFile(path: path, reason: "it ends inside a section")
            }
            var value: T = 0
            withUnsafeMutableBytes(of: &value) { target in
                data.copyBytes(to: target, from: (data.startIndex + offset)..<(data.startIndex + offset + size))
            }
            offset += size
            return T(littleEndian: value)
        }

        mutating func array<T: BitwiseCopyable>(_ path: String) throws(ClassificationError) -> [T] {
            let count: UInt64 = try scalar(path)
            let stride = MemoryLayout<T>.stride
            guard count <= UInt64((data.count - 32 - offset) / stride) else {
                throw .invalidModelFile(path: path, reason: "a section is longer than the file")
            }
            let n = Int(count)
            let start = data.startIndex + offset
            // Copied byte-wise: the section may start at any alignment.
            let values = [T](unsafeUninitializedCapacity: n) { buffer, initialized in
                data[start..<(start + n * stride)].withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: raw)
                }
                initialized = n
            }
            offset += n * stride
            return values
        }
    }
}
