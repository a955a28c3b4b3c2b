import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SitrepDiagnostics

/// Reads the files of a project (`sitrep.yml`, `content/`, `templates/`) and names them as the
/// user would (relative paths). Every read and every listing goes through one guard: a path
/// that leads outside the project folder, through a link to a file or to a folder, is refused
/// with an error naming the link and where it points, and what it points to is never read.
public struct ContentFiles: Sendable {
    /// Absolute path of the project root, symlinks resolved.
    public let root: String
    /// `root` and a slash, that every path inside the project starts with.
    private let rootPrefix: String
    /// Folders with their links resolved, by path: each is resolved once, not once per file
    /// read (a report reads seven files, and resolving a path costs a system call per component).
    private let resolvedFolders = Locked([String: String]())
    /// The folders as a scan made just before found them, when there was one (a build's).
    private let listings: FolderListings?

    /// The files of the project at `root`; `listings`, a scan of its folders made just before,
    /// saves listing them and sizing their files again.
    public init(root: String, listings: FolderListings? = nil) {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        self.root = URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
        rootPrefix = self.root + "/"
        self.listings = listings
    }

    func absolute(_ relative: String) -> String { rootPrefix + relative }

    /// Whether something is at `relative` (following links; nothing is read).
    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: absolute(relative)) }

    /// Whether `relative` is a folder (following links; nothing is read).
    public func isDirectory(_ relative: String) -> Bool {
        // A folder the scan found (not a link, which it does not follow).
        if listings?.isFolder(relative) == true { return true }
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: absolute(relative), isDirectory: &directory) && directory.boolValue
    }

    /// Names in a folder, sorted by code point so that builds do not depend on the file system's order.
    /// Hidden files are left out. A folder that leads outside the project is refused.
    public func list(_ relative: String) throws(DiagnosticError) -> [String] {
        let path = try insideFolder(relative)
        if let names = listings?.names(in: relative) { return Self.sorted(names.filter { !$0.hasPrefix(".") }) }
        guard let folder = opendir(path) else {
            let reason = String(cString: strerror(errno))
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot list the folder: \(reason)"))
        }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return Self.sorted(names)
    }

    private static func sorted(_ names: [String]) -> [String] {
        names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// Every file under the folder `relative` (which may be missing: then none), as paths relative
    /// to the project, sorted; hidden files and folders are left out. A link to a folder inside the
    /// project is followed once; every problem (a link leading outside) is reported together.
    public func listFiles(under relative: String) throws(DiagnosticError) -> [String] {
        guard isDirectory(relative) else { return [] }
        var files: [String] = []
        var problems: [Diagnostic] = []
        var visited: Set<String> = []
        var folders = [relative]
        while let folder = folders.popLast() {
            do {
                guard visited.insert(try insidePath(folder)).inserted else { continue }
                for name in try list(folder) {
                    let path = folder + "/" + name
                    if isDirectory(path) { folders.append(path) } else { files.append(path) }
                }
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return files.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }

    /// An error for each of `names`, listed in `folder`, that names nothing on disk: a name that
    /// is not UTF-8 is listed with U+FFFD in place of its bad bytes, and no file or folder has
    /// that name (a name that holds U+FFFD itself is found). Such an entry cannot be opened, so
    /// a series or period folder named so would be left out without a word.
    public func unopenableNames(_ names: [String], in folder: String) -> [Diagnostic] {
        names.compactMap { name in
            guard name.unicodeScalars.contains("\u{FFFD}") else { return nil }
            var status = stat()
            let path = folder.isEmpty ? name : folder + "/" + name
            return lstat(absolute(path), &status) == 0 ? nil : Self.nameNotUTF8(path, isFile: false)
        }
    }

    /// The error for `relative`, whose name is not UTF-8: a file's that is read, or an entry's
    /// of a listing (a series or period folder, or what is there) that cannot be opened.
    private static func nameNotUTF8(_ relative: String, isFile: Bool) -> Diagnostic {
        Diagnostic(
            at: SourceLocation(file: relative),
            isFile ? "the file's name is not valid UTF-8 (\u{FFFD} marks the bytes), so it cannot be read"
                : "this name is not valid UTF-8 (\u{FFFD} marks the bytes), so sitrep cannot open what it names",
            hint: "rename \(isFile ? "the file" : "it") with letters your system shows as they should be; such names come from zip files "
                + "made on older Windows or Mac systems")
    }

    /// The bytes of a file, after checking that it does not lead outside the project by a link.
    public func read(_ relative: String) throws(DiagnosticError) -> [UInt8] {
        guard let bytes = try readIfPresent(relative) else {
            // A name that is not UTF-8 is listed with U+FFFD in place of its bad bytes, a name no
            // file has: say so rather than only that the file cannot be read.
            if relative.unicodeScalars.contains("\u{FFFD}") { throw DiagnosticError(Self.nameNotUTF8(relative, isFile: true)) }
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot read the file"))
        }
        return bytes
    }

    /// The bytes of a file, or nil when there is none at `relative` (as ``read(_:)`` otherwise):
    /// for a file that may be missing, without a `stat` to find out first.
    public func readIfPresent(_ relative: String) throws(DiagnosticError) -> [UInt8]? {
        // The usual file is not a link: it is opened in its folder's resolved path, refusing to
        // follow a link (O_NOFOLLOW), so that the check costs no `lstat` of its own. A link, or a
        // path through `..`, is resolved in full first.
        let path = try insideFolderPath(relative)
        var descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0, errno == ELOOP {
            descriptor = open(try insidePath(relative), O_RDONLY | O_CLOEXEC)
        }
        if descriptor < 0, errno == ENOENT { return nil }
        guard descriptor >= 0, let bytes = Self.readAll(descriptor, expectedSize: listings?.size(ofFile: relative)) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: relative), "cannot read the file"))
        }
        return bytes
    }

    /// The bytes of the file open at `descriptor`, as many as `fstat` gives for its size (as
    /// Foundation reads a file: one `read` for the usual file, without a last one to find its
    /// end); nil when it cannot be read (a folder). Closes the descriptor.
    ///
    /// With the size the scan found, one more byte than it is asked for and no `fstat` made: a
    /// read of a file that gives fewer bytes than asked has reached its end, so when it gives
    /// exactly that size the file is whole. Anything else (the file changed, or is a folder)
    /// is read as without it.
    private static func readAll(_ descriptor: Int32, expectedSize: Int?) -> [UInt8]? {
        defer { close(descriptor) }
        if let expectedSize, expectedSize >= 0, expectedSize < Int.max {
            var whole = false
            let bytes = [UInt8](unsafeUninitializedCapacity: expectedSize + 1) { buffer, count in
                let read = Glibc.read(descriptor, buffer.baseAddress!, expectedSize + 1)
                count = 0
                whole = read == expectedSize
                if whole { count = read }
            }
            if whole { return bytes }
            // From the start again, as if there had been no scan.
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { return nil }
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = max(Int(status.st_size), 0)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        return failed ? nil : bytes
    }

    /// The absolute path of the folder `relative` with its links resolved, when it stays inside
    /// the project: as ``insidePath(_:)``, remembered for the files read in it.
    private func insideFolder(_ relative: String) throws(DiagnosticError) -> String {
        let resolved = resolvedFolder(absolute(relative))
        guard resolved != root, !resolved.hasPrefix(rootPrefix) else { return resolved }
        throw DiagnosticError(outsideLink(on: relative, leadingTo: resolved))
    }

    /// The absolute path of `relative` in its folder's resolved path, when the folder stays
    /// inside the project: the path itself is not resolved (see ``read(_:)``).
    private func insideFolderPath(_ relative: String) throws(DiagnosticError) -> String {
        let path = absolute(relative)
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return try insidePath(relative) }
        let name = path[path.utf8.index(after: slash)...]
        guard name != ".", name != "..", !name.isEmpty else { return try insidePath(relative) }
        let resolved = resolvedFolder(String(path[..<slash])) + "/" + name
        guard resolved.hasPrefix(rootPrefix) else { return try insidePath(relative) }
        return resolved
    }

    /// The absolute path of `relative` with its links resolved, when it stays inside the project;
    /// otherwise an error at the first link on the way that leads out.
    func insidePath(_ relative: String) throws(DiagnosticError) -> String {
        let resolved = resolvedPath(absolute(relative))
        guard resolved != root, !resolved.hasPrefix(rootPrefix) else { return resolved }
        throw DiagnosticError(outsideLink(on: relative, leadingTo: resolved))
    }

    /// The error for a path that leads outside the project: at the first link on the way whose
    /// target is outside (the path itself when none is found, e.g. a path through `..`).
    private func outsideLink(on relative: String, leadingTo resolved: String) -> Diagnostic {
        var prefix = ""
        for component in relative.split(separator: "/") {
            prefix += prefix.isEmpty ? String(component) : "/" + component
            var status = stat()
            guard lstat(absolute(prefix), &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
                  let target = Self.realPath(absolute(prefix)), target != root, !target.hasPrefix(rootPrefix) else { continue }
            var isFolder: ObjCBool = false
            let kind = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) && isFolder.boolValue ? "folder" : "file"
            return Diagnostic(at: SourceLocation(file: prefix), "this \(kind) is a link to \(target), outside the project",
                              hint: "sitrep reads nothing outside the project folder: "
                                  + "copy the \(kind) into the project instead of linking to it")
        }
        return Diagnostic(at: SourceLocation(file: relative), "this path leads to \(resolved), outside the project",
                          hint: "sitrep reads nothing outside the project folder: name a file inside it")
    }

    /// The absolute `path` with every link resolved. A file that is not itself a link is found
    /// in its folder's resolved path; a link (or a missing file) is resolved in full.
    private func resolvedPath(_ path: String) -> String {
        var status = stat()
        // The slash is looked for among the bytes: by `Character` it cost 2,500 instructions a file.
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK, let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
            return Self.realPath(path) ?? path
        }
        return resolvedFolder(String(path[..<slash])) + path[slash...]
    }

    /// The absolute path of `folder` with every link resolved, remembered. A folder that is not
    /// a link is found in its parent's resolved path: one `lstat`, where resolving the whole
    /// path costs one system call per component. A folder that does not exist is not
    /// remembered: it may be made later, as a link.
    private func resolvedFolder(_ folder: String) -> String {
        if folder == root { return root }
        if let known = resolvedFolders.withLock({ $0[folder] }) { return known }
        var resolved: String?
        if folder.hasPrefix(rootPrefix), let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let name = folder[folder.utf8.index(after: slash)...]
            var status = stat()
            if name != ".", name != "..", !name.isEmpty, lstat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                resolved = resolvedFolder(String(folder[..<slash])) + "/" + name
            }
        }
        guard let found = resolved ?? Self.realPath(folder) else { return folder }
        resolvedFolders.withLock { $0[folder] = found }
        return found
    }

    /// The path with every link resolved (libc's realpath: cheaper than Foundation's); nil if it
    /// cannot be resolved, e.g. a missing file.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The file as UTF-8 text; invalid UTF-8 is an error naming the byte offset.
    public func readText(_ relative: String) throws(DiagnosticError) -> String {
        let bytes = try read(relative)
        return try Self.decodeUTF8(bytes, file: relative)
    }

    static func decodeUTF8(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Invalid: walk the bytes to say where.
        var line = 1
        var lineStart = 0
        var index = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                index += UTF8.width(scalar)
                if scalar == "\n" { line += 1; lineStart = index }
            case .emptyInput:
                break decoding
            case .error:
                throw DiagnosticError(Diagnostic(
                    at: SourceLocation(file: file, line: line, column: index - lineStart + 1),
                    "the file is not valid UTF-8 (byte offset \(index))",
                    hint: "save it as UTF-8 (in Excel: 'CSV UTF-8'; in an editor: encoding UTF-8), or convert it with `iconv -f WINDOWS-1252 -t UTF-8`"))
            }
        }
        return String(text)
    }
}
