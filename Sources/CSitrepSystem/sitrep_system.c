#define _GNU_SOURCE
#include "sitrep_system.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

int sitrep_exchange_paths(const char *first, const char *second) {
#if defined(__linux__) && defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, 2 /* RENAME_EXCHANGE */);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

int sitrep_sync_file_system(const char *path) {
#if defined(__linux__)
    int descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (descriptor < 0) return -1;
    int result = syncfs(descriptor);
    int error = errno;
    close(descriptor);
    errno = error;
    return result;
#else
    (void)path;
    sync();
    return 0;
#endif
}
