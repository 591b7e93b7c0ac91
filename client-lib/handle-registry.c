/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

#include "handle-registry.h"

/* Open addressing over pointer values, linear probing with backward-shift
 * deletion; sized to stay at most half full. */
typedef struct Slot {
    const void *object;
    HandleKind kind;
} Slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Slot *slots;
static size_t n_slots, n_live;

static size_t slot_of(const void *object, size_t n) {
    uintptr_t x = (uintptr_t) object;
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return x & (n - 1);
}

static size_t find(const void *object) {
    for (size_t i = slot_of(object, n_slots);; i = (i + 1) & (n_slots - 1))
        if (!slots[i].object || slots[i].object == object)
            return i;
}

static int grow(void) {
    size_t n = n_slots ? n_slots * 2 : 64;
    Slot *old = slots, *fresh = calloc(n, sizeof(Slot));
    size_t old_n = n_slots;
    if (!fresh)
        return -ENOMEM;
    slots = fresh;
    n_slots = n;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].object)
            slots[find(old[i].object)] = old[i];
    free(old);
    return 0;
}

int handle_registry_add(void *object, HandleKind kind) {
    int r = 0;
    pthread_mutex_lock(&lock);
    if ((n_live + 1) * 2 > n_slots)
        r = grow();
    if (r == 0) {
        size_t i = find(object);
        if (!slots[i].object)
            n_live++;
        slots[i] = (Slot) { object, kind };
    }
    pthread_mutex_unlock(&lock);
    return r;
}

bool handle_registry_has(const void *object, HandleKind kind) {
    bool live = false;
    if (!object)
        return false;
    pthread_mutex_lock(&lock);
    if (n_slots) {
        size_t i = find(object);
        live = slots[i].object == object && slots[i].kind == kind;
    }
    pthread_mutex_unlock(&lock);
    return live;
}

bool handle_registry_remove(void *object, HandleKind kind) {
    bool removed = false;
    if (!object)
        return false;
    pthread_mutex_lock(&lock);
    if (n_slots) {
        size_t i = find(object);
        if (slots[i].object == object && slots[i].kind == kind) {
            removed = true;
            n_live--;
            /* backward shift: pull later members of the run into the gap */
            for (size_t j = (i + 1) & (n_slots - 1); slots[j].object; j = (j + 1) & (n_slots - 1)) {
                size_t home = slot_of(slots[j].object, n_slots);
                if (((j - home) & (n_slots - 1)) >= ((j - i) & (n_slots - 1))) {
                    slots[i] = slots[j];
                    i = j;
                }
            }
            slots[i] = (Slot) {};
        }
    }
    pthread_mutex_unlock(&lock);
    return removed;
}
