/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Small helpers every daemon file uses: ownership (_cleanup_, TAKE_PTR),
 * fd closing, string comparison.  Header only. */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define _cleanup_(f) __attribute__((cleanup(f)))
#define _unused_ __attribute__((unused))

#define ELEMENTSOF(a) (sizeof(a) / sizeof((a)[0]))

/* Hand ownership of *p to the caller and leave NULL behind. */
#define TAKE_PTR(p)                          \
    ({                                       \
        __typeof__(p) _taken_ = (p);         \
        (p) = NULL;                          \
        _taken_;                             \
    })

#define TAKE_FD(fd)                          \
    ({                                       \
        int _taken_fd_ = (fd);               \
        (fd) = -1;                           \
        _taken_fd_;                          \
    })

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

static inline bool streq_ptr(const char *a, const char *b) {
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

static inline const char *strempty(const char *s) {
    return s ?: "";
}

static inline bool isempty(const char *s) {
    return !s || !*s;
}

/* Replace *dst by a copy of src (NULL clears).  Returns 1 if the value
 * changed, 0 if it was equal, -ENOMEM. */
static inline int free_and_strdup(char **dst, const char *src) {
    if (streq_ptr(*dst, src))
        return 0;
    char *copy = NULL;
    if (src) {
        copy = strdup(src);
        if (!copy)
            return -ENOMEM;
    }
    free(*dst);
    *dst = copy;
    return 1;
}

#define USEC_PER_SEC 1000000ULL
