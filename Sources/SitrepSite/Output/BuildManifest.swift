import CSitrepSystem
import Foundation
import SitrepContent

/// What the last successful build read and wrote, kept beside the output folder
/// (`.output.sitrep-manifest`). When nothing listed has changed, and the sitrep binary is the
/// same, a build or `--check` can say "up to date" after one `stat` call per file and folder,
/// without listing a folder or reading any content: the no-op rebuild CI pays on every push.
///
/// Like make and ninja, it trusts modification times. A file added, removed or renamed changes
/// its folder's modification time, which is recorded too, so new files are noticed without
/// listing folders. `sitrep build` with the manifest removed always renders everything.
///
/// The file is text: a header (`sitrep-manifest 6` and the length in bytes of the entry lines
/// that follow it), the binary's signature, then one line per entry, in the order the folders
/// were read: `I size:mtime path` per input file, `D mtime path` per input folder, `A - path` for
/// a top-level input that does not exist (`sitrep.yml`, `templates`), and `O size:mtime path` and
/// `F mtime path` for the output's files and folders (the output folder itself is `.`; the kept
/// publishing files at its top are left out, see `OutputOwnership`). Then one
/// `S slug json` line per series. The length lets the no-op check look at the entries alone: the
/// `S` lines are about half of the file.
struct BuildManifest {
    /// The binary's line and the entry lines, exactly as written.
    private(set) var files: [UInt8]
    /// The `S` lines as read, looked into only when a build needs a series' index (see
    /// `recordedSeries`).
    private var seriesLines: [UInt8] = []

    /// The first line starts with this, then the length of the entry lines and a line end.
    static let format = "sitrep-manifest 6 "

    enum Kind {
        static let inputFile = UInt8(ascii: "I")
        static let inputFolder = UInt8(ascii: "D")
        static let absent = UInt8(ascii: "A")
        static let outputFile = UInt8(ascii: "O")
        static let outputFolder = UInt8(ascii: "F")
    }

    /// Where the manifest of `output` is kept: `.NAME.sitrep-manifest` beside it. The path is
    /// made absolute and its `.` and `..` parts resolved by hand, as `URL.standardizedFileURL`
    /// would: the first use of Foundation's URL costs about 0.3 ms, a sixtieth of a no-op build.
    static func path(for output: String) -> String {
        var parts: [Substring] = []
        if !output.hasPrefix("/"), let cwd = getcwd(nil, 0) {
            parts = String(cString: cwd).split(separator: "/")
            free(cwd)
        }
        for part in output.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        let name = parts.popLast() ?? ""
        // Appended part by part, each made a String: `joined` and appending a Substring are not
        // specialized here, and their first use looks up a protocol conformance through the whole
        // binary (0.37 M instructions, callgrind).
        var path = ""
        for part in parts {
            path += "/"
            path += String(part)
        }
        return path + "/.\(name).sitrep-manifest"
    }

    /// The current state of the running binary and of a project's inputs, found by listing
    /// every folder. `addOutputs(of:)` completes it. `options` (the build's own, such as
    /// `--pdf`) are written after the binary's signature, so that a build with other options
    /// renders again.
    static func inputs(projectRoot: String, options: String = "") -> BuildManifest {
        var files: [UInt8] = []
        files.reserveCapacity(1 << 16)
        files += signature(of: "/proc/self/exe") ?? Array(CommandLine.arguments[0].utf8)
        files += Array(options.utf8)
        files.append(UInt8(ascii: "\n"))
        for top in ["sitrep.yml", "content", "templates"] {
            withCString(Array((projectRoot + "/" + top).utf8)) { path in
                if !entry(at: AT_FDCWD, path, key: Array(top.utf8), output: false, into: &files, inParallel: true) {
                    line(Kind.absent, [UInt8(ascii: "-")], Array(top.utf8), into: &files)
                }
            }
        }
        // Grown by doubling, the array holds up to twice the lines' bytes, and it is kept to the
        // end of the build (3.6 MB of 8.4 MB at 10,000 copies of the example): kept at its size.
        if files.capacity - files.count > files.count / 8 {
            files = [UInt8](unsafeUninitializedCapacity: files.count) { buffer, count in
                count = buffer.initialize(fromContentsOf: files)
            }
        }
        return BuildManifest(files: files)
    }

