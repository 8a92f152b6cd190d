import Foundation

/// Runs a body on `count` dedicated threads at once and collects one result per thread.
///
/// The threads wait on a shared start signal, so thread creation is not part of a measurement;
/// ``run(_:_:)`` returns once every thread has finished.
enum ThreadGroup {
    /// Results written by the threads, one slot each; read only after all have finished.
    private final class Slots<Result>: @unchecked Sendable {
        var values: [Result?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }

    /// Starts `count` threads running `body(threadIndex)`, releases them together, waits for
    /// all of them and returns their results in thread order plus the wall-clock seconds from
    /// the release to the last finish.
    static func run<Result: Sendable>(_ count: Int, _ body: @escaping @Sendable (Int) -> Result) -> (results: [Result], wallSeconds: Double) {
        let slots = Slots<Result>(count: count)
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        for index in 0..<count {
            let thread = Thread {
                ready.signal()
                go.wait()
                let result = body(index)
                slots.values[index] = result
                finished.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<count { ready.wait() }
        let watch = Stopwatch()
        for _ in 0..<count { go.signal() }
        for _ in 0..<count { finished.wait() }
        let seconds = watch.wallSeconds
        return (slots.values.map { $0! }, seconds)
    }
}
