/// Paths of files in the RiskScore repository, computed from this source file's location
/// (`Benchmarks/Sources/BenchmarkSupport/`), so benchmarks find fixtures wherever the
/// repository is checked out.
public enum RepositoryPaths {
    /// The repository root, without a trailing slash.
    public static var root: String {
        var path = Substring(#filePath)
        for _ in 0..<4 {
            guard let slash = path.lastIndex(of: "/") else { return "." }
            path = path[..<slash]
        }
        return String(path)
    }

    /// The absolute path of `relative` (for example `Models/default-policy.yaml`).
    public static func file(_ relative: String) -> String {
        root + "/" + relative
    }
}
