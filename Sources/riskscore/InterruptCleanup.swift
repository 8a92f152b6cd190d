#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes temporary output files when the process is interrupted (SIGINT, SIGTERM, SIGHUP), so
/// that an interrupted run leaves neither an output file nor its temporary.
enum InterruptCleanup {
    /// The temporary paths as C strings, read by the signal handler (set before it is installed).
    nonisolated(unsafe) private static var paths: [UnsafeMutablePointer<CChar>] = []

    /// Installs the handler for `temporaryPaths`.
    static func install(_ temporaryPaths: [String]) {
        paths = temporaryPaths.compactMap { strdup($0) }
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { received in
                for path in InterruptCleanup.paths { unlink(path) }
                _exit(128 + received)
            }
        }
    }
}
