/// The card status lists (lost, stolen, frozen, allow-listed) of one partition: an open-addressing
/// map from card hash to ``CardStatus`` that grows as needed and is never evicted.
final class StatusTable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var values: UnsafeMutablePointer<CardStatus>
    private var mask: Int
    private(set) var count = 0

    init() {
        mask = 15
        keys = .allocate(capacity: 16)
        keys.initialize(repeating: 0, count: 16)
        values = .allocate(capacity: 16)
        values.initialize(repeating: .normal, count: 16)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The status of a card (``CardStatus/normal`` when not listed).
    @inline(__always)
    func status(of card: UInt64) -> CardStatus {
        guard count > 0 else { return .normal }
        let key = Self.stored(card)
        var slot = Int(truncatingIfNeeded: key &* 0x9E37_79B9_7F4A_7C15) & mask
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return .normal }
            slot = (slot + 1) & mask
        }
    }

    /// Sets a card's status; ``CardStatus/normal`` keeps a tombstone-free entry with that value.
    func set(_ status: CardStatus, for card: UInt64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        let key = Self.stored(card)
        var slot = Int(truncatingIfNeeded: key &* 0x9E37_79B9_7F4A_7C15) & mask
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = status
    }

    private func grow() {
        let oldKeys = keys, oldValues = values, oldSize = mask + 1
        mask = oldSize * 2 - 1
        keys = .allocate(capacity: oldSize * 2)
        keys.initialize(repeating: 0, count: oldSize * 2)
        values = .allocate(capacity: oldSize * 2)
        values.initialize(repeating: .normal, count: oldSize * 2)
        count = 0
        for slot in 0..<oldSize where oldKeys[slot] != 0 { set(oldValues[slot], for: oldKeys[slot]) }
        oldKeys.deallocate()
        oldValues.deallocate()
    }
}
