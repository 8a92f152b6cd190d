import Benchmark
import BenchmarkSupport
import RiskIngest

/// Parses lines of a ``LineBuffer`` round-robin, `benchmark.scaledIterations` lines per
/// iteration, and records the bytes parsed (newlines included) as the ``ByteRate`` metric.
final class ParseLoop {
    private let parser: RecordParser
    private let buffer: LineBuffer
    private var next = 0

    init(parser: RecordParser, buffer: LineBuffer) {
        precondition(!buffer.lines.isEmpty, "nothing to parse")
        self.parser = parser
        self.buffer = buffer
    }

    func run(_ benchmark: Benchmark) {
        var index = next
        var bytes = 0
        var failures = 0
        let lines = buffer.lines
        buffer.bytes.withUnsafeBytes { all in
            benchmark.startMeasurement()
            let start = MonotonicClock.nanoseconds()
            for _ in benchmark.scaledIterations {
                let range = lines[index]
                do {
                    blackHole(try parser.parse(UnsafeRawBufferPointer(rebasing: all[range])))
                } catch {
                    failures += 1
                }
                bytes &+= range.count &+ 1
                index += 1
                if index == lines.count { index = 0 }
            }
            let elapsed = MonotonicClock.nanoseconds() - start
            benchmark.stopMeasurement()
            ByteRate.record(bytes: bytes, nanoseconds: elapsed, on: benchmark)
        }
        precondition(failures == 0, "\(failures) generated lines failed to parse")
        next = index
    }
}
