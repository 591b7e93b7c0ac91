/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* pppd phase → RASCONNSTATE.  The daemon is the only place that maps;
 * docs/state-tables.md shows this table and tests walk it entry by entry. */

#include <stdbool.h>
#include <stddef.h>
#include "ras.h"

/* pppd's PHASE_* numbers (identical in 2.4.9 and 2.5). */
enum {
    PPPD_PHASE_DEAD = 0,
    PPPD_PHASE_INITIALIZE,
    PPPD_PHASE_SERIALCONN,
    PPPD_PHASE_DORMANT,
    PPPD_PHASE_ESTABLISH,
    PPPD_PHASE_AUTHENTICATE,
    PPPD_PHASE_CALLBACK,
    PPPD_PHASE_NETWORK,
    PPPD_PHASE_RUNNING,
    PPPD_PHASE_TERMINATE,
    PPPD_PHASE_DISCONNECT,
    PPPD_PHASE_HOLDOFF,
    PPPD_PHASE_MASTER,
    _PPPD_PHASE_MAX,
};

#define PHASE_MAP_MAX_STATES 2

typedef struct PhaseMapEntry {
    int phase;
    const char *name;                        /* "PHASE_ESTABLISH" */
    /* States entered, in order; n_states == 0: the phase leaves the state as it is. */
    RASCONNSTATE states[PHASE_MAP_MAX_STATES];
    size_t n_states;
    RASCONNSUBSTATE substate;
} PhaseMapEntry;

extern const PhaseMapEntry phase_map[_PPPD_PHASE_MAX];

/* NULL for a phase number pppd does not define. */
const PhaseMapEntry *phase_map_lookup(int phase);

const char *ras_state_name(RASCONNSTATE state);   /* "RASCS_Connected"; NULL if unknown */
