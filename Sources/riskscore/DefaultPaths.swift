import Foundation

/// Paths every command falls back to.
enum DefaultPaths {
    /// The policy used when a command names none: `Models/default-policy.yaml` of the working
    /// directory, or else of the checkout the executable was built in (found by walking up from
    /// the executable, e.g. from `.build/release/riskscore`), so the commands work from anywhere.
    static let policy: String = locate("Models/default-policy.yaml")

    private static func locate(_ relativePath: String) -> String {
        let files = FileManager.default
        if files.fileExists(atPath: relativePath) { return relativePath }
        let executable = (try? files.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent(relativePath).path
            if files.fileExists(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        return relativePath
    }
}
