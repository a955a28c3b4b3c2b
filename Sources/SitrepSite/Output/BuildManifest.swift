import Foundation

/// What the last successful build read and wrote, by size and modification time, kept beside
/// the output folder (`.output.sitrep-manifest`). When nothing listed has changed, and the
/// sitrep binary is the same, a build or `--check` can say "up to date" after a few thousand
/// `stat` calls, without reading any content: the no-op rebuild CI pays on every push.
///
/// Like make and ninja, it trusts modification times; `sitrep build` with the manifest removed
/// (or any edit, which changes the time) always renders everything.
///
/// The file is text: a header, the binary's signature, one `I size:mtime path` line per input
/// and `O size:mtime path` per output (in the order the folders were read), then one
/// `S slug json` line per series. The no-op check compares the file lists as bytes, without
/// parsing them.
struct BuildManifest {
    /// The header, binary and file lines, exactly as written.
    private(set) var files: [UInt8]
    /// Each series' index (JSON), by slug, so that an unchanged series need not be rendered.
    var series: [String: String] = [:]

    static let header = "sitrep-manifest 3\n"

    /// Where the manifest of `output` is kept.
    static func path(for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sitrep-manifest").path
    }

    /// The current state of a project's inputs, of `output` and of the running binary.
    static func current(projectRoot: String, output: String) -> BuildManifest {
        var files: [UInt8] = []
        files.reserveCapacity(1 << 16)
        files += signature(of: "/proc/self/exe") ?? Array(CommandLine.arguments[0].utf8)
        files.append(UInt8(ascii: "\n"))
        for top in ["sitrep.yml", "content", "templates"] {
            scan(Array((projectRoot + "/" + top).utf8), key: Array(top.utf8), kind: UInt8(ascii: "I"), into: &files)
        }
        scanContents(of: Array(output.utf8), prefix: [], kind: UInt8(ascii: "O"), into: &files)
        return BuildManifest(files: files)
    }

    /// True when the files are the same in both (and so is the binary).
    func sameFiles(as other: BuildManifest) -> Bool { files == other.files }

    /// Reads a manifest written by `write`; nil if there is none or it is not one.
    static func read(_ path: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        let header = Array(Self.header.utf8)
        guard bytes.starts(with: header) else { return nil }
        var manifest = BuildManifest(files: [])
        var lineStart = header.count
        var seriesStart = bytes.count
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if bytes[lineStart] == UInt8(ascii: "S"), lineStart + 1 < lineEnd, bytes[lineStart + 1] == UInt8(ascii: " ") {
                seriesStart = min(seriesStart, lineStart)
                let rest = bytes[(lineStart + 2)..<lineEnd]
                guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else { return nil }
                manifest.series[String(decoding: rest[..<space], as: UTF8.self)] =
                    String(decoding: rest[(space + 1)...], as: UTF8.self)
            }
            lineStart = lineEnd + 1
        }
        manifest.files = Array(bytes[header.count..<seriesStart])
        return manifest
    }

    /// Writes the manifest; failing to write it only costs the next build its shortcut.
    func write(to path: String) {
        var text = Array(Self.header.utf8) + files
        for (slug, index) in series.sorted(by: { $0.key < $1.key }) { text += Array("S \(slug) \(index)\n".utf8) }
        try? Data(text).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The binary's signature, and the inputs and outputs as `path: signature`.
    func parsed() -> (binary: String, inputs: [String: String], outputs: [String: String]) {
        let lines = String(decoding: files, as: UTF8.self).split(separator: "\n")
        var inputs: [String: String] = [:]
        var outputs: [String: String] = [:]
        for line in lines.dropFirst() {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { continue }
            if parts[0] == "I" { inputs[String(parts[2])] = String(parts[1]) } else { outputs[String(parts[2])] = String(parts[1]) }
        }
        return (lines.first.map(String.init) ?? "", inputs, outputs)
    }

    private static func signature(of path: String) -> [UInt8]? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Array("\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8)
    }

    /// Appends the line of the file at `full` (as `key`), or of every file below it.
    private static func scan(_ full: [UInt8], key: [UInt8], kind: UInt8, into files: inout [UInt8]) {
        withCString(full) { path in entry(at: AT_FDCWD, path, key: key, kind: kind, into: &files) }
    }

    /// Appends the lines of every file in the folder at `folder` (keys start with `prefix`).
    private static func scanContents(of folder: [UInt8], prefix: [UInt8], kind: UInt8, into files: inout [UInt8]) {
        let descriptor = withCString(folder) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        if descriptor >= 0 { scanFolder(descriptor, prefix: prefix, kind: kind, into: &files) }
    }

    /// One entry, looked up relative to an open folder (no path walk from the root for each file).
    private static func entry(at folder: Int32, _ name: UnsafePointer<CChar>, key: [UInt8], kind: UInt8,
                              into files: inout [UInt8]) {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            let descriptor = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 { scanFolder(descriptor, prefix: key + [UInt8(ascii: "/")], kind: kind, into: &files) }
            return
        }
        files.append(kind)
        files.append(UInt8(ascii: " "))
        files += Array("\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)".utf8)
        files.append(UInt8(ascii: " "))
        files += key
        files.append(UInt8(ascii: "\n"))
    }

    /// Reads an open folder (and closes it), in name order so that the list does not depend on
    /// the file system's order.
    private static func scanFolder(_ descriptor: Int32, prefix: [UInt8], kind: UInt8, into files: inout [UInt8]) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name == [UInt8(ascii: ".")] || name == [UInt8(ascii: "."), UInt8(ascii: ".")] { continue }
            names.append(name)
        }
        let folder = dirfd(directory)
        for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            withCString(name) { entry(at: folder, $0, key: prefix + name, kind: kind, into: &files) }
        }
    }

    private static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
