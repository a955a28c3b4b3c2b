import Foundation
import SitrepContent

/// The no-op check: the manifest against the file system, one `stat` per entry.
extension BuildManifest {
    /// True when the manifest at `path` says the last build is current: the same binary, and
    /// each file and folder with the same signature (and each absent one still absent). It lists
    /// no folder, so it costs one `stat` per entry; the entries are checked on every core.
    ///
    /// The file is mapped rather than read, as git maps its index: reading half a megabyte into
    /// fresh memory costs 0.5 ms in page faults, a thirtieth of a no-op build. sitrep replaces
    /// the manifest by renaming a new file over it, never by rewriting it, so the mapped file
    /// does not change under the check.
    static func isCurrent(manifestAt path: String, projectRoot: String, output: String, options: String = "") -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, let size = Int(exactly: status.st_size), size > 0,
              let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
              mapping != MAP_FAILED else { return false }
        defer { munmap(mapping, size) }
        let file = UnsafeBufferPointer(start: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        guard let entries = entryRange(start: Array(file.prefix(64)), fileSize: size),
              file[entries.upperBound - 1] == UInt8(ascii: "\n") else { return false }
        return isCurrent(UnsafeBufferPointer(rebasing: file[entries]), projectRoot: projectRoot, output: output, options: options)
    }

    /// Whether the entry lines `files` (the binary's line first) match the file system.
    private static func isCurrent(_ files: UnsafeBufferPointer<UInt8>, projectRoot: String, output: String, options: String) -> Bool {
        guard let firstEnd = files.firstIndex(of: UInt8(ascii: "\n")),
              let binary = Self.signature(of: "/proc/self/exe"),
              files[..<firstEnd].elementsEqual(binary + Array(options.utf8)) else { return false }
        let roots = [projectRoot, output].map { path in
            Self.withCString(Array(path.utf8)) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        }
        defer { for root in roots where root >= 0 { close(root) } }
        guard roots.allSatisfy({ $0 >= 0 }) else { return false }
        // Shares of whole lines, several per core: a core slowed by other work (or a worker
        // thread that starts late) leaves its shares to the others.
        let shares = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) * 8
        var bounds = [firstEnd + 1]
        for share in 1..<shares {
            let cut = max(bounds[share - 1], firstEnd + 1 + (files.count - firstEnd - 1) * share / shares)
            bounds.append(cut == files.count ? cut : (files[cut...].firstIndex(of: UInt8(ascii: "\n")) ?? files.count - 1) + 1)
        }
        bounds.append(files.count)
        // The mapping outlives the workers: concurrentPerform returns when they all have.
        nonisolated(unsafe) let base = files.baseAddress!
        let cuts = bounds
        let changed = Locked(false)
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            guard !changed.withLock({ $0 }) else { return }
            let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
            defer { path.deallocate() }
            var start = base + cuts[share]
            let stop = base + cuts[share + 1]
            while start < stop {
                let end = UnsafePointer(memchr(start, Int32(UInt8(ascii: "\n")), stop - start)?.assumingMemoryBound(to: UInt8.self)) ?? stop
                if !Self.isCurrent(line: start, end: end, roots: roots, path: path) {
                    changed.withLock { $0 = true }
                    return
                }
                start = end + 1
            }
        }
        return !changed.withLock { $0 }
    }

    /// Whether one entry line (`K stamp key`, from `line` to `end`) matches the file system;
    /// `path` is scratch space of `PATH_MAX + 1` bytes. Read through pointers: slices of the
    /// mapping cost about 1,400 instructions a line, a seventh of a no-op build's (callgrind).
    private static func isCurrent(line: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, roots: [Int32],
                                  path: UnsafeMutablePointer<CChar>) -> Bool {
        guard end - line > 4, line[1] == UInt8(ascii: " "),
              let stampEnd = UnsafePointer(memchr(line + 2, Int32(UInt8(ascii: " ")), end - line - 2)?.assumingMemoryBound(to: UInt8.self))
        else { return false }
        let key = stampEnd + 1
        guard end - key < Int(PATH_MAX) + 1 else { return false }
        memcpy(path, key, end - key)
        path[end - key] = 0
        let kind = line[0]
        let root = kind == Kind.outputFile || kind == Kind.outputFolder ? roots[1] : roots[0]
        var status = stat()
        let found = fstatat(root, path, &status, AT_SYMLINK_NOFOLLOW) == 0
        switch kind {
        case Kind.absent: return !found
        case Kind.inputFolder, Kind.outputFolder: return found && isFolder(status) && matches(line + 2, end: stampEnd, status)
        case Kind.inputFile, Kind.outputFile: return found && !isFolder(status) && matches(line + 2, end: stampEnd, status)
        default: return false
        }
    }

    /// Whether a recorded stamp (see `stamp`) is the one of `status`, read without allocating:
    /// `size:seconds.nanoseconds` for a file, `seconds.nanoseconds` for a folder.
    private static func matches(_ stamp: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, _ status: stat) -> Bool {
        var cursor = stamp
        if !isFolder(status), !number(at: &cursor, end: end, is: Int(status.st_size), then: UInt8(ascii: ":")) { return false }
        return number(at: &cursor, end: end, is: status.st_mtim.tv_sec, then: UInt8(ascii: "."))
            && number(at: &cursor, end: end, is: status.st_mtim.tv_nsec, then: nil)
    }

    /// Whether the number of 1 to 18 digits at `cursor` is `expected`, followed by `separator`
    /// (nil: by `end`), and moves past both. The cursor is a parameter, not a captured variable:
    /// a nested function's capture cost a runtime exclusivity check per byte (4.8 M a no-op).
    private static func number(at cursor: inout UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, is expected: Int,
                               then separator: UInt8?) -> Bool {
        var value = 0
        let first = cursor
        let last = end - first > 18 ? first + 18 : end
        while cursor < last, case let digit = cursor.pointee &- UInt8(ascii: "0"), digit < 10 {
            value = value &* 10 &+ Int(digit)  // 18 digits cannot overflow
            cursor += 1
        }
        guard cursor > first, value == expected else { return false }
        guard let separator else { return cursor == end }
        guard cursor < end, cursor.pointee == separator else { return false }
        cursor += 1
        return true
    }
}
