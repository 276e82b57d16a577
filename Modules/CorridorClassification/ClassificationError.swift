import Foundation

/// Why classification, training or a model file failed, worded so that the reader can act on it.
public enum ClassificationError: Error, CustomStringConvertible, Equatable {
    /// The product text is empty or holds only whitespace.
    case emptyText
    /// The input bytes are not valid UTF-8.
    case invalidUTF8(context: String)
    /// An argument is out of range.
    case invalidArgument(name: String, reason: String)
    /// A training source could not be read or parsed.
    case unreadableSource(path: String, reason: String)
    /// The corpus has too little to train on.
    case insufficientCorpus(String)
    /// The model file is not a Corridor classifier, is damaged, or was written by another format version.
    case invalidModelFile(path: String, reason: String)
    /// Writing the model file failed.
    case unwritableModelFile(path: String, reason: String)
    /// Writing the corpus export failed.
    case unwritableExport(path: String, reason: String)
    /// A labelled evaluation line or batch line is malformed.
    case invalidLine(number: Int, reason: String)

    public var description: String {
        switch self {
        case .emptyText:
            return "the product text is empty: give a product title or description to classify"
        case .invalidUTF8(let context):
            return "\(context) is not valid UTF-8: re-encode it as UTF-8"
        case .invalidArgument(let name, let reason):
            return "\(name): \(reason)"
        case .unreadableSource(let path, let reason):
            return "cannot read training source \(path): \(reason)"
        case .insufficientCorpus(let reason):
            return "the training corpus is not usable: \(reason)"
        case .invalidModelFile(let path, let reason):
            return "\(path) is not a usable classifier model: \(reason); retrain it with `corridor-classify train`"
        case .unwritableModelFile(let path, let reason):
            return "cannot write the model to \(path): \(reason)"
        case .unwritableExport(let path, let reason):
            return "cannot write the corpus export to \(path): \(reason)"
        case .invalidLine(let number, let reason):
            return "line \(number): \(reason)"
        }
    }
}
