import CorridorClassification
import CorridorModel
import Foundation
import Hummingbird

/// `POST /v1/classify` and `POST /v1/classify/batch`: HS subheadings for product text, with calibrated
/// confidence, an explanation, a clarifying question and, on request, the national lines of a market.
enum ClassificationRoutes {
    /// The most items one batch may hold.
    static let maxBatchItems = 1_000
    /// The largest request body accepted.
    static let maxRequestBytes = 16 * 1024 * 1024

    /// One answer: the classifier's result, national lines when asked, and the batch id.
    struct Answer: Encodable, Sendable {
        let id: JSONValue?
        let result: ClassificationResult
        let nationalLines: NationalLines?

        enum CodingKeys: String, CodingKey {
            case id, predictions, confidence, explanation, question, warnings, nationalLines = "national_lines"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(id, forKey: .id)
            try c.encode(result.predictions, forKey: .predictions)
            try c.encode(result.confidence, forKey: .confidence)
            try c.encodeIfPresent(result.explanation, forKey: .explanation)
            try c.encodeIfPresent(result.question, forKey: .question)
            try c.encode(result.warnings, forKey: .warnings)
            try c.encodeIfPresent(nationalLines, forKey: .nationalLines)
        }
    }

    /// A batch item that could not be classified.
    struct Failure: Encodable, Sendable {
        let id: JSONValue?
        let index: Int
        let error: String
    }

