#ifndef SITREP_SYSTEM_H
#define SITREP_SYSTEM_H

/// Atomically exchanges two paths (both must exist) with renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int sitrep_exchange_paths(const char *first, const char *second);

/// Writes every file of the file system holding `path` to the disk and waits for it: syncfs(2)
/// on Linux (one call, however many files), sync(2) of every file system elsewhere.
/// Returns 0 on success, -1 with errno set otherwise (EIO when a write failed).
int sitrep_sync_file_system(const char *path);

/// Reads the names of the entries of the open folder `descriptor`, but `.` and `..`, into a
/// buffer it allocates (free it with free()): each name followed by a NUL byte, `*length` bytes
/// in all. On Linux with getdents64(2) directly: fdopendir(3) would first make three system
/// calls of its own (fstat and two fcntl) for each folder. Does not close `descriptor`.
/// Returns 0, or -1 with errno set (then `*names` is NULL).
int sitrep_folder_names(int descriptor, char **names, unsigned long *length);

#endif
