import RiskCore

/// A binary min-heap of feedback by report time; ties leave in insertion order.
struct FeedbackHeap {
    private var items: [(feedback: Feedback, sequence: Int)] = []
    private var nextSequence = 0

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    var first: Feedback? { items.first?.feedback }

    mutating func insert(_ feedback: Feedback) {
        items.append((feedback, nextSequence))
        nextSequence += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeFirst() -> Feedback {
        let top = items[0].feedback
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, less(left, smallest) { smallest = left }
                if right < items.count, less(right, smallest) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        let x = items[a], y = items[b]
        return x.feedback.reportTime != y.feedback.reportTime ? x.feedback.reportTime < y.feedback.reportTime : x.sequence < y.sequence
    }
}
