import LockFreeRing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves `count` integers through an ``SPSCRing`` from the calling thread (producer) to a
/// consumer thread, and returns the consumer's checksum so the work cannot be optimised away.
enum RingTransfer {
    /// Elements moved per benchmark iteration.
    static let elementsPerIteration = 1_000_000
    /// Elements per `tryPush(contentsOf:)` / `tryPop(upTo:_:)` call in the batch variants.
    static let batchSize = 64

    /// One element per call: `push` on the producer, `pop` on the consumer (both wait with the
    /// ring's own back-off).
    static func single(_ ring: SPSCRing<Int>, count: Int) -> Int {
        let result = ChecksumBox()
        let consumer = JoinableThread {
            var sum = 0
            for _ in 0..<count { sum &+= ring.pop()! }
            result.value = sum
        }
        for value in 0..<count { ring.push(value) }
        consumer.join()
        return result.value
    }

    /// ``batchSize`` elements per call on both sides, yielding the core when the ring is full
    /// (producer) or empty (consumer).
    static func batch(_ ring: SPSCRing<Int>, count: Int) -> Int {
        let result = ChecksumBox()
        let consumer = JoinableThread {
            var sum = 0
            var received = 0
            while received < count {
                let taken = ring.tryPop(upTo: batchSize) { sum &+= $0 }
                if taken == 0 { sched_yield() }
                received += taken
            }
            result.value = sum
        }
        var values = [Int](repeating: 0, count: batchSize)
        var next = 0
        values.withUnsafeMutableBufferPointer { buffer in
            while next < count {
                let size = min(batchSize, count - next)
                for slot in 0..<size { buffer[slot] = next + slot }
                var offset = 0
                while offset < size {
                    let pushed = ring.tryPush(contentsOf: UnsafeBufferPointer(rebasing: buffer[offset..<size]))
                    if pushed == 0 { sched_yield() }
                    offset += pushed
                }
                next += size
            }
        }
        consumer.join()
        return result.value
    }

    /// The checksum the consumer must produce: the sum of `0..<count`.
    static func expectedChecksum(_ count: Int) -> Int { count * (count - 1) / 2 }
}

/// The consumer's result, written by the consumer before `join` and read by the producer after
/// it; the join orders the two accesses.
private final class ChecksumBox: @unchecked Sendable {
    var value = 0
}
