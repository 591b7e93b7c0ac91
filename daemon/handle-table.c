/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>

#include "handle-table.h"

void handle_table_init(HandleTable *t, uint64_t first_handle) {
    assert(t);
    *t = (HandleTable) {
        .by_handle = U64_MAP_INIT,
        .by_pid = U64_MAP_INIT,
        .next_handle = first_handle,
    };
}

void handle_table_done(HandleTable *t) {
    assert(t);

    while (t->oldest)
        connection_free(handle_table_remove(t, t->oldest));
    u64_map_done(&t->by_handle);
    u64_map_done(&t->by_pid);
}

uint64_t handle_table_new_handle(HandleTable *t) {
    assert(t);

    while (t->next_handle == 0 || t->next_handle == UINT64_MAX)
        t->next_handle++;
    return t->next_handle++;
}

int handle_table_add(HandleTable *t, Connection *c) {
    assert(t);
    assert(c);
    assert(c->handle != 0 && c->handle != UINT64_MAX);
    assert(c->pid > 0);

    if (u64_map_get(&t->by_handle, c->handle) || u64_map_get(&t->by_pid, (uint64_t) c->pid))
        return -EEXIST;

    int r = u64_map_put(&t->by_handle, c->handle, c);
    if (r < 0)
        return r;
    if (!c->process_gone) {
        r = u64_map_put(&t->by_pid, (uint64_t) c->pid, c);
        if (r < 0) {
            u64_map_remove(&t->by_handle, c->handle);
            return r;
        }
    }

    c->older = t->newest;
    c->newer = NULL;
    if (t->newest)
        t->newest->newer = c;
    else
        t->oldest = c;
    t->newest = c;
    return 0;
}

Connection *handle_table_get(const HandleTable *t, uint64_t handle) {
    assert(t);
    if (handle == 0 || handle == UINT64_MAX)
        return NULL;
    return u64_map_get(&t->by_handle, handle);
}

int handle_table_add_link_handle(HandleTable *t, Connection *c) {
    assert(t);
    assert(c);
    if (c->link_handle)
        return 0;
    uint64_t h = handle_table_new_handle(t);
    int r = u64_map_put(&t->by_handle, h, c);
    if (r < 0)
        return r;
    c->link_handle = h;
    return 0;
}

Connection *handle_table_get_by_pid(const HandleTable *t, pid_t pid) {
    assert(t);
    if (pid <= 0)
        return NULL;
    return u64_map_get(&t->by_pid, (uint64_t) pid);
}

void handle_table_forget_pid(HandleTable *t, Connection *c) {
    assert(t);
    assert(c);
    if (u64_map_get(&t->by_pid, (uint64_t) c->pid) == c)
        u64_map_remove(&t->by_pid, (uint64_t) c->pid);
}

Connection *handle_table_remove(HandleTable *t, Connection *c) {
    assert(t);
    assert(c);

    handle_table_forget_pid(t, c);
    u64_map_remove(&t->by_handle, c->handle);
    if (c->link_handle)
        u64_map_remove(&t->by_handle, c->link_handle);

    if (c->older)
        c->older->newer = c->newer;
    else
        t->oldest = c->newer;
    if (c->newer)
        c->newer->older = c->older;
    else
        t->newest = c->older;
    c->older = c->newer = NULL;
    return c;
}