    /// Appends the current state of `output` to these inputs.
    mutating func addOutputs(of output: String) {
        Self.withCString(Array(output.utf8)) { path in
            _ = Self.entry(at: AT_FDCWD, path, key: [UInt8(ascii: ".")], output: true, into: &files, inParallel: true)
        }
    }

    /// Replaces the output entries (everything after the first `inputBytes` bytes) with the
    /// current state of `output`. After a build, the inputs stay the ones found before it: a
    /// file edited during the build then differs, and the next build renders.
    /// `holding`, when given, is every file the output holds (a first build's, `OutputWriter.outputFiles`):
    /// its entries are then stat'ed by path and no folder is listed.
    mutating func replaceOutputs(after inputBytes: Int, of output: String, holding outputFiles: [String]? = nil) {
        files.removeSubrange(inputBytes...)
        if let outputFiles { addOutputs(of: output, holding: outputFiles) } else { addOutputs(of: output) }
    }

    /// Appends the entries of `output` as `addOutputs(of:)` finds them, for an output known to
    /// hold exactly `outputFiles` (paths relative to it) and their folders: each is stat'ed by its
    /// path, and no folder is opened and listed (four system calls a folder, about 4,200 for
    /// 1,000 reports). The lines are the scan's, in its order: a folder, then what it holds,
    /// by name (a test compares both ways). The folders at the top are done on every core.
    mutating func addOutputs(of output: String, holding outputFiles: [String]) {
        var tree = [[UInt8]: Set<[UInt8]>]()
        for path in outputFiles {
            var folder: [UInt8] = []
            for part in path.utf8.split(separator: UInt8(ascii: "/")) {
                tree[folder, default: []].insert(Array(part))
                folder = folder.isEmpty ? Array(part) : folder + [UInt8(ascii: "/")] + part
            }
        }
        let children = tree.mapValues { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        let root = Array(output.utf8)
        var status = stat()
        guard Self.status(of: root, &status) else { return }
        Self.line(Kind.outputFolder, Self.stamp(status), [UInt8(ascii: ".")], into: &files)
        let top = children[[]] ?? []
        let parts = Locked([[UInt8]](repeating: [], count: top.count))
        DispatchQueue.concurrentPerform(iterations: top.count) { position in
            var part: [UInt8] = []
            Self.appendWritten(top[position], in: root, children: children, into: &part)
            parts.withLock { $0[position] = part }
        }
        Self.append(parts.withLock { $0 }, to: &files)
    }

    /// Appends the line of the output entry `key` and, for a folder, of what it holds.
    private static func appendWritten(_ key: [UInt8], in root: [UInt8], children: [[UInt8]: [[UInt8]]], into lines: inout [UInt8]) {
        var status = stat()
        guard Self.status(of: root + [UInt8(ascii: "/")] + key, &status) else { return }
        guard isFolder(status) else {
            line(Kind.outputFile, stamp(status), key, into: &lines)
            return
        }
        line(Kind.outputFolder, stamp(status), key, into: &lines)
        for name in children[key] ?? [] {
            appendWritten(key + [UInt8(ascii: "/")] + name, in: root, children: children, into: &lines)
        }
    }

    /// `lstat` of the path `bytes`; false when there is nothing there.
    private static func status(of bytes: [UInt8], _ status: inout stat) -> Bool {
        withCString(bytes) { fstatat(AT_FDCWD, $0, &status, AT_SYMLINK_NOFOLLOW) == 0 }
    }

    /// The length of the entry lines, in bytes.
    var byteCount: Int { files.count }

    /// Reads a manifest written by `write`; nil if there is none or it is not one.
    static func read(_ path: String) -> BuildManifest? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let size = Int(exactly: status.st_size),
              let start = readBytes(descriptor, at: 0, count: min(size, 64)),
              let entries = entryRange(start: start, fileSize: size),
              let files = readBytes(descriptor, at: entries.lowerBound, count: entries.count),
              files.last == UInt8(ascii: "\n") else { return nil }
        var manifest = BuildManifest(files: files)
        guard let lines = readBytes(descriptor, at: entries.upperBound, count: size - entries.upperBound) else { return nil }
        manifest.seriesLines = lines
        return manifest
    }

