/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A small open-addressing hash map from non-zero uint64 keys to pointers
 * (linear probing, backward-shift deletion, so no tombstones pile up).
 * libsystemd does not export its Hashmap; handles and pids need only this. */

#include <stddef.h>
#include <stdint.h>

typedef struct U64MapSlot {
    uint64_t key;        /* 0: empty */
    void *value;
} U64MapSlot;

typedef struct U64Map {
    U64MapSlot *slots;
    size_t n_slots;      /* power of two, or 0 before the first put */
    size_t n_entries;
} U64Map;

#define U64_MAP_INIT ((U64Map) {})

void u64_map_done(U64Map *m);

/* Adds or replaces.  key must not be 0.  0 or -ENOMEM. */
int u64_map_put(U64Map *m, uint64_t key, void *value);

void *u64_map_get(const U64Map *m, uint64_t key);

/* Returns the value removed, NULL if the key was absent. */
void *u64_map_remove(U64Map *m, uint64_t key);

static inline size_t u64_map_size(const U64Map *m) {
    return m->n_entries;
}
