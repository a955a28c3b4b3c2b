#ifndef SITREP_SYSTEM_H
#define SITREP_SYSTEM_H

/// Atomically exchanges two paths (both must exist) with renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int sitrep_exchange_paths(const char *first, const char *second);

/// Writes every file of the file system holding `path` to the disk and waits for it: syncfs(2)
/// on Linux (one call, however many files), sync(2) of every file system elsewhere.
/// Returns 0 on success, -1 with errno set otherwise (EIO when a write failed).
int sitrep_sync_file_system(const char *path);

#endif
