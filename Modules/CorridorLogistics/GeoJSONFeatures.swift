import Foundation

/// The `features` of a GeoJSON FeatureCollection, with errors that name the file.
enum GeoJSONFeatures {
    static func parse(_ data: Data, file: String) throws(LogisticsError) -> [[String: Any]] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .malformedFile(file: file, line: 0, reason: "not JSON: \(error.localizedDescription)")
        }
        guard let object = root as? [String: Any], let features = object["features"] as? [[String: Any]] else {
            throw .malformedFile(file: file, line: 0, reason: "no `features` array (a GeoJSON FeatureCollection is expected)")
        }
        return features
    }

    static func read(_ url: URL) throws(LogisticsError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .malformedFile(file: url.path, line: 0, reason: "cannot be read (\(error.localizedDescription))")
        }
    }
}