    /// One batch entry: an answer or a failure.
    enum Entry: Encodable, Sendable {
        case answer(Answer)
        case failure(Failure)

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .answer(let answer): try answer.encode(to: encoder)
            case .failure(let failure): try failure.encode(to: encoder)
            }
        }
    }

    struct BatchResponse: Encodable, Sendable {
        let results: [Entry]
        let classified: Int
        let failed: Int
    }

    /// An id echoed back as given: a string or a number.
    enum JSONValue: Encodable, Sendable {
        case string(String)
        case number(Double)

        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .string(let s): try c.encode(s)
            case .number(let n):
                if n.rounded() == n, abs(n) < 1e15 { try c.encode(Int64(n)) } else { try c.encode(n) }
            }
        }
    }

    /// Settings shared by a request's items.
    struct Options {
        var k = 5
        var market: TariffMarket?
        var asOf: CivilDate
    }

    static func add(to group: RouterGroup<CorridorRequestContext>, services: CorridorServices, classification: ClassificationService) {
        group.post("classify") { request, context in
            _ = try context.requireIdentity()
            let classifier = try Self.classifier(classification)
            let object = try await Self.body(request, allowed: ["text", "k", "market", "as_of", "category", "attributes"])
            let options = try Self.options(object, services: services)
            let product = try Self.product(object, path: "")
            let result = try classifier.classify(product.text, k: options.k)
            let lines = try await Self.nationalLines(result, options: options, services: services)
            return JSONBody(Answer(id: nil, result: result, nationalLines: lines))
        }
        group.post("classify/batch") { request, context in
            _ = try context.requireIdentity()
            let classifier = try Self.classifier(classification)
            let object = try await Self.body(request, allowed: ["items", "k", "market", "as_of"])
            let options = try Self.options(object, services: services)
            guard let items = object["items"] as? [Any] else { throw Problem.badRequest("items: required, an array of {id, text}") }
            guard !items.isEmpty else { throw Problem.badRequest("items: must hold at least one item") }
            guard items.count <= maxBatchItems else {
                throw Problem.badRequest("items: at most \(maxBatchItems) per batch, got \(items.count); split the batch")
            }
            var results: [Entry] = []
            var failed = 0
            for (index, raw) in items.enumerated() {
                let path = "items[\(index)]"
                var id: JSONValue?
                do {
                    guard let item = raw as? [String: Any] else { throw Problem.badRequest("\(path): must be an object {id, text}") }
                    id = try Self.id(item["id"], path: path)
                    if let unknown = item.keys.first(where: { !["id", "text", "category", "attributes"].contains($0) }) {
                        throw Problem.badRequest("\(path).\(unknown): unknown field; an item holds id, text, category and attributes")
                    }
                    let result = try classifier.classify(try Self.product(item, path: path + ".").text, k: options.k)
                    let lines = try await Self.nationalLines(result, options: options, services: services)
                    results.append(.answer(Answer(id: id, result: result, nationalLines: lines)))
                } catch let problem as Problem {
                    failed += 1
                    results.append(.failure(Failure(id: id, index: index, error: problem.detail)))
                } catch let error as ClassificationError {
                    failed += 1
                    results.append(.failure(Failure(id: id, index: index, error: "\(path): \(error.description)")))
                }
            }
            return JSONBody(BatchResponse(results: results, classified: results.count - failed, failed: failed))
        }
    }

    static func classifier(_ service: ClassificationService) throws -> Classifier {
        switch service.classifier {
        case .success(let classifier): return classifier
        case .failure(let error):
            throw Problem(status: .serviceUnavailable, slug: "classifier-unavailable", title: "Classifier not loaded", detail: error.description)
        }
    }

    /// The request body as a JSON object, refusing invalid UTF-8, other JSON and unknown fields.
    static func body(_ request: Request, allowed: Set<String>) async throws -> [String: Any] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: maxRequestBytes) } catch {
            throw Problem(status: .contentTooLarge, slug: "payload-too-large", title: "Payload too large",
                          detail: "a classification request may be at most \(maxRequestBytes) bytes")
        }
        let data = Data(buffer.readableBytesView)
        guard String(data: data, encoding: .utf8) != nil else {
            throw Problem(status: .badRequest, slug: "invalid-utf8", title: "Invalid UTF-8", detail: ClassificationError.invalidUTF8(context: "the request body").description)
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw Problem.badRequest("the body must be a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw Problem.badRequest("\(unknown): unknown field; expected \(allowed.sorted().joined(separator: ", "))")
        }
        return object
    }

    static func options(_ object: [String: Any], services: CorridorServices) throws -> Options {
        var options = Options(asOf: services.today())
        if let k = object["k"] {
            guard let n = k as? Int, (1...Classifier.maximumK).contains(n) else {
                throw Problem.badRequest("k: must be an integer between 1 and \(Classifier.maximumK)")
            }
            options.k = n
        }
        if let market = object["market"] {
            guard let text = market as? String else { throw Problem.badRequest("market: must be one of US, EU, HS2017") }
            options.market = try TariffMarket(parsing: text)
        }
        if let asOf = object["as_of"] {
            guard let text = asOf as? String, let date = try? CivilDate(parsing: text) else {
                throw Problem.badRequest("as_of: must be a date YYYY-MM-DD")
            }
            options.asOf = date
        }
        return options
    }

    static func product(_ object: [String: Any], path: String) throws -> ProductText {
        guard let value = object["text"] else { throw Problem.badRequest("\(path)text: required, the product title or description") }
        guard let text = value as? String else { throw Problem.badRequest("\(path)text: must be a string") }
        var product = ProductText(title: text)
        if let category = object["category"] {
            guard let text = category as? String else { throw Problem.badRequest("\(path)category: must be a string such as \"Clothing > Dresses\"") }
            product.category = text
        }
        if let attributes = object["attributes"] {
            guard let map = attributes as? [String: Any] else { throw Problem.badRequest("\(path)attributes: must be an object of name → text") }
            for (name, value) in map {
                guard let text = value as? String else { throw Problem.badRequest("\(path)attributes.\(name): must be a string") }
                product.attributes[name] = text
            }
        }
        guard !text.allSatisfy(\.isWhitespace) else { throw ClassificationError.emptyText }
        return product
    }

    static func id(_ value: Any?, path: String) throws -> JSONValue {
        switch value {
        case let text as String: return .string(text)
        case let number as NSNumber: return .number(number.doubleValue)
        default: throw Problem.badRequest("\(path).id: required, a string or a number")
        }
    }

    static func nationalLines(_ result: ClassificationResult, options: Options, services: CorridorServices) async throws -> NationalLines? {
        guard let market = options.market, let first = result.predictions.first else { return nil }
        return try await NationalLines.lookup(hs6: first.hs6, market: market, asOf: options.asOf, reference: services.reference)
    }
}
