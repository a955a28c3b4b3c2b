/// Bytes appended through a pointer, for text written in thousands of small pieces
/// (figures.json, the manifest's stamps): `Array.append(contentsOf:)` costs about 90 instructions for a few bytes, this
/// about a dozen. `bytes()` hands the result over as an array.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// How many bytes are written.
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `more` bytes.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        grow(toHold: count + more)
    }

    private mutating func grow(toHold needed: Int) {
        let larger = max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// Appends the UTF-8 bytes of `text`, copied whole. Disfavoured, so that a literal is
    /// appended as a `StaticString` (about 10 instructions, not 90 with a retain and a release).
    @_disfavoredOverload
    mutating func append(_ text: String) {
        text.withBorrowedUTF8 { append($0) }
    }

    /// Appends `bytes`, each byte that `escaped` says needs it replaced by what `escape` appends.
    /// One pass, copying runs of plain bytes whole.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, escaped: UnsafeBufferPointer<Bool>,
                         escape: (inout ByteWriter, _ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int) {
        var runStart = 0
        var index = 0
        while index < bytes.count {
            guard escaped[Int(bytes[index])] else {
                index += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += escape(&self, bytes, index)
            runStart = index
        }
        append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }

    /// How many bytes at the start of `bytes` are the same as the `count` bytes written at
    /// `offset`. Compared eight at a time: a name shares most of its bytes with the one before.
    func sharedPrefixCount(_ bytes: UnsafeBufferPointer<UInt8>, withBytesAt offset: Int, count: Int) -> Int {
        guard let start = bytes.baseAddress else { return 0 }
        let limit = min(count, bytes.count)
        let (earlier, later) = (UnsafeRawPointer(base + offset), UnsafeRawPointer(start))
        var shared = 0
        while shared + 8 <= limit {
            let difference = UInt64(littleEndian: earlier.loadUnaligned(fromByteOffset: shared, as: UInt64.self))
                ^ UInt64(littleEndian: later.loadUnaligned(fromByteOffset: shared, as: UInt64.self))
            if difference != 0 { return shared + difference.trailingZeroBitCount / 8 }
            shared += 8
        }
        while shared < limit, earlier.load(fromByteOffset: shared, as: UInt8.self) == later.load(fromByteOffset: shared, as: UInt8.self) {
            shared += 1
        }
        return shared
    }

    /// Appends the bytes that `other` holds in `range`.
    mutating func append(_ other: borrowing ByteWriter, _ range: Range<Int>) {
        append(UnsafeBufferPointer(start: other.base + range.lowerBound, count: range.count))
    }

    /// Appends a copy of the bytes already written at `range`.
    mutating func appendWritten(_ range: Range<Int>) {
        reserve(range.count)
        (base + count).initialize(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Forgets the bytes written, keeping the room they took.
    mutating func removeAll() {
        count = 0
    }

    /// Appends `value.description`, without making a String (which for most shares, 16 bytes
    /// and more, is one on the heap: about 300 instructions to make and free).
    mutating func appendDescription(of value: Double) {
        reserve(DoubleText.capacity)
        var text = DoubleText(start: base + count)
        value.write(to: &text)
        count += text.count
    }

    /// Appends `value` in decimal ASCII digits, without building a String: counted first, then
    /// written from the last, two at a time from a table (a report's `figures.json` has about
    /// 500 numbers; one digit a division and a pass to turn them round cost twice as much).
    mutating func appendDecimal(_ value: Int) {
        reserve(20)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var rest = value.magnitude
        // An Int's magnitude has at most 19 digits, and 10^19 fits in a UInt.
        var digits = 1
        var power: UInt = 10
        while digits < 19, rest >= power {
            digits += 1
            power *= 10
        }
        var end = count + digits
        count = end
        Self.digitPairs.withUnsafeBufferPointer { pairs in
            while rest >= 100 {
                let pair = Int(rest % 100) * 2
                rest /= 100
                base[end - 1] = pairs[pair + 1]
                base[end - 2] = pairs[pair]
                end -= 2
            }
            if rest >= 10 {
                base[end - 1] = pairs[Int(rest) * 2 + 1]
                base[end - 2] = pairs[Int(rest) * 2]
            } else {
                base[end - 1] = UInt8(ascii: "0") + UInt8(rest)
            }
        }
    }

    /// "00" to "99", one after the other.
    private static let digitPairs: [UInt8] = (0..<100).flatMap { [UInt8(ascii: "0") + UInt8($0 / 10), UInt8(ascii: "0") + UInt8($0 % 10)] }

    /// The bytes written, as an array; the writer is used up.
    consuming func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}

/// Where `Double.write(to:)` writes its text: straight into a writer's reserved bytes, through
/// `_writeASCII`, which it calls with the same text as `description` (checked by a test).
private struct DoubleText: TextOutputStream {
    /// More than the longest text of a Double, `-2.2250738585072014e-308` (24 bytes).
    static let capacity = 32
    let start: UnsafeMutablePointer<UInt8>
    var count = 0

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        precondition(count + buffer.count <= Self.capacity, "a Double's text is longer than \(Self.capacity) bytes")
        (start + count).initialize(from: source, count: buffer.count)
        count += buffer.count
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { _writeASCII($0) }
    }
}
