/// An error raised while reading a model file or binding a model to a feature schema.
///
/// Every case names the model source (usually a file path) and says what is wrong, so a
/// message such as `xgb.json: tree 3: left_children has 12 entries, expected 13` can be
/// shown to an operator as it is.
public enum ModelLoadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(source: String, reason: String)
    /// The file was read but its content is not a valid model of the expected format.
    case malformed(source: String, reason: String)
    /// The file is a valid model, but uses a feature this library does not implement
    /// (for example a multi-class objective or linear trees).
    case unsupported(source: String, reason: String)
    /// A feature the model needs is not present in the caller's schema.
    case featureNotInSchema(source: String, feature: String)
    /// The caller's schema names the same feature twice.
    case duplicateSchemaFeature(source: String, feature: String)

    /// A one-line human-readable description: source, then what is wrong.
    public var description: String {
        switch self {
        case let .unreadable(source, reason):
            return "\(source): cannot read model: \(reason)"
        case let .malformed(source, reason):
            return "\(source): malformed model: \(reason)"
        case let .unsupported(source, reason):
            return "\(source): unsupported model: \(reason)"
        case let .featureNotInSchema(source, feature):
            return "\(source): model feature '\(feature)' is not in the schema"
        case let .duplicateSchemaFeature(source, feature):
            return "\(source): schema names feature '\(feature)' more than once"
        }
    }
}
