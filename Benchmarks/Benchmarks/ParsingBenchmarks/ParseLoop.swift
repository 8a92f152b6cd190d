import Benchmark
import BenchmarkSupport
import RiskIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses lines of a ``LineBuffer`` round-robin, `benchmark.scaledIterations` lines per
/// iteration, and records the bytes parsed (newlines included) as the ``ByteRate`` metric.
///
/// Only lines the parser accepts are timed: lines it rejects are left out when the loop is
/// built, and their count and first error are written to standard error, after the line count
/// and average line size.
final class ParseLoop {
    private let parser: RecordParser
    private let buffer: LineBuffer
    private let lines: [Range<Int>]
    private var next = 0

    init(name: String, parser: RecordParser, buffer: LineBuffer) {
        var accepted: [Range<Int>] = []
        var firstError: RecordError?
        buffer.bytes.withUnsafeBytes { all in
            for range in buffer.lines {
                do throws(RecordError) {
                    _ = try parser.parse(UnsafeRawBufferPointer(rebasing: all[range]))
                    accepted.append(range)
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
        }
        var note = "\(name): \(buffer.lines.count) generated lines, \(buffer.bytes.count) bytes, "
            + "average \(Int(buffer.averageLineBytes.rounded())) bytes per line with its newline\n"
        if let firstError {
            note += "\(name): \(buffer.lines.count - accepted.count) of \(buffer.lines.count) generated lines rejected by the parser and left out (first: \(firstError))\n"
        }
        _ = note.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        if accepted.isEmpty { fatalError("\(name): no line to parse") }
        self.parser = parser
        self.buffer = buffer
        lines = accepted
    }

    func run(_ benchmark: Benchmark) {
        var index = next
        var bytes = 0
        let lines = self.lines
        buffer.bytes.withUnsafeBytes { all in
            benchmark.startMeasurement()
            let cpuStart = ThreadCPUTime.now()
            let start = MonotonicClock.nanoseconds()
            for _ in benchmark.scaledIterations {
                let range = lines[index]
                blackHole(try? parser.parse(UnsafeRawBufferPointer(rebasing: all[range])))
                bytes &+= range.count &+ 1
                index += 1
                if index == lines.count { index = 0 }
            }
            let elapsed = MonotonicClock.nanoseconds() - start
            benchmark.stopMeasurement()
            ThreadCPUTime.record(since: cpuStart, on: benchmark)
            ByteRate.record(bytes: bytes, nanoseconds: elapsed, on: benchmark)
        }
        next = index
    }
}
