/// Paths every command falls back to.
enum DefaultPaths {
    /// The policy used when a command names none.
    static let policy = "Models/default-policy.yaml"
}
