/// The positions of a report's figures by name: a table of positions probed by a hash of the
/// name's bytes, the names themselves staying in the figures.
///
/// A `[String: Int]` hashed every name with SipHash (about 240 instructions a lookup, 5 per cent
/// of a build's instructions: each figure is looked up when added, when counted and when a
/// placeholder names it); this hash reads eight bytes at a time. Names are equal as Strings
/// compare, canonically equivalent spellings too: a name that is not ASCII is hashed by its
/// NFC bytes, as `String` itself hashes, and candidates are compared as Strings.
struct FigureNameIndex: Sendable {
    /// For each slot, the position of a figure plus one; 0 for a free slot. At least twice as
    /// many slots as names, so that probes stay short.
    private var slots: [Int32] = []
    /// The hash of the name in each slot, so that a probe compares only names that may match.
    private var hashes: [UInt64] = []
    private var mask = -1
    private(set) var count = 0

    /// Where `name` would go: the position already there, or the free slot (and the hash) to
    /// fill with `insert(_:at:)`.
    enum Probe {
        case found(Int)
        case vacant(slot: Int, hash: UInt64)
    }

    /// Makes room for `count` names in all without growing.
    mutating func reserveCapacity(_ count: Int) {
        if 2 * count > slots.count { rebuild(slotCount: Self.slotCount(for: count)) }
    }

    /// The position of the figure called `name` in `figures`.
    func position(of name: String, in figures: [Figure]) -> Int? {
        if case .found(let position) = probe(name, in: figures) { return position }
        return nil
    }

    /// The position of the figure whose name is these bytes (a part of a longer name).
    func position(ofNameBytes bytes: UnsafeBufferPointer<UInt8>, in figures: [Figure]) -> Int? {
        guard let hash = Self.asciiHash(bytes) else { return position(of: String(decoding: bytes, as: UTF8.self), in: figures) }
        guard !slots.isEmpty else { return nil }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if hashes[slot] == hash, figures[position].name.withBorrowedUTF8({ $0.elementsEqual(bytes) })
                || figures[position].name == String(decoding: bytes, as: UTF8.self) { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Looks `name` up: its position, or where to insert it.
    func probe(_ name: String, in figures: [Figure]) -> Probe {
        let hash = Self.hash(name)
        guard !slots.isEmpty else { return .vacant(slot: -1, hash: hash) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let position = Int(slots[slot]) - 1
            if hashes[slot] == hash, figures[position].name == name { return .found(position) }
            slot = (slot + 1) & mask
        }
        return .vacant(slot: slot, hash: hash)
    }

    /// Records `position` at the vacant slot a probe gave (the table unchanged since), growing
    /// the table when it is half full.
    mutating func insert(_ vacant: (slot: Int, hash: UInt64), at position: Int) {
        if 2 * (count + 1) > slots.count {
            rebuild(slotCount: Self.slotCount(for: count + 1))
            place(vacant.hash, position)
        } else {
            slots[vacant.slot] = Int32(position + 1)
            hashes[vacant.slot] = vacant.hash
        }
        count += 1
    }

    private static func slotCount(for count: Int) -> Int {
        var size = 16
        while size < 2 * count { size *= 2 }
        return size
    }

    private mutating func rebuild(slotCount: Int) {
        let old = (slots, hashes)
        slots = Array(repeating: 0, count: slotCount)
        hashes = Array(repeating: 0, count: slotCount)
        mask = slotCount - 1
        for slot in old.0.indices where old.0[slot] != 0 { place(old.1[slot], Int(old.0[slot]) - 1) }
    }

    private mutating func place(_ hash: UInt64, _ position: Int) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(position + 1)
        hashes[slot] = hash
    }

    // MARK: Hashing

    /// The hash of a name: of its bytes when it is ASCII, else of its NFC bytes, so that names
    /// equal as Strings hash alike.
    static func hash(_ name: String) -> UInt64 {
        if let hash = name.withBorrowedUTF8(asciiHash) { return hash }
        var hasher = StreamingHash()
        name._withNFCCodeUnits { hasher.add($0) }
        return hasher.finish()
    }

    /// The hash of ASCII bytes, eight at a time; nil when a byte is not ASCII. Equal to what
    /// `StreamingHash` gives for the same bytes.
    static func asciiHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard let base = bytes.baseAddress else { return StreamingHash().finish() }
        var state = StreamingHash.seed
        var high: UInt64 = 0
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self).littleEndian
            high |= word
            state = StreamingHash.mix(state, word)
            offset += 8
        }
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            word |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        high |= word
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        return StreamingHash.finish(state, word: word, count: bytes.count)
    }

    /// The same hash, fed a byte at a time.
    struct StreamingHash {
        static let seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var state = seed
        private var word: UInt64 = 0
        private var count = 0

        mutating func add(_ byte: UInt8) {
            word |= UInt64(byte) << (8 * UInt64(count & 7))
            count += 1
            if count & 7 == 0 {
                state = Self.mix(state, word)
                word = 0
            }
        }

        func finish() -> UInt64 { Self.finish(state, word: word, count: count) }

        @inline(__always)
        static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
            var mixed = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
            mixed ^= mixed >> 31
            return mixed
        }

        /// The last, partial word and the length, then a finaliser that spreads every bit
        /// (MurmurHash3's): slots are picked by the low bits.
        @inline(__always)
        static func finish(_ state: UInt64, word: UInt64, count: Int) -> UInt64 {
            var hash = mix(state, word ^ (UInt64(truncatingIfNeeded: count) << 56))
            hash ^= hash >> 33
            hash &*= 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash &*= 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 33
            return hash
        }
    }
}
