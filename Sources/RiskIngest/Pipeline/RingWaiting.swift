import LockFreeRing

extension SPSCRing {
    /// Removes the oldest element, waiting with ``SpinWait`` while the ring is empty; `nil` once
    /// the producer has closed the ring and it is drained. Consumer only.
    func popWaiting() -> Element? {
        if let element = tryPop() { return element }
        var wait = Backoff.pipelineStage()
        while true {
            if isClosed { return tryPop() }
            wait.wait()
            if let element = tryPop() { return element }
        }
    }

    /// Appends `element`, waiting with ``SpinWait`` while the ring is full. Producer only.
    func pushWaiting(_ element: Element) {
        guard !tryPush(element) else { return }
        var wait = Backoff.pipelineStage()
        while !tryPush(element) { wait.wait() }
    }
}
