/// Maps model feature names to positions in a caller's schema.
enum SchemaMapping {
    /// For each name in `features`, its index in `schema`.
    ///
    /// - Throws: ``ModelLoadError/duplicateSchemaFeature(source:feature:)`` if `schema` repeats a
    ///   name, ``ModelLoadError/featureNotInSchema(source:feature:)`` for the first feature that
    ///   `schema` lacks.
    static func indices(of features: [String], in schema: [String], source: String) throws -> [Int32] {
        var position: [String: Int32] = [:]
        position.reserveCapacity(schema.count)
        for (i, name) in schema.enumerated() {
            if position.updateValue(Int32(i), forKey: name) != nil {
                throw ModelLoadError.duplicateSchemaFeature(source: source, feature: name)
            }
        }
        return try features.map { name in
            guard let i = position[name] else {
                throw ModelLoadError.featureNotInSchema(source: source, feature: name)
            }
            return i
        }
    }
}
