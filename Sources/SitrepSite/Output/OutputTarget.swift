import Foundation
import SitrepDiagnostics

/// The output folder a build was asked for, checked from its path alone, before anything is read
/// or written: it must be a folder of its own (or not exist yet), never a file, a symbolic link,
/// `/`, the project or a parent of it, or a place inside `content/` or `templates/`. Whether the
/// folder's contents are sitrep's is `OutputOwnership`'s question.
struct OutputTarget: Sendable {
    /// The path as the user gave it, for messages.
    let given: String
    /// The absolute path, its `.` and `..` parts resolved.
    let path: String
    /// False when the folder does not exist yet: the build creates it.
    let exists: Bool
    /// True when the folder is a mount point (a container volume, say): it cannot be renamed,
    /// so the build swaps its contents instead (see `OutputWriter`). Found when asked: the no-op
    /// build does not need it.
    var isMountPoint: Bool { exists && Self.isMountPoint(path) }

    init(destination: String, projectRoot: String) throws(DiagnosticError) {
        given = destination
        path = URL(fileURLWithPath: destination).standardizedFileURL.path
        var status = stat()
        if lstat(path, &status) != 0 {
            let error = errno
            guard error == ENOENT else {
                throw Self.refusal(destination, "cannot use the output folder \(path): \(String(cString: strerror(error)))",
                              hint: "check that the folders above it exist and that you may write in them")
            }
            exists = false
        } else {
            exists = true
        }
        if exists {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFLNK:
                let real = Self.realPath(of: path)
                throw Self.refusal(destination, "the output folder \(path) is a symbolic link (to \(real)); sitrep does not write through links",
                              hint: "give the real folder's path, --output \(real), if it is sitrep's site; otherwise choose another --output")
            default:
                throw Self.refusal(destination, "the output path \(path) is a file, not a folder",
                              hint: "sitrep writes the site into a folder: choose a folder's path with --output, e.g. output/")
            }
        }
        try Self.checkApart(real: Self.realPath(of: path), from: Self.realPath(of: projectRoot), given: destination)
    }

    /// Refuses a resolved output path that is `/`, the project or a parent of it, or that holds or
    /// sits inside the project's `content/`, `templates/` or `sitrep.yml`.
    private static func checkApart(real output: String, from project: String, given: String) throws(DiagnosticError) {
        let hint = "sitrep replaces the whole output folder; choose a folder of its own, e.g. the default output/"
        if output == "/" {
            throw refusal(given, "the output folder is /, the root of the file system", hint: hint)
        }
        if output == project {
            throw refusal(given, "the output folder \(output) is the project folder", hint: hint)
        }
        if project.hasPrefix(output + "/") {
            throw refusal(given, "the output folder \(output) holds the project folder \(project)", hint: hint)
        }
        for protected in ["content", "templates", "sitrep.yml"].map({ project + "/" + $0 })
        where output == protected || output.hasPrefix(protected + "/") {
            throw refusal(given, "the output folder \(output) would replace or sit inside \(protected)", hint: hint)
        }
    }

    /// The error for the output path `given`, located at it as the user wrote it.
    private static func refusal(_ given: String, _ message: String, hint: String) -> DiagnosticError {
        DiagnosticError(Diagnostic(at: SourceLocation(file: given), message, hint: hint))
    }

    /// `path` made absolute with every link resolved, for the part of it that exists (the rest is
    /// appended as it is).
    static func realPath(of path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL.path
        var rest: [String] = []
        while existing != "/" {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                let real = String(cString: resolved)
                let joined = rest.reversed().reduce(real == "/" ? "" : real) { $0 + "/" + $1 }
                return joined.isEmpty ? "/" : joined
            }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
        return "/" + rest.reversed().joined(separator: "/")
    }

    /// True when `folder` is a mount point: on another device than its parent, or listed as a
    /// mount point in `/proc/self/mountinfo` (a bind mount of the same file system).
    static func isMountPoint(_ folder: String) -> Bool {
        var own = stat()
        var parent = stat()
        guard stat(folder, &own) == 0, stat(folder + "/..", &parent) == 0 else { return false }
        if own.st_dev != parent.st_dev { return true }
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        let real = realPath(of: folder)
        // The fifth field is the mount point, with space, tab, line feed and backslash in octal.
        return table.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && decodeMountPath(fields[4]) == real
        }
    }

    private static func decodeMountPath(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        var rest = Array(field.utf8)[...]
        while let byte = rest.first {
            if byte == UInt8(ascii: "\\"), rest.count >= 4, let code = UInt8(String(decoding: rest.dropFirst().prefix(3), as: UTF8.self), radix: 8) {
                bytes.append(code)
                rest = rest.dropFirst(4)
            } else {
                bytes.append(byte)
                rest = rest.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
