/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>

#include "u64-map.h"

/* splitmix64's finalizer: handles are sequential and pids are small, so
 * the bits must be spread before masking. */
static size_t slot_of(const U64Map *m, uint64_t key) {
    key ^= key >> 30;
    key *= 0xbf58476d1ce4e5b9ULL;
    key ^= key >> 27;
    key *= 0x94d049bb133111ebULL;
    key ^= key >> 31;
    return (size_t) key & (m->n_slots - 1);
}

void u64_map_done(U64Map *m) {
    assert(m);
    free(m->slots);
    *m = U64_MAP_INIT;
}

static void insert_slot(U64Map *m, uint64_t key, void *value) {
    size_t i = slot_of(m, key);
    while (m->slots[i].key != 0 && m->slots[i].key != key)
        i = (i + 1) & (m->n_slots - 1);
    if (m->slots[i].key == 0)
        m->n_entries++;
    m->slots[i] = (U64MapSlot) { key, value };
}

static int resize(U64Map *m, size_t n_slots) {
    U64MapSlot *slots = calloc(n_slots, sizeof(U64MapSlot));
    if (!slots)
        return -ENOMEM;

    U64Map old = *m;
    *m = (U64Map) { .slots = slots, .n_slots = n_slots };
    for (size_t i = 0; i < old.n_slots; i++)
        if (old.slots[i].key != 0)
            insert_slot(m, old.slots[i].key, old.slots[i].value);
    free(old.slots);
    return 0;
}

int u64_map_put(U64Map *m, uint64_t key, void *value) {
    assert(m);
    assert(key != 0);

    /* keep the load factor at or below 1/2 */
    if ((m->n_entries + 1) * 2 > m->n_slots) {
        int r = resize(m, m->n_slots ? m->n_slots * 2 : 16);
        if (r < 0)
            return r;
    }
    insert_slot(m, key, value);
    return 0;
}

static U64MapSlot *find(const U64Map *m, uint64_t key) {
    if (key == 0 || m->n_slots == 0)
        return NULL;
    for (size_t i = slot_of(m, key);; i = (i + 1) & (m->n_slots - 1)) {
        if (m->slots[i].key == key)
            return &m->slots[i];
        if (m->slots[i].key == 0)
            return NULL;
    }
}

void *u64_map_get(const U64Map *m, uint64_t key) {
    assert(m);
    U64MapSlot *s = find(m, key);
    return s ? s->value : NULL;
}

void *u64_map_remove(U64Map *m, uint64_t key) {
    assert(m);
    U64MapSlot *s = find(m, key);
    if (!s)
        return NULL;

    void *value = s->value;
    size_t mask = m->n_slots - 1, hole = (size_t) (s - m->slots);
    m->slots[hole].key = 0;
    m->n_entries--;

    /* Backward shift: move later members of the probe run into the hole
     * when their home slot does not lie cyclically in (hole, j]. */
    for (size_t j = (hole + 1) & mask; m->slots[j].key != 0; j = (j + 1) & mask) {
        size_t home = slot_of(m, m->slots[j].key);
        bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (stays)
            continue;
        m->slots[hole] = m->slots[j];
        m->slots[j].key = 0;
        hole = j;
    }
    return value;
}
