/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "log.h"
#include "notify.h"
#include "client-fd.h"
#include "uid-limits.h"
#include "util.h"

typedef struct Registration {
    uint64_t id;           /* names its fd in systemd's fd store across restarts */
    char *owner;
    uid_t uid;
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
    UidLimits per_uid;
    size_t fd_reserve;
    uint64_t next_id;
    NotifyChangedHook changed;
    void *changed_userdata;
};

void notify_registry_set_hook(NotifyRegistry *r, uint64_t first_id, NotifyChangedHook hook, void *userdata) {
    assert(r);
    r->next_id = first_id;
    r->changed = hook;
    r->changed_userdata = userdata;
}

void notify_registry_foreach(const NotifyRegistry *r, NotifyForeach fn, void *userdata) {
    assert(r);
    assert(fn);
    for (size_t i = 0; i < r->n_registrations; i++) {
        const Registration *reg = &r->registrations[i];
        fn(reg->id, reg->owner, reg->uid, reg->handle, reg->flags, userdata);
    }
}

int notify_registry_new(NotifyRegistry **ret) {
    assert(ret);
    NotifyRegistry *r = calloc(1, sizeof(NotifyRegistry));
    if (!r)
        return -ENOMEM;
    r->per_uid = UID_LIMITS_INIT(NOTIFY_MAX_PER_UID);
    r->fd_reserve = NOTIFY_FD_RESERVE;
    int k = client_fd_setup();
    if (k < 0) {
        free(r);
        return k;
    }
    *ret = r;
    return 0;
}

void notify_registry_set_limits(NotifyRegistry *r, size_t per_uid, size_t fd_reserve) {
    assert(r);
    r->per_uid.limit = per_uid;
    r->fd_reserve = fd_reserve;
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
    uid_limits_done(&r->per_uid);
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

static int add(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid, uint64_t handle, uint32_t flags,
               int fd, uint64_t id, bool restored);

int notify_registry_add(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid,
                        uint64_t handle, uint32_t flags, int fd) {
    assert(r);
    return add(r, bus, owner, uid, handle, flags, fd, ++r->next_id, false);
}

int notify_registry_readd(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid,
                          uint64_t handle, uint32_t flags, int fd, uint64_t id) {
    assert(r);
    if (id > r->next_id)
        r->next_id = id;
    int k = add(r, bus, owner, uid, handle, flags, fd, id, true);
    safe_close(fd);
    return k;
}

static int add(NotifyRegistry *r, sd_bus *bus, const char *owner, uid_t uid, uint64_t handle, uint32_t flags,
               int fd, uint64_t id, bool restored) {
    assert(r);
    assert(owner);

    if (flags == 0 || (flags & ~NOTIFY_VALID_FLAGS) != 0)
        return -EINVAL;
    if (fd < 0)
        return -EBADF;

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
        return errno == EMFILE ? -EDQUOT : -errno;
    if (client_fd_kind(copy) != CLIENT_FD_EVENTFD)
        return -EBADF;
    /* the daemon's own work (pppd, the bus, mounts) keeps its fds */
    if (!fd_reserve_ok(copy, r->fd_reserve))
        return -EDQUOT;
    _cleanup_(freep) char *owner_copy = strdup(owner);
    if (!owner_copy)
        return -ENOMEM;

    int k = track_client(r, bus, owner);
    if (k < 0)
        return k;
    k = uid_limits_take(&r->per_uid, uid);
    if (k < 0)
        return k;    /* the client entry stays until the client leaves: harmless */

    Registration *reg = &r->registrations[r->n_registrations++];
    *reg = (Registration) {
        .id = id,
        .owner = TAKE_PTR(owner_copy),
        .uid = uid,
        .handle = handle,
        .flags = flags,
        .fd = TAKE_FD(copy),
    };
    if (r->changed && !restored)
        r->changed(reg->id, reg->fd, r->changed_userdata);
    return 0;
}

static void remove_registration(NotifyRegistry *r, size_t i) {
    assert(r);
    assert(i < r->n_registrations);
    uid_limits_release(&r->per_uid, r->registrations[i].uid);
    if (r->changed)
        r->changed(r->registrations[i].id, -1, r->changed_userdata);
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
 * (it shares it with us): client-fd.h says how. */
static int signal_fd(int fd) {
    uint64_t one = 1;
    return client_fd_write(fd, &one, sizeof(one));
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
        if (k == -EAGAIN)
            /* A full counter means the client stopped reading (or filled
             * it on purpose): the event cannot be delivered, and keeping
             * the registration would only cost us another try each time. */
            log_notice("Notification eventfd of %s (uid %u) is full, dropping it.", reg->owner,
                       (unsigned) reg->uid);
        else if (k < 0)
            log_debug_errno(k, "Notification fd of %s failed, dropping it: %m", reg->owner);
        if (k < 0) {
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
