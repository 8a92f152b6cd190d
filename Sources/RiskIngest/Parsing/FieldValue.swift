/// Where a field's value sits in the line and how to read it: the parsers record one per
/// canonical field, and ``RecordAssembler`` turns them into a record.
struct FieldValue {
    /// How the bytes in `start..<end` are to be read.
    enum Kind: UInt8 {
        /// The field is absent (or JSON `null`, or an empty value).
        case absent
        /// Plain text: a JSON string without escapes, or a CSV field.
        case text
        /// A JSON string containing backslash escapes.
        case jsonEscaped
        /// A quoted CSV field containing doubled quotes (`""`).
        case csvEscaped
        /// A JSON number literal.
        case number
        /// JSON `true`.
        case jsonTrue
        /// JSON `false`.
        case jsonFalse
        /// A JSON object or array.
        case composite
    }

    var start: Int
    var end: Int
    var kind: Kind

    static let absent = FieldValue(start: 0, end: 0, kind: .absent)
}
