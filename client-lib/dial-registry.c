/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>

#include "dial-registry.h"

struct DialTicket {
    uint64_t handle;
    bool cancelled;
    DialTicket *prev, *next;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static DialTicket *registry_head;

DialTicket *dial_registry_add(uint64_t handle) {
    DialTicket *t;

    t = calloc(1, sizeof(*t));
    if (!t)
        return NULL;
    t->handle = handle;

    pthread_mutex_lock(&registry_lock);
    t->next = registry_head;
    if (registry_head)
        registry_head->prev = t;
    registry_head = t;
    pthread_mutex_unlock(&registry_lock);
    return t;
}

bool dial_ticket_cancelled(DialTicket *t) {
    bool cancelled;

    assert(t);

    pthread_mutex_lock(&registry_lock);
    cancelled = t->cancelled;
    pthread_mutex_unlock(&registry_lock);
    return cancelled;
}

void dial_registry_remove(DialTicket *t) {
    assert(t);

    pthread_mutex_lock(&registry_lock);
    if (t->prev)
        t->prev->next = t->next;
    else
        registry_head = t->next;
    if (t->next)
        t->next->prev = t->prev;
    pthread_mutex_unlock(&registry_lock);
    free(t);
}

void dial_registry_cancel(uint64_t handle) {
    pthread_mutex_lock(&registry_lock);
    for (DialTicket *t = registry_head; t; t = t->next)
        if (t->handle == handle)
            t->cancelled = true;
    pthread_mutex_unlock(&registry_lock);
}
