/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

#include "lib-macro.h"
#include "handle-registry.h"
#include "win-base.h"
#include "win-event.h"
#include "windows.h"

/* A Win32 event is an eventfd in a small heap object, known to the handle
 * registry while it lives: every call rejects handles that are not events
 * (or were closed) instead of writing to some random fd. */
typedef struct Event {
    int fd;
    bool manual_reset;
    bool owns_fd;
} Event;

static Event *event_from_handle(HANDLE h) {
    Event *e = h;

    if (!e || h == INVALID_HANDLE_VALUE || !handle_registry_has(e, HANDLE_KIND_EVENT))
        return NULL;
    return e;
}

int win_event_fd(HANDLE h) {
    Event *e = event_from_handle(h);

    return e ? e->fd : -EBADF;
}

static HANDLE event_new(int fd, bool manual_reset, bool owns_fd) {
    Event *e;

    assert(fd >= 0);

    e = malloc(sizeof(Event));
    if (!e) {
        win_set_error(ERROR_NOT_ENOUGH_MEMORY, ENOMEM);
        return NULL;
    }
    *e = (Event) {
        .fd = fd,
        .manual_reset = manual_reset,
        .owns_fd = owns_fd,
    };
    if (handle_registry_add(e, HANDLE_KIND_EVENT) < 0) {
        free(e);
        win_set_error(ERROR_NOT_ENOUGH_MEMORY, ENOMEM);
        return NULL;
    }
    return e;
}

static HANDLE event_create(BOOL manual_reset, BOOL initial_state, bool named) {
    HANDLE h;
    int fd;

    if (named) {
        win_set_error(ERROR_NOT_SUPPORTED, ENOTSUP);
        return NULL;
    }

    fd = eventfd(initial_state ? 1 : 0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (fd < 0) {
        win_set_error(errno == ENOMEM ? ERROR_NOT_ENOUGH_MEMORY : ERROR_INVALID_FUNCTION, errno);
        return NULL;
    }

    h = event_new(fd, manual_reset, true);
    if (!h)
        safe_close(fd);
    return h;
}

_public_ HANDLE WINAPI CreateEventA(LPVOID lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCSTR lpName) {
    return event_create(bManualReset, bInitialState, lpName);
}

_public_ HANDLE WINAPI CreateEventW(LPVOID lpEventAttributes, BOOL bManualReset, BOOL bInitialState, LPCWSTR lpName) {
    return event_create(bManualReset, bInitialState, lpName);
}

_public_ HANDLE PppRasEventFromFd(int fd) {
    if (fd < 0 || fcntl(fd, F_GETFD) < 0) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return NULL;
    }
    return event_new(fd, false, false);
}

_public_ int PppRasEventFd(HANDLE hEvent) {
    int fd = win_event_fd(hEvent);

    if (fd < 0) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return -1;
    }
    return fd;
}

_public_ BOOL WINAPI SetEvent(HANDLE hEvent) {
    Event *e = event_from_handle(hEvent);
    uint64_t one = 1;

    if (!e) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return FALSE;
    }

    /* EAGAIN: the counter is saturated, so the event is signalled already. */
    if (write(e->fd, &one, sizeof(one)) < 0 && errno != EAGAIN) {
        win_set_error(ERROR_INVALID_HANDLE, errno);
        return FALSE;
    }
    return TRUE;
}

/* Take the signalled state away: true if it was signalled.  Several
 * signals since the last wait are one signal, as with a Win32 event. */
static int event_consume(Event *e) {
    uint64_t count;

    assert(e);

    if (read(e->fd, &count, sizeof(count)) < 0)
        return errno == EAGAIN ? 0 : -errno;
    return 1;
}

_public_ BOOL WINAPI ResetEvent(HANDLE hEvent) {
    Event *e = event_from_handle(hEvent);
    int r;

    if (!e) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return FALSE;
    }

    r = event_consume(e);
    if (r < 0) {
        win_set_error(ERROR_INVALID_HANDLE, -r);
        return FALSE;
    }
    return TRUE;
}

static uint64_t now_msec(void) {
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000 + (uint64_t) ts.tv_nsec / 1000000;
}

/* Wait until fd is readable or the deadline passes: 1 readable, 0 timed
 * out, -errno on failure. */
static int fd_wait_readable(int fd, DWORD timeout_ms, uint64_t deadline) {
    struct pollfd p = { .fd = fd, .events = POLLIN };

    for (;;) {
        int timeout = -1, r;

        if (timeout_ms != INFINITE) {
            uint64_t now = now_msec();

            timeout = now >= deadline ? 0 : (int) (deadline - now > INT_MAX ? INT_MAX : deadline - now);
        }

        r = poll(&p, 1, timeout);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        if (r > 0) {
            if (p.revents & POLLNVAL)
                return -EBADF;
            return 1;
        }
        if (timeout_ms != INFINITE && now_msec() >= deadline)
            return 0;
    }
}

_public_ DWORD WINAPI WaitForSingleObject(HANDLE hHandle, DWORD dwMilliseconds) {
    Event *e = event_from_handle(hHandle);
    uint64_t deadline;

    if (!e) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return WAIT_FAILED;
    }

    deadline = now_msec() + dwMilliseconds;
    for (;;) {
        int r;

        r = fd_wait_readable(e->fd, dwMilliseconds, deadline);
        if (r < 0) {
            win_set_error(ERROR_INVALID_HANDLE, -r);
            return WAIT_FAILED;
        }
        if (r == 0)
            return WAIT_TIMEOUT;
        if (e->manual_reset)
            return WAIT_OBJECT_0;

        /* Auto-reset: the wait that takes the signal wins it; when another
         * thread took it first, keep waiting. */
        r = event_consume(e);
        if (r < 0) {
            win_set_error(ERROR_INVALID_HANDLE, -r);
            return WAIT_FAILED;
        }
        if (r > 0)
            return WAIT_OBJECT_0;
    }
}

_public_ BOOL WINAPI CloseHandle(HANDLE hObject) {
    Event *e = hObject;

    /* Taken out of the registry first: of two racing closes, one wins. */
    if (!e || hObject == INVALID_HANDLE_VALUE || !handle_registry_remove(e, HANDLE_KIND_EVENT)) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return FALSE;
    }

    if (e->owns_fd)
        safe_close(e->fd);
    free(e);
    return TRUE;
}
