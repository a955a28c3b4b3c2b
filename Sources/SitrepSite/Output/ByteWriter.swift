/// Bytes appended through a pointer, for text written in thousands of small pieces
/// (figures.json, the manifest's stamps): `Array.append(contentsOf:)` costs about 90 instructions for a few bytes, this
/// about a dozen. `bytes()` hands the result over as an array.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
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

    /// Appends the UTF-8 bytes of `text`, copied whole.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
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

    /// Appends `value` in decimal ASCII digits, without building a String.
    mutating func appendDecimal(_ value: Int) {
        reserve(20)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var rest = value.magnitude
        var digits = 0
        repeat {
            base[count + digits] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            digits += 1
        } while rest > 0
        // The digits went in lowest first: turn them round.
        var (low, high) = (count, count + digits - 1)
        while low < high {
            base.swapAt(low, high)
            (low, high) = (low + 1, high - 1)
        }
        count += digits
    }

    /// The bytes written, as an array; the writer is used up.
    consuming func bytes() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }
}

extension UnsafeMutablePointer where Pointee == UInt8 {
    fileprivate func swapAt(_ first: Int, _ second: Int) {
        let kept = self[first]
        self[first] = self[second]
        self[second] = kept
    }
}
