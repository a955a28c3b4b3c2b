import Foundation

/// What the last successful build read and wrote, by size and modification time, kept beside
/// the output folder (`.output.sitrep-manifest`). When nothing listed has changed, and the
/// sitrep binary is the same, a build or `--check` can say "up to date" after a few thousand
/// `stat` calls, without reading any content: the no-op rebuild CI pays on every push.
///
/// Like make and ninja, it trusts modification times; `sitrep build` with the manifest removed
/// (or any edit, which changes the time) always renders everything.
struct BuildManifest {
    /// `size:mtime` of every file, by path.
    var inputs: [String: String]
    var outputs: [String: String]
    var binary: String
    /// Each series' index (JSON), by slug, so that an unchanged series need not be rendered.
    var series: [String: String] = [:]

    static let header = "sitrep-manifest 2"

    /// True when the inputs, the output and the binary are the same in both.
    func sameFiles(as other: BuildManifest) -> Bool {
        inputs == other.inputs && outputs == other.outputs && binary == other.binary
    }

    /// True when everything but the series' own content is the same: the binary, sitrep.yml
    /// and the templates, which every page depends on.
    func sameSite(as other: BuildManifest) -> Bool {
        binary == other.binary
            && inputs.filter { !$0.key.hasPrefix("content/") } == other.inputs.filter { !$0.key.hasPrefix("content/") }
    }

    /// The entries of `files` under `prefix`.
    static func under(_ prefix: String, _ files: [String: String]) -> [String: String] {
        files.filter { $0.key.hasPrefix(prefix) }
    }

    /// Where the manifest of `output` is kept.
    static func path(for output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sitrep-manifest").path
    }

    /// The current state of a project's inputs and of `output`.
    static func current(projectRoot: String, output: String) -> BuildManifest {
        var inputs: [String: String] = [:]
        for top in ["sitrep.yml", "content", "templates"] { scan(projectRoot + "/" + top, key: top, into: &inputs) }
        var outputs: [String: String] = [:]
        scanContents(of: output, prefix: "", into: &outputs)
        return BuildManifest(inputs: inputs, outputs: outputs, binary: signature(of: "/proc/self/exe") ?? CommandLine.arguments[0])
    }

    /// Reads a manifest written by `write`; nil if there is none or it cannot be read.
    static func read(_ path: String) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 2, lines[0] == header else { return nil }
        var manifest = BuildManifest(inputs: [:], outputs: [:], binary: String(lines[1]))
        for line in lines.dropFirst(2) where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3 else { return nil }
            switch parts[0] {
            case "I": manifest.inputs[String(parts[2])] = String(parts[1])
            case "O": manifest.outputs[String(parts[2])] = String(parts[1])
            case "S": manifest.series[String(parts[1])] = String(parts[2])
            default: return nil
            }
        }
        return manifest
    }

    /// Writes the manifest; failing to write it only costs the next build its shortcut.
    func write(to path: String) {
        var text = Self.header + "\n" + binary + "\n"
        for (path, signature) in inputs.sorted(by: { $0.key < $1.key }) { text += "I \(signature) \(path)\n" }
        for (path, signature) in outputs.sorted(by: { $0.key < $1.key }) { text += "O \(signature) \(path)\n" }
        for (slug, index) in series.sorted(by: { $0.key < $1.key }) { text += "S \(slug) \(index)\n" }
        try? Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    private static func signature(of path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return "\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    /// Records the file at `full` under `key`, or every file below it if it is a folder.
    private static func scan(_ full: String, key: String, into files: inout [String: String]) {
        var status = stat()
        guard lstat(full, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            files[key] = "\(status.st_size):\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
            return
        }
        scanContents(of: full, prefix: key + "/", into: &files)
    }

    private static func scanContents(of folder: String, prefix: String, into files: inout [String: String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            scan(folder + "/" + name, key: prefix + name, into: &files)
        }
    }
}
