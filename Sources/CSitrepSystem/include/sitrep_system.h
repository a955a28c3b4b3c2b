#ifndef SITREP_SYSTEM_H
#define SITREP_SYSTEM_H

/// Atomically exchanges two paths (both must exist) with renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int sitrep_exchange_paths(const char *first, const char *second);

#endif
