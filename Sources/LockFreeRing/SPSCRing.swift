import Atomics

/// A bounded, lock-free, single-producer / single-consumer ring buffer.
///
/// One thread (the producer) calls ``tryPush(_:)``, ``push(_:)``, ``tryPush(contentsOf:)``
/// and ``close()``; one other thread (the consumer) calls ``tryPop()``, ``pop()`` and
/// ``tryPop(upTo:_:)``. Elements arrive in the order they were pushed, each exactly once.
///
/// ## Layout
/// The producer's index (`tail`) and the consumer's index (`head`) are `UnsafeAtomic<Int>`s
/// placed in memory the ring allocates, on separate 128-byte blocks (the x86-64 spatial
/// prefetcher pulls cache lines in pairs). Each block also holds its owner's cached copy of
/// the other side's index, so a side reads the shared atomic only when its copy says the ring
/// is full (producer) or empty (consumer). The slot array is padded by 128 bytes at both
/// ends. The producer initializes a slot and then stores `tail` with release ordering; the
/// consumer loads `tail` with acquire ordering, moves the element out, then stores `head`
/// with release ordering so the producer never reuses a slot that is still being read.
///
/// ## Blocking
/// ``push(_:)`` and ``pop()`` wait with back-pressure: a short spin, then `sched_yield`,
/// then `nanosleep` with a growing (capped) interval. ``pop()`` returns `nil` once the
/// producer has called ``close()`` and the ring is drained.
///
/// ## Sendability
/// The class is `@unchecked Sendable` because it is shared by exactly two threads under the
/// single-producer / single-consumer contract: at most one thread at a time may act as the
/// producer and at most one as the consumer. The atomics and their orderings make that
/// sharing safe; calling producer methods (or consumer methods) from two threads at once is a
/// data race the type does not guard against.
public final class SPSCRing<Element>: @unchecked Sendable {
    /// Bytes reserved for each side's control block and for the padding around the slots.
    @usableFromInline static var lineSize: Int { 128 }

    /// The number of elements the ring can hold: a power of two.
    public let capacity: Int

    @usableFromInline let mask: Int
    @usableFromInline let slots: UnsafeMutablePointer<Element>
    @usableFromInline let slotAllocation: UnsafeMutableRawPointer
    @usableFromInline let control: UnsafeMutableRawPointer

    /// Producer block: the shared `tail` and the producer's cached copy of `head`.
    @usableFromInline let tail: UnsafeAtomic<Int>
    @usableFromInline let producerCachedHead: UnsafeMutablePointer<Int>
    /// Consumer block: the shared `head` and the consumer's cached copy of `tail`.
    @usableFromInline let head: UnsafeAtomic<Int>
    @usableFromInline let consumerCachedTail: UnsafeMutablePointer<Int>
    /// Third block: set once by the producer's ``close()``.
    @usableFromInline let closed: UnsafeAtomic<Bool>

    /// Creates an empty ring.
    ///
    /// - Parameter capacity: The number of elements the ring holds; must be a power of two
    ///   and at least 2.
    public init(capacity: Int) {
        precondition(capacity >= 2 && capacity & (capacity - 1) == 0, "capacity must be a power of two >= 2")
        let line = Self.lineSize
        self.capacity = capacity
        mask = capacity - 1

        control = .allocate(byteCount: 3 * line, alignment: line)
        let tailStorage = control.bindMemory(to: Int.AtomicRepresentation.self, capacity: 1)
        tailStorage.initialize(to: .init(0))
        tail = UnsafeAtomic(at: tailStorage)
        producerCachedHead = (control + MemoryLayout<Int.AtomicRepresentation>.stride)
            .bindMemory(to: Int.self, capacity: 1)
        producerCachedHead.initialize(to: 0)

        let headStorage = (control + line).bindMemory(to: Int.AtomicRepresentation.self, capacity: 1)
        headStorage.initialize(to: .init(0))
        head = UnsafeAtomic(at: headStorage)
        consumerCachedTail = (control + line + MemoryLayout<Int.AtomicRepresentation>.stride)
            .bindMemory(to: Int.self, capacity: 1)
        consumerCachedTail.initialize(to: 0)

        let closedStorage = (control + 2 * line).bindMemory(to: Bool.AtomicRepresentation.self, capacity: 1)
        closedStorage.initialize(to: .init(false))
        closed = UnsafeAtomic(at: closedStorage)

        let stride = MemoryLayout<Element>.stride
        let alignment = max(line, MemoryLayout<Element>.alignment)
        let padding = (line + alignment - 1) / alignment * alignment
        slotAllocation = .allocate(byteCount: padding * 2 + stride * capacity, alignment: alignment)
        slots = (slotAllocation + padding).bindMemory(to: Element.self, capacity: capacity)
    }

    deinit {
        var index = head.load(ordering: .relaxed)
        let end = tail.load(ordering: .relaxed)
        while index != end {
            (slots + (index & mask)).deinitialize(count: 1)
            index &+= 1
        }
        slotAllocation.deallocate()
        control.deallocate()
    }

    // MARK: Producer

