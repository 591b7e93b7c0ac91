/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "log.h"
#include "notify.h"
#include "util.h"

typedef struct Registration {
    char *owner;
    uint64_t handle;
    uint32_t flags;
    int fd;
} Registration;

/* One per bus client with registrations: its sd_bus_track. */
typedef struct Client {
    NotifyRegistry *registry;
    char *owner;
    sd_bus_track *track;
} Client;

struct NotifyRegistry {
    Registration *registrations;
    size_t n_registrations, allocated;
    Client **clients;
    size_t n_clients;
};

int notify_registry_new(NotifyRegistry **ret) {
    assert(ret);
    *ret = calloc(1, sizeof(NotifyRegistry));
    return *ret ? 0 : -ENOMEM;
}

static Client *client_free(Client *cl) {
    if (!cl)
        return NULL;
    sd_bus_track_unref(cl->track);
    free(cl->owner);
    free(cl);
    return NULL;
}

static void registration_done(Registration *reg) {
    assert(reg);
    free(reg->owner);
    safe_close(reg->fd);
}

NotifyRegistry *notify_registry_free(NotifyRegistry *r) {
    if (!r)
        return NULL;
    for (size_t i = 0; i < r->n_registrations; i++)
        registration_done(&r->registrations[i]);
    free(r->registrations);
    for (size_t i = 0; i < r->n_clients; i++)
        client_free(r->clients[i]);
    free(r->clients);
    free(r);
    return NULL;
}

static Client *find_client(NotifyRegistry *r, const char *owner, size_t *index) {
    assert(r);
    assert(owner);
    for (size_t i = 0; i < r->n_clients; i++)
        if (streq_ptr(r->clients[i]->owner, owner)) {
            if (index)
                *index = i;
            return r->clients[i];
        }
    return NULL;
}

static int client_track_handler(sd_bus_track *track, void *userdata) {
    Client *cl = userdata;
    assert(track);
    assert(cl);

    log_debug("Bus client %s left, dropping its notifications.", cl->owner);
    /* frees cl and unrefs track; sd-bus holds its own reference while here */
    notify_registry_drop_owner(cl->registry, cl->owner);
    return 0;
}

static int track_client(NotifyRegistry *r, sd_bus *bus, const char *owner) {
    assert(r);
    assert(owner);

    if (!bus || find_client(r, owner, NULL))
        return 0;

    Client **clients = reallocarray(r->clients, r->n_clients + 1, sizeof(Client *));
    if (!clients)
        return -ENOMEM;
    r->clients = clients;

    Client *cl = calloc(1, sizeof(Client));
    if (!cl)
        return -ENOMEM;
    cl->registry = r;
    cl->owner = strdup(owner);
    if (!cl->owner) {
        client_free(cl);
        return -ENOMEM;
    }
    int k = sd_bus_track_new(bus, &cl->track, client_track_handler, cl);
    if (k >= 0)
        k = sd_bus_track_add_name(cl->track, owner);
    if (k < 0) {
        client_free(cl);
        return k;
    }
    r->clients[r->n_clients++] = cl;
    return 0;
}

static bool fd_is_writable(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0)
        return false;
    return (flags & O_ACCMODE) == O_WRONLY || (flags & O_ACCMODE) == O_RDWR;
}

int notify_registry_add(NotifyRegistry *r, sd_bus *bus, const char *owner,
                        uint64_t handle, uint32_t flags, int fd) {
    assert(r);
    assert(owner);

    if (flags == 0 || (flags & ~NOTIFY_VALID_FLAGS) != 0)
        return -EINVAL;
    if (fd < 0 || !fd_is_writable(fd))
        return -EBADF;
    size_t held = 0;
    for (size_t i = 0; i < r->n_registrations; i++)
        held += streq_ptr(r->registrations[i].owner, owner);
    if (held >= NOTIFY_MAX_PER_CLIENT)
        return -EDQUOT;

    if (r->n_registrations == r->allocated) {
        size_t n = r->allocated ? r->allocated * 2 : 8;
        Registration *regs = reallocarray(r->registrations, n, sizeof(Registration));
        if (!regs)
            return -ENOMEM;
        r->registrations = regs;
        r->allocated = n;
    }

    _cleanup_(closep) int copy = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    if (copy < 0)
        return -errno;
    _cleanup_(freep) char *owner_copy = strdup(owner);
    if (!owner_copy)
        return -ENOMEM;

    int k = track_client(r, bus, owner);
    if (k < 0)
        return k;

    r->registrations[r->n_registrations++] = (Registration) {
        .owner = TAKE_PTR(owner_copy),
        .handle = handle,
        .flags = flags,
        .fd = TAKE_FD(copy),
    };
    return 0;
}

static void remove_registration(NotifyRegistry *r, size_t i) {
    assert(r);
    assert(i < r->n_registrations);
    registration_done(&r->registrations[i]);
    r->registrations[i] = r->registrations[--r->n_registrations];
}

void notify_registry_drop_owner(NotifyRegistry *r, const char *owner) {
    assert(r);
    assert(owner);

    for (size_t i = 0; i < r->n_registrations;)
        if (streq_ptr(r->registrations[i].owner, owner))
            remove_registration(r, i);
        else
            i++;

    size_t index;
    Client *cl = find_client(r, owner, &index);
    if (cl) {
        r->clients[index] = r->clients[--r->n_clients];
        client_free(cl);
    }
}

void notify_registry_drop_handle(NotifyRegistry *r, uint64_t handle) {
    assert(r);
    if (handle == NOTIFY_ALL_CONNECTIONS)
        return;
    for (size_t i = 0; i < r->n_registrations;)
        if (r->registrations[i].handle == handle)
            remove_registration(r, i);
        else
            i++;
}

/* Never blocks, and never changes the flags of the client's open file
 * (it shares it with us): poll first, then one 8-byte write. */
static int signal_fd(int fd) {
    struct pollfd p = { .fd = fd, .events = POLLOUT };
    int n = poll(&p, 1, 0);
    if (n < 0)
        return -errno;
    if (p.revents & (POLLERR | POLLNVAL))
        return -EPIPE;
    if (n == 0 || !(p.revents & POLLOUT))
        return -EAGAIN;

    uint64_t one = htole64(1);
    ssize_t k = send(fd, &one, sizeof(one), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (k < 0 && errno == ENOTSOCK)
        k = write(fd, &one, sizeof(one));
    if (k < 0)
        return -errno;
    if ((size_t) k != sizeof(one))
        return -EIO;
    return 0;
}

void notify_registry_fire(NotifyRegistry *r, uint64_t handle, uint32_t event) {
    assert(r);

    for (size_t i = 0; i < r->n_registrations;) {
        Registration *reg = &r->registrations[i];
        if ((reg->handle != NOTIFY_ALL_CONNECTIONS && reg->handle != handle) || !(reg->flags & event)) {
            i++;
            continue;
        }
        int k = signal_fd(reg->fd);
        if (k < 0 && k != -EAGAIN && k != -EINTR) {
            log_debug_errno(k, "Notification fd of %s failed, dropping it: %m", reg->owner);
            remove_registration(r, i);
            continue;
        }
        i++;
    }
}

size_t notify_registry_count(const NotifyRegistry *r) {
    assert(r);
    return r->n_registrations;
}
