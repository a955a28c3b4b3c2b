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
/// folder's key. Nothing is made of a line until it is asked for, and the folders are found
/// by a hash of their key in a sorted array (a dictionary of Strings took 1.7 MB at 10,000
/// reports, this about 0.6 MB).
struct ManifestListings: FolderListings {
    /// The manifest's lines (shared with it, not copied).
    private let lines: [UInt8]
    /// Every input folder: the hash of its key, where its key is in `lines`, and the run of
    /// lines of everything in it; in the order of the hashes.
    private let folders: [(hash: UInt64, key: Range<Int>, run: Range<Int>)]

    init(lines: [UInt8], end: Int) {
        self.lines = lines
        var folders: [(hash: UInt64, key: Range<Int>, run: Range<Int>)] = []
        // The folders whose run of lines is still open, innermost last: where their key is,
        // and where their run starts.
        var open: [(key: Range<Int>, start: Int)] = []
        lines.withUnsafeBufferPointer { lines in
            guard let base = lines.baseAddress, end > 0 else { return }
            func close(_ folder: (key: Range<Int>, start: Int), at runEnd: Int) {
                let key = UnsafeBufferPointer(start: base + folder.key.lowerBound, count: folder.key.count)
                folders.append((Self.hash(key), folder.key, folder.start..<runEnd))
            }
            // After the binary's line.
            var start = Self.lineEnd(base, from: 0, end: end) + 1
            while start < end {
                let lineEnd = Self.lineEnd(base, from: start, end: end)
                guard let lineKey = Self.key(of: UnsafeBufferPointer(start: base + start, count: lineEnd - start)) else { break }
                let keyRange = (lineKey.startIndex + start)..<(lineKey.endIndex + start)
                // A line outside the innermost open folder ends its run.
                while let last = open.last, !Self.isInside(keyRange, last.key, base) {
                    close(last, at: start)
                    open.removeLast()
                }
                if base[start] == BuildManifest.Kind.inputFolder { open.append((keyRange, lineEnd + 1)) }
                start = lineEnd + 1
            }
            for folder in open { close(folder, at: min(start, end)) }
        }
        folders.sort { $0.hash < $1.hash }
        self.folders = folders
    }

    /// The run of lines of the folder whose key is `key`; nil when it is not an input folder.
    private func run(ofFolder key: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !key.isEmpty else { return nil }
        let hash = Self.hash(key)
        var (low, high) = (0, folders.count)
        while low < high {
            let middle = (low + high) / 2
            if folders[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        return lines.withUnsafeBufferPointer { lines in
            while low < folders.count, folders[low].hash == hash {
                let folder = folders[low]
                if folder.key.count == key.count, memcmp(lines.baseAddress! + folder.key.lowerBound, key.baseAddress!, key.count) == 0 {
                    return folder.run
                }
                low += 1
            }
            return nil
        }
    }

    private func run(ofFolder relative: String) -> Range<Int>? {
        relative.withBorrowedUTF8 { run(ofFolder: $0) }
    }

    /// FNV-1a of the bytes: enough to spread a project's folder keys.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
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
        guard let run = run(ofFolder: relative) else { return nil }
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

    func isFolder(_ relative: String) -> Bool { run(ofFolder: relative) != nil }

    func size(ofFile relative: String) -> Int? {
        var size: Int?
        relative.withBorrowedUTF8 { path in
            guard let slash = path.lastIndex(of: UInt8(ascii: "/")),
                  let run = run(ofFolder: UnsafeBufferPointer(rebasing: path[..<slash])) else { return }
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
