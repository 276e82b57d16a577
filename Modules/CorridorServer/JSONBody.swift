public import Hummingbird
import Foundation

/// Any `Encodable` value as a JSON response, with sorted keys so that output is stable.
public struct JSONBody<Value: Encodable & Sendable>: ResponseGenerator {
    /// The value.
    public let value: Value
    /// The status, 200 unless given.
    public let status: HTTPResponse.Status

    /// Wraps a value.
    public init(_ value: Value, status: HTTPResponse.Status = .ok) {
        self.value = value
        self.status = status
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
