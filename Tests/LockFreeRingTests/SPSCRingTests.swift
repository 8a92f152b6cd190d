import Foundation
import Synchronization
import Testing
import LockFreeRing

/// A per-test count of live ``Tracked`` instances (tests run in parallel).
final class LiveCounter: Sendable {
    let live = Atomic<Int>(0)
    var count: Int { live.load(ordering: .relaxed) }
}

/// Counts live instances, to prove the ring neither leaks nor double-frees its elements.
final class Tracked: Sendable {
    let value: Int
    let counter: LiveCounter

    init(_ value: Int, _ counter: LiveCounter) {
        self.value = value
        self.counter = counter
        counter.live.add(1, ordering: .relaxed)
    }

    deinit {
        counter.live.subtract(1, ordering: .relaxed)
    }
}

/// Runs `body` on a new thread; the returned semaphore is signalled when it finishes.
func spawn(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        body()
        done.signal()
    }
    thread.start()
    return done
}

@Suite("SPSCRing")
struct SPSCRingTests {
    @Test("capacity must be a power of two; tryPush fails when full, tryPop when empty")
    func boundedSingleThread() {
        let ring = SPSCRing<Int>(capacity: 4)
        #expect(ring.capacity == 4)
        #expect(ring.tryPop() == nil)
        for value in 0..<4 { #expect(ring.tryPush(value)) }
        #expect(!ring.tryPush(99))
        #expect(ring.approximateCount == 4)
        #expect(ring.tryPop() == 0)
        #expect(ring.tryPush(4))
        #expect(!ring.tryPush(5))
        var popped: [Int] = []
        while let value = ring.tryPop() { popped.append(value) }
        #expect(popped == [1, 2, 3, 4])
        #expect(ring.approximateCount == 0)
    }

    @Test("indices wrap around the slot array many times")
    func wrapAround() {
        let ring = SPSCRing<Int>(capacity: 8)
        var next = 0
        var expected = 0
        for round in 0..<1_000 {
            for _ in 0..<(round % 8 + 1) {
                #expect(ring.tryPush(next))
                next += 1
            }
            while let value = ring.tryPop() {
                #expect(value == expected)
                expected += 1
            }
        }
        #expect(expected == next)
    }

    @Test("two threads move 2,000,000 integers through a 64-slot ring, each once, in order")
    func twoThreadsInOrder() {
        let total = 2_000_000
        let ring = SPSCRing<Int>(capacity: 64)
        let producerDone = spawn {
            for value in 0..<total { ring.push(value) }
            ring.close()
        }
        var expected = 0
        var outOfOrder = 0
        while let value = ring.pop() {
            if value != expected { outOfOrder += 1 }
            expected += 1
        }
        producerDone.wait()
        #expect(outOfOrder == 0)
        #expect(expected == total)
        #expect(ring.pop() == nil)
    }

    @Test("batch push and batch pop across two threads keep order and count")
    func batchesAcrossThreads() {
        let total = 1_000_000
        let ring = SPSCRing<Int>(capacity: 128)
        let producerDone = spawn {
            var batch = [Int](repeating: 0, count: 50)
            var next = 0
            while next < total {
                let count = min(batch.count, total - next)
                for index in 0..<count { batch[index] = next + index }
                var sent = 0
                while sent < count {
                    let pushed = batch.withUnsafeBufferPointer {
                        ring.tryPush(contentsOf: UnsafeBufferPointer(rebasing: $0[sent..<count]))
                    }
                    if pushed == 0 { sched_yield() }
                    sent += pushed
                }
                next += count
            }
            ring.close()
        }
        var expected = 0
        var outOfOrder = 0
        while true {
            let taken = ring.tryPop(upTo: 32) { value in
                if value != expected { outOfOrder += 1 }
                expected += 1
            }
            if taken == 0 {
                if ring.isClosed && ring.approximateCount == 0 { break }
                sched_yield()
            }
        }
        producerDone.wait()
        #expect(outOfOrder == 0)
        #expect(expected == total)
    }

    @Test("close lets pop drain what was pushed, then return nil for good")
    func closeThenDrain() {
        let ring = SPSCRing<String>(capacity: 16)
        for word in ["a", "b", "c"] { ring.push(word) }
        #expect(!ring.isClosed)
        ring.close()
        #expect(ring.isClosed)
        #expect(ring.pop() == "a")
        #expect(ring.pop() == "b")
        #expect(ring.pop() == "c")
        #expect(ring.pop() == nil)
        #expect(ring.pop() == nil)
    }

    @Test("a consumer blocked in pop wakes up when the producer closes an empty ring")
    func closeWakesBlockedConsumer() {
        let ring = SPSCRing<Int>(capacity: 2)
        let producerDone = spawn {
            usleep(20_000)
            ring.push(7)
            usleep(20_000)
            ring.close()
        }
        #expect(ring.pop() == 7)
        #expect(ring.pop() == nil)
        producerDone.wait()
    }

    @Test("class references are released exactly once: popped, or still inside at deinit")
    func noLeaksWithReferences() {
        let counter = LiveCounter()
        do {
            let ring = SPSCRing<Tracked>(capacity: 32)
            for value in 0..<20 { ring.push(Tracked(value, counter)) }
            var popped: [Int] = []
            for _ in 0..<5 { popped.append(ring.pop()!.value) }
            #expect(popped == [0, 1, 2, 3, 4])
            var batched: [Int] = []
            _ = ring.tryPop(upTo: 3) { batched.append($0.value) }
            #expect(batched == [5, 6, 7])
            // Wrap the indices so the remaining elements straddle the end of the slot array.
            for value in 20..<40 { #expect(ring.tryPush(Tracked(value, counter))) }
            #expect(counter.count == 32)
        }
        #expect(counter.count == 0)
    }

    @Test("class references survive a threaded transfer and nothing leaks")
    func threadedReferences() {
        let counter = LiveCounter()
        let total = 100_000
        do {
            let ring = SPSCRing<Tracked>(capacity: 64)
            let producerDone = spawn {
                for value in 0..<total { ring.push(Tracked(value, counter)) }
                ring.close()
            }
            var sum = 0
            var count = 0
            while let item = ring.pop() {
                sum &+= item.value
                count += 1
            }
            producerDone.wait()
            #expect(count == total)
            #expect(sum == total * (total - 1) / 2)
        }
        #expect(counter.count == 0)
    }

    @Test("push blocks while the ring is full and resumes when the consumer makes room")
    func pushBlocksWhenFull() {
        let ring = SPSCRing<Int>(capacity: 2)
        let producerDone = spawn {
            for value in 0..<3 { ring.push(value) }
        }
        // Wait (however slowly the thread starts) until the ring is full...
        let deadline = DispatchTime.now() + .seconds(30)
        while ring.approximateCount < 2 && DispatchTime.now() < deadline { usleep(1_000) }
        #expect(ring.approximateCount == 2)
        // ...then the third push cannot complete until a slot is freed.
        #expect(producerDone.wait(timeout: .now() + .milliseconds(100)) == .timedOut)
        #expect(ring.pop() == 0)
        producerDone.wait()
        #expect(ring.pop() == 1)
        #expect(ring.pop() == 2)
        #expect(ring.tryPop() == nil)
    }

    @Test("a capacity that is not a power of two is rejected")
    func rejectsOddCapacity() async {
        await #expect(processExitsWith: .failure) {
            _ = SPSCRing<Int>(capacity: 48)
        }
    }
}
