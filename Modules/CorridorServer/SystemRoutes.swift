import CorridorModel
import Hummingbird
import Foundation
import Prometheus

/// `/health`, `/metrics` and `/openapi.yaml`: unauthenticated, for load balancers, Prometheus and clients.
enum SystemRoutes {
    struct Health: Codable, Sendable {
        let status: String
        let releases: [String]
    }

    static func add(to router: Router<CorridorRequestContext>, services: CorridorServices) {
        router.get("health") { _, _ -> JSONBody<Health> in
            // Touches the database, so a broken store shows up as unhealthy.
            let releases = try await services.reference.releases().map(\.id)
            return JSONBody(Health(status: "ok", releases: releases))
        }
        router.get("metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.emitToBuffer())))
        }
        router.get("openapi.yaml") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.bytes)))
        }
    }
}
