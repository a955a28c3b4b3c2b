#define _GNU_SOURCE
#include "sitrep_system.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
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

/// Appends `name` and a NUL byte to the growing buffer; -1 when memory runs out.
static int append_name(char **names, unsigned long *length, unsigned long *capacity, const char *name) {
    if (name[0] == '.' && (name[1] == 0 || (name[1] == '.' && name[2] == 0))) return 0;
    unsigned long size = strlen(name) + 1;
    if (*length + size > *capacity) {
        unsigned long grown = *capacity * 2 + size + 256;
        char *larger = realloc(*names, grown);
        if (larger == NULL) return -1;
        *names = larger;
        *capacity = grown;
    }
    memcpy(*names + *length, name, size);
    *length += size;
    return 0;
}

int sitrep_folder_names(int descriptor, char **names, unsigned long *length) {
    unsigned long capacity = 0;
    *names = NULL;
    *length = 0;
#if defined(__linux__) && defined(SYS_getdents64)
    /// The kernel's record of one entry (linux_dirent64).
    struct record {
        unsigned long long inode;
        long long offset;
        unsigned short size;
        unsigned char type;
        char name[];
    };
    char buffer[32768] __attribute__((aligned(8)));
    for (;;) {
        long count = syscall(SYS_getdents64, descriptor, buffer, sizeof buffer);
        if (count < 0) goto failed;
        if (count == 0) break;
        for (long position = 0; position < count;) {
            struct record *entry = (struct record *)(buffer + position);
            if (append_name(names, length, &capacity, entry->name) != 0) goto failed;
            position += entry->size;
        }
    }
    return 0;
#else
    int copy = dup(descriptor);
    if (copy < 0) return -1;
    DIR *folder = fdopendir(copy);
    if (folder == NULL) {
        close(copy);
        return -1;
    }
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (append_name(names, length, &capacity, entry->d_name) != 0) {
            closedir(folder);
            goto failed;
        }
    }
    closedir(folder);
    return 0;
#endif
failed:;
    int error = errno;
    free(*names);
    *names = NULL;
    *length = 0;
    errno = error;
    return -1;
}
