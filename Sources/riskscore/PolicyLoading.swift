import ArgumentParser
import RiskCore

/// Loads a policy file for a command: a load error (with its rule, line and column) becomes
/// the command's usage error.
func loadPolicy(_ path: String) throws -> Policy {
    do { return try Policy.load(contentsOf: path) } catch { throw ValidationError(error.description) }
}
