import Foundation
import RiskIO

/// Deterministic, moderately compressible test data: CSV-like lines from a SplitMix64 stream.
func sampleData(byteCount: Int, seed: UInt64 = 0x5EED) -> [UInt8] {
    var state = seed
    func nextRandom() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(byteCount + 128)
    var id = 0
    let merchants = ["acme", "globex", "initech", "umbrella", "hooli", "stark"]
    while bytes.count < byteCount {
        id += 1
        let r = nextRandom()
        let line = "\(id),card-\(r % 50_000),\(merchants[Int(r >> 20) % merchants.count]),\((r >> 32) % 100_000).\(r % 100),\(r >> 40)\n"
        bytes.append(contentsOf: line.utf8)
    }
    return Array(bytes.prefix(byteCount))
}

/// A fresh empty directory under the system temporary directory.
func makeTemporaryDirectory() throws -> String {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("riskio-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
}

func removeDirectory(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func readFile(_ path: String) throws -> [UInt8] {
    try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
}

func fileExists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: path)
}

/// Compresses `bytes` into one frame with a fresh encoder.
func zstdFrame(_ bytes: [UInt8], level: Int32 = 3) throws -> [UInt8] {
    let encoder = try ZstdEncoder(level: level)
    return try bytes.withUnsafeBytes { try encoder.compressFrame($0) }
}

/// Reads a source to the end, collecting everything it delivers in `delivered` (also when it
/// throws part-way).
func drain(_ source: ByteSource, into delivered: inout [UInt8]) throws {
    while let chunk = try source.next() {
        delivered.append(contentsOf: chunk)
    }
}

/// Reads a whole file through a ``ByteSource``.
func readThroughSource(_ path: String, bufferSize: Int = ByteSource.defaultBufferSize) throws -> (bytes: [UInt8], compressed: Bool) {
    let source = try ByteSource(path: path, bufferSize: bufferSize)
    var bytes: [UInt8] = []
    try drain(source, into: &bytes)
    return (bytes, source.isCompressed)
}

/// `true` when the zstd command-line tool is installed.
let zstdCommandAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/zstd")

/// Runs `/usr/bin/zstd` with `arguments`, returning its standard output.
func runZstdCommand(_ arguments: [String]) throws -> (status: Int32, output: [UInt8]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/zstd")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, [UInt8](output))
}

/// `true` when `prefix` is a prefix of `whole`.
func isPrefix(_ prefix: [UInt8], of whole: [UInt8]) -> Bool {
    prefix.count <= whole.count && whole[0..<prefix.count].elementsEqual(prefix)
}
