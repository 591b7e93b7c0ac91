/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Small helpers every libpppras file uses.  Header only. */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

/* The library is built with -fvisibility=hidden: only definitions marked
 * _public_ (and listed in libpppras.map) are part of the ABI. */
#define _public_ __attribute__((visibility("default")))

#define _cleanup_(f) __attribute__((cleanup(f)))

#define ELEMENTSOF(a) (sizeof(a) / sizeof((a)[0]))

/* Hand ownership of *p to the caller and leave NULL behind. */
#define TAKE_PTR(p)                          \
    ({                                       \
        __typeof__(p) _taken_ = (p);         \
        (p) = NULL;                          \
        _taken_;                             \
    })

/* free() that returns NULL, for "p = mfree(p)". */
static inline void *mfree(void *p) {
    free(p);
    return NULL;
}

static inline void freep(void *p) {
    free(*(void **) p);
}

/* close() that keeps errno and tolerates -1; returns -1 for "fd = safe_close(fd)". */
static inline int safe_close(int fd) {
    if (fd >= 0) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return -1;
}

static inline void closep(int *fd) {
    safe_close(*fd);
}
