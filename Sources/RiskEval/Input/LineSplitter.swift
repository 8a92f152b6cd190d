/// Splits a stream of byte chunks into lines (without `\n` or a trailing `\r`), carrying a line
/// that straddles two chunks in a reused buffer.
struct LineSplitter {
    private var carry: [UInt8] = []

    /// Calls `body` for every complete line in `chunk`; the bytes after the last newline are kept
    /// for the next chunk (or ``finish(_:)``).
    mutating func split(_ chunk: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var start = 0
        var index = 0
        let count = chunk.count
        while index < count {
            if chunk[index] == 0x0A {
                if carry.isEmpty {
                    try emit(UnsafeRawBufferPointer(rebasing: chunk[start..<index]), body)
                } else {
                    carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<index]))
                    try carry.withUnsafeBytes { try emit($0, body) }
                    carry.removeAll(keepingCapacity: true)
                }
                start = index + 1
            }
            index += 1
        }
        if start < count { carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[start..<count])) }
    }

    /// Emits the last line if the input did not end with a newline.
    mutating func finish(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard !carry.isEmpty else { return }
        try carry.withUnsafeBytes { try emit($0, body) }
        carry.removeAll(keepingCapacity: true)
    }

    private func emit(_ line: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        if let last = line.last, last == 0x0D {
            try body(UnsafeRawBufferPointer(rebasing: line[0..<(line.count - 1)]))
        } else {
            try body(line)
        }
    }
}