    /// Where the entry lines are in a manifest file of `fileSize` bytes that begins with
    /// `start` (its first 64 bytes or more), from the length its header gives; nil if it is not
    /// a manifest of this format.
    static func entryRange(start: [UInt8], fileSize: Int) -> Range<Int>? {
        guard start.starts(with: format.utf8), let headerEnd = start.firstIndex(of: UInt8(ascii: "\n")),
              let length = Int(String(decoding: start[format.utf8.count..<headerEnd], as: UTF8.self)),
              length > 0, length <= fileSize - headerEnd - 1 else { return nil }
        return (headerEnd + 1)..<(headerEnd + 1 + length)
    }

    /// `count` bytes of an open file from `offset`, read straight into an array (Foundation's
    /// `Data` would add a copy); nil if the file is shorter.
    private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8]? {
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, read in
            while read < count {
                let got = pread(descriptor, buffer.baseAddress! + read, count - read, off_t(offset + read))
                if got <= 0 {
                    complete = false
                    break
                }
                read += got
            }
        }
        return complete ? bytes : nil
    }

    /// Where each series' index (JSON) is in the recorded `S` lines, by slug.
    func recordedSeries() -> [String: Range<Int>] {
        var ranges: [String: Range<Int>] = [:]
        var start = 0
        while start < seriesLines.count {
            let end = seriesLines[start...].firstIndex(of: UInt8(ascii: "\n")) ?? seriesLines.count
            defer { start = end + 1 }
            guard end - start > 2, seriesLines[start] == UInt8(ascii: "S"), seriesLines[start + 1] == UInt8(ascii: " "),
                  let space = seriesLines[(start + 2)..<end].firstIndex(of: UInt8(ascii: " ")) else { continue }
            ranges[String(decoding: seriesLines[(start + 2)..<space], as: UTF8.self)] = (space + 1)..<end
        }
        return ranges
    }

    /// A series' index recorded at `range` (from `recordedSeries`).
    func recordedIndex(at range: Range<Int>) -> SiteRenderer.SeriesIndex? {
        try? JSONDecoder().decode(SiteRenderer.SeriesIndex.self, from: Data(seriesLines[range]))
    }

    /// The JSON of a series' index recorded at `range`, as it is in the file.
    func recordedJSON(at range: Range<Int>) -> ArraySlice<UInt8> { seriesLines[range] }

    /// Writes the manifest with each series' index, line by line into a new file that then
    /// replaces the old one; failing to write it only costs the next build its shortcut. A series
    /// in `recorded` (kept from the last build) is written with that JSON, not encoded again.
    func write(to path: String, series: [String: SiteRenderer.SeriesIndex], recorded: [String: ArraySlice<UInt8>] = [:]) {
        // One fixed name: a build killed while writing leaves at most this file, which the next
        // build replaces.
        let temporary = path + ".tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var written = Self.writeAll(descriptor, Array("\(Self.format)\(files.count)\n".utf8)) && Self.writeAll(descriptor, files)
        for (slug, index) in series.sorted(by: { $0.key < $1.key }) where written {
            var line = ByteWriter(capacity: 1 << 14)
            line.append("S ")
            line.append(slug)
            line.append(" ")
            if let json = recorded[slug] {
                json.withUnsafeBufferPointer { line.append($0) }
            } else {
                Self.appendJSON(of: index, into: &line)
            }
            line.append("\n")
            written = Self.writeAll(descriptor, line.bytes())
        }
        if close(descriptor) != 0 { written = false }
        if !written || rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    static func signature(of path: String) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return stamp(status)
    }

    static func isFolder(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFDIR }

    /// `size:seconds.nanoseconds` of the last modification for a file, `seconds.nanoseconds` for
    /// a folder (whose size says nothing).
    static func stamp(_ status: stat) -> [UInt8] {
        var bytes = ByteWriter(capacity: 48)
        if !isFolder(status) {
            bytes.appendDecimal(Int(status.st_size))
            bytes.append(UInt8(ascii: ":"))
        }
        bytes.appendDecimal(status.st_mtim.tv_sec)
        bytes.append(UInt8(ascii: "."))
        bytes.appendDecimal(status.st_mtim.tv_nsec)
        return bytes.bytes()
    }

    private static func line(_ kind: UInt8, _ stamp: [UInt8], _ key: [UInt8], into files: inout [UInt8]) {
        files.append(kind)
        files.append(UInt8(ascii: " "))
        files += stamp
        files.append(UInt8(ascii: " "))
        files += key
        files.append(UInt8(ascii: "\n"))
    }

    /// Appends the line of the entry `name` of an open folder (as `key`), and of everything below
    /// it if it is a folder (the folders in it scanned on every core when `inParallel`: they are
    /// the series). False if there is no such entry.
    private static func entry(at folder: Int32, _ name: UnsafePointer<CChar>, key: [UInt8], output: Bool,
                              into files: inout [UInt8], inParallel: Bool = false) -> Bool {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        guard isFolder(status) else {
            line(output ? Kind.outputFile : Kind.inputFile, stamp(status), key, into: &files)
            return true
        }
        line(output ? Kind.outputFolder : Kind.inputFolder, stamp(status), key, into: &files)
        let descriptor = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor >= 0 {
            let prefix = key == [UInt8(ascii: ".")] ? [] : key + [UInt8(ascii: "/")]
            scanFolder(descriptor, prefix: prefix, output: output, into: &files, inParallel: inParallel)
        }
        return true
    }

    /// Reads an open folder (and closes it), in name order so that the list does not depend on
    /// the file system's order.
    private static func scanFolder(_ descriptor: Int32, prefix: [UInt8], output: Bool, into files: inout [UInt8],
                                   inParallel: Bool) {
        defer { close(descriptor) }
        var listed: UnsafeMutablePointer<CChar>?
        var length: UInt = 0
        guard sitrep_folder_names(descriptor, &listed, &length) == 0 else { return }
        defer { free(listed) }
        var names: [[UInt8]] = []
        if let listed {
            UnsafeRawBufferPointer(start: listed, count: Int(length)).split(separator: 0).forEach { part in
                let name = Array(part)
                // The kept publishing files (a `.git` folder of thousands of files) and staging
                // folders at the top of the output are not the site's: not listed, not walked.
                if output, prefix.isEmpty, name != Array(OutputOwnership.markerName.utf8),
                   OutputOwnership.isSitesNeighbour(String(decoding: name, as: UTF8.self)) { return }
                names.append(name)
            }
        }
        names.sort { $0.lexicographicallyPrecedes($1) }
        guard inParallel else {
            for name in names {
                _ = withCString(name) { entry(at: descriptor, $0, key: prefix + name, output: output, into: &files) }
            }
            return
        }
        let (sorted, parts) = (names, Locked([[UInt8]](repeating: [], count: names.count)))
        DispatchQueue.concurrentPerform(iterations: sorted.count) { position in
            var part: [UInt8] = []
            _ = withCString(sorted[position]) { entry(at: descriptor, $0, key: prefix + sorted[position], output: output, into: &part) }
            parts.withLock { $0[position] = part }
        }
        Self.append(parts.withLock { $0 }, to: &files)
    }

    /// Appends the lines made on every core, in their order, with room made for all of them at
    /// once rather than by doubling (the output lines come at the end of a build, its peak).
    private static func append(_ parts: [[UInt8]], to files: inout [UInt8]) {
        files.reserveCapacity(files.count + parts.reduce(0) { $0 + $1.count })
        for part in parts { files += part }
    }

    static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