    /// Appends `element` if there is room. Producer only.
    ///
    /// - Parameter element: The element to append.
    /// - Returns: `true` if the element was appended, `false` if the ring was full.
    @inlinable
    public func tryPush(_ element: Element) -> Bool {
        assert(!closed.load(ordering: .relaxed), "push after close()")
        let index = tail.load(ordering: .relaxed)
        if index &- producerCachedHead.pointee == capacity {
            producerCachedHead.pointee = head.load(ordering: .acquiring)
            if index &- producerCachedHead.pointee == capacity { return false }
        }
        (slots + (index & mask)).initialize(to: element)
        tail.store(index &+ 1, ordering: .releasing)
        return true
    }

    /// Appends as many elements from the front of `elements` as fit, publishing them with a
    /// single release store. Producer only.
    ///
    /// - Parameter elements: The elements to append, in order; they are copied.
    /// - Returns: The number of elements appended (a prefix of `elements`); 0 if the ring was full.
    @inlinable
    public func tryPush(contentsOf elements: UnsafeBufferPointer<Element>) -> Int {
        assert(!closed.load(ordering: .relaxed), "push after close()")
        guard let source = elements.baseAddress, !elements.isEmpty else { return 0 }
        let index = tail.load(ordering: .relaxed)
        var free = capacity &- (index &- producerCachedHead.pointee)
        if free < elements.count {
            producerCachedHead.pointee = head.load(ordering: .acquiring)
            free = capacity &- (index &- producerCachedHead.pointee)
        }
        let count = min(free, elements.count)
        guard count > 0 else { return 0 }
        let start = index & mask
        let firstRun = min(count, capacity - start)
        (slots + start).initialize(from: source, count: firstRun)
        if firstRun < count {
            slots.initialize(from: source + firstRun, count: count - firstRun)
        }
        tail.store(index &+ count, ordering: .releasing)
        return count
    }

    /// Appends `element`, waiting while the ring is full. Producer only.
    ///
    /// - Parameter element: The element to append.
    @inlinable
    public func push(_ element: Element) {
        if tryPush(element) { return }
        var backoff = Backoff()
        repeat {
            backoff.wait()
        } while !tryPush(element)
    }

    /// Marks the end of the stream. Producer only; push nothing afterwards.
    ///
    /// Elements already pushed are still delivered; once they are drained, ``pop()`` returns
    /// `nil`.
    public func close() {
        closed.store(true, ordering: .releasing)
    }

    // MARK: Consumer

    /// Removes and returns the oldest element, or `nil` if the ring is empty. Consumer only.
    ///
    /// - Returns: The oldest element, or `nil` when the ring is (momentarily) empty.
    @inlinable
    public func tryPop() -> Element? {
        let index = head.load(ordering: .relaxed)
        if index == consumerCachedTail.pointee {
            consumerCachedTail.pointee = tail.load(ordering: .acquiring)
            if index == consumerCachedTail.pointee { return nil }
        }
        let element = (slots + (index & mask)).move()
        head.store(index &+ 1, ordering: .releasing)
        return element
    }

    /// Removes up to `maxCount` of the oldest elements, handing each to `body` in order, and
    /// frees their slots with a single release store. Consumer only.
    ///
    /// - Parameters:
    ///   - maxCount: The most elements to remove.
    ///   - body: Receives each removed element, oldest first.
    /// - Returns: The number of elements removed; 0 if the ring was empty.
    @inlinable
    public func tryPop(upTo maxCount: Int, _ body: (Element) throws -> Void) rethrows -> Int {
        let index = head.load(ordering: .relaxed)
        var available = consumerCachedTail.pointee &- index
        if available < maxCount {
            consumerCachedTail.pointee = tail.load(ordering: .acquiring)
            available = consumerCachedTail.pointee &- index
        }
        let count = min(available, maxCount)
        guard count > 0 else { return 0 }
        var taken = 0
        defer { head.store(index &+ taken, ordering: .releasing) }
        while taken < count {
            let element = (slots + ((index &+ taken) & mask)).move()
            taken += 1
            try body(element)
        }
        return count
    }

    /// Removes and returns the oldest element, waiting while the ring is empty. Consumer only.
    ///
    /// - Returns: The oldest element, or `nil` once the producer has called ``close()`` and
    ///   every element pushed before it has been removed.
    @inlinable
    public func pop() -> Element? {
        if let element = tryPop() { return element }
        var backoff = Backoff()
        while true {
            if closed.load(ordering: .acquiring) {
                // Every push happened before close(): one more look finds any stragglers.
                return tryPop()
            }
            backoff.wait()
            if let element = tryPop() { return element }
        }
    }

    // MARK: Observers

    /// `true` once the producer has called ``close()``.
    public var isClosed: Bool {
        closed.load(ordering: .acquiring)
    }

    /// The number of elements in the ring at some moment during the call: exact only when
    /// neither side is active.
    public var approximateCount: Int {
        let tailIndex = tail.load(ordering: .acquiring)
        let headIndex = head.load(ordering: .acquiring)
        return max(0, min(capacity, tailIndex &- headIndex))
    }
}
