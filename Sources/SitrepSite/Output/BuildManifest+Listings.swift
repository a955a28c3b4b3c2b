import Glibc
import SitrepContent

extension BuildManifest {
    /// The folders of the project as this manifest's input entries found them, for the build
    /// that follows the scan (see `FolderListings`): the first `inputBytes` bytes of its lines.
    func inputListings(inputBytes: Int) -> FolderListings {
        ManifestListings(lines: files, end: min(inputBytes, files.count))
    }
}

/// The input entries of a manifest read as folder listings. The entry lines are in the order
/// the folders were walked: a folder's `D` line, then the lines of everything in it (its
/// folders' own lines and theirs), so what a folder holds is a run of lines, found by the
/// folder's key. Nothing is made of a line until it is asked for.
struct ManifestListings: FolderListings {
    /// The manifest's lines (shared with it, not copied).
    private let lines: [UInt8]
    /// For each input folder by key, the lines of everything in it.
    private let subtrees: [String: Range<Int>]

    init(lines: [UInt8], end: Int) {
        self.lines = lines
        var subtrees: [String: Range<Int>] = [:]
        // The folders whose run of lines is still open, innermost last: where their key is,
        // and where their run starts.
        var open: [(key: Range<Int>, start: Int)] = []
        lines.withUnsafeBufferPointer { lines in
            guard let base = lines.baseAddress, end > 0 else { return }
            func key(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self) }
            // After the binary's line.
            var start = Self.lineEnd(base, from: 0, end: end) + 1
            while start < end {
                let lineEnd = Self.lineEnd(base, from: start, end: end)
                guard let lineKey = Self.key(of: UnsafeBufferPointer(start: base + start, count: lineEnd - start)) else { break }
                let keyRange = (lineKey.startIndex + start)..<(lineKey.endIndex + start)
                // A line outside the innermost open folder ends its run.
                while let last = open.last, !Self.isInside(keyRange, last.key, base) {
                    subtrees[key(last.key)] = last.start..<start
                    open.removeLast()
                }
                if base[start] == BuildManifest.Kind.inputFolder { open.append((keyRange, lineEnd + 1)) }
                start = lineEnd + 1
            }
            for folder in open { subtrees[key(folder.key)] = folder.start..<min(start, end) }
        }
        self.subtrees = subtrees
    }

    /// Where the line starting at `start` ends (its line feed, or `end`).
    private static func lineEnd(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        guard start < end, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start) else { return end }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// Whether the key at `key` is inside the folder whose key is at `folder`: it starts with the
    /// folder's key and a slash.
    private static func isInside(_ key: Range<Int>, _ folder: Range<Int>, _ base: UnsafePointer<UInt8>) -> Bool {
        key.count > folder.count && base[key.lowerBound + folder.count] == UInt8(ascii: "/")
            && memcmp(base + key.lowerBound, base + folder.lowerBound, folder.count) == 0
    }

    func names(in relative: String) -> [String]? {
        guard let run = subtrees[relative] else { return nil }
        var names: [String] = []
        let prefixLength = relative.utf8.count + 1
        forEachLine(in: run) { line in
            guard let key = Self.key(of: line), key.count > prefixLength else { return }
            let name = UnsafeBufferPointer(rebasing: key.dropFirst(prefixLength))
            // What is in the folder's folders is not the folder's.
            if !name.contains(UInt8(ascii: "/")) { names.append(String(decoding: name, as: UTF8.self)) }
        }
        return names
    }

    func isFolder(_ relative: String) -> Bool { subtrees[relative] != nil }

    func size(ofFile relative: String) -> Int? {
        guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")), let run = subtrees[String(relative[..<slash])] else { return nil }
        var size: Int?
        var path = relative
        path.withUTF8 { path in
            // The file's line is `I size:mtime path`: it ends with a space and the path.
            forEachLine(in: run) { line in
                guard size == nil, line.count > path.count + 4, line[0] == BuildManifest.Kind.inputFile,
                      line[line.count - path.count - 1] == UInt8(ascii: " "),
                      memcmp(line.baseAddress! + (line.count - path.count), path.baseAddress!, path.count) == 0 else { return }
                size = Self.decimal(UnsafeBufferPointer(rebasing: line[2...]))
            }
        }
        return size
    }

    /// Calls `body` with each line in `run`, without its line end.
    private func forEachLine(in run: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        lines.withUnsafeBufferPointer { lines in
            guard let base = lines.baseAddress else { return }
            var start = run.lowerBound
            while start < run.upperBound {
                let end = Self.lineEnd(base, from: start, end: run.upperBound)
                body(UnsafeBufferPointer(start: base + start, count: end - start))
                start = end + 1
            }
        }
    }

    /// The key of an entry line (`K stamp key`); nil if it is not one.
    private static func key(of line: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard line.count > 4, line[1] == UInt8(ascii: " "), let space = line[2...].firstIndex(of: UInt8(ascii: " ")) else { return nil }
        return line[(space + 1)...]
    }

    /// The number written in ASCII digits at the start of `text`, up to a colon; nil for anything else.
    private static func decimal(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        var value = 0
        for (offset, byte) in text.enumerated() {
            if byte == UInt8(ascii: ":") { return offset > 0 ? value : nil }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), offset < 18 else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return nil
    }
}
