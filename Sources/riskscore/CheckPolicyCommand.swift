import ArgumentParser
import RiskCore

/// `riskscore check-policy [FILE]`: compiles a policy and lists its rules, or reports the error
/// with its line and column.
struct CheckPolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-policy",
        abstract: "Compile a policy file and list its rules, or report the first error with its position."
    )

    @Argument(help: "The policy file.")
    var policy: String = DefaultPaths.policy

    func run() throws {
        do {
            let compiled = try Policy.load(contentsOf: policy)
            print("\(policy): policy '\(compiled.name)' compiled: \(compiled.ruleNames.count) rules, review at \(compiled.reviewThreshold), decline at \(compiled.declineThreshold)")
            for name in compiled.ruleNames { print("  \(name)") }
        } catch {
            throw ValidationError(error.description)
        }
    }
}
