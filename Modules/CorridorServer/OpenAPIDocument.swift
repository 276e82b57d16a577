/// The OpenAPI 3.1 document (Docs/openapi.yaml), embedded at build time and served at `/openapi.yaml`.
enum OpenAPIDocument {
    /// The document's bytes.
    static var bytes: [UInt8] { PackageResources.openapi_yaml }
}
