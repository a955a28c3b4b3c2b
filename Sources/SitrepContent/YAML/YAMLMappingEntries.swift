import SitrepDiagnostics

/// The entries of a YAML map being read, key then value; finds a key written twice.
struct YAMLMappingEntries {
    /// Maps longer than this find an earlier key through a dictionary; shorter ones (almost all:
    /// a front matter has six keys) compare names in order, which costs less than hashing.
    private static let scanLimit = 16

    private(set) var entries: [(key: String, keyLocation: SourceLocation, value: YAMLNode)] = []
    /// The key read last, waiting for its value (while `keyLocation` is not nil). Kept as two
    /// properties rather than an optional tuple, which was copied in and out (5 M instructions
    /// in a 100-report build).
    private var keyName = ""
    private var keyLocation: SourceLocation?
    /// Each key's position in `entries`, kept once the map is longer than `scanLimit`.
    private var positions: [String: Int] = [:]

    /// True when the next node is a key.
    var awaitsKey: Bool { keyLocation == nil }

    /// Takes the next key or value. A key is a scalar (the reader refuses a list or map before
    /// it is read, at its start). Returns where a key of the same name is written, and takes
    /// nothing, when the map already has one.
    mutating func add(_ node: YAMLNode) -> SourceLocation? {
        guard let keyLocation = keyLocation.take() else {
            let name = node.scalar ?? ""
            if let earlier = earlierLocation(of: name) { return earlier }
            keyName = name
            self.keyLocation = node.location
            return nil
        }
        // Room for four entries at the first: most maps have two to six, and growing from one
        // entry allocated up to four times (1.7 M instructions in a 100-report build).
        if entries.isEmpty { entries.reserveCapacity(4) }
        entries.append((keyName, keyLocation, node))
        if entries.count > Self.scanLimit {
            if positions.isEmpty {
                for (position, entry) in entries.enumerated() { positions[entry.key] = position }
            } else {
                positions[keyName] = entries.count - 1
            }
        }
        return nil
    }

    private func earlierLocation(of name: String) -> SourceLocation? {
        if entries.count > Self.scanLimit {
            return positions[name].map { entries[$0].keyLocation }
        }
        return entries.first(where: { $0.key == name })?.keyLocation
    }
}
