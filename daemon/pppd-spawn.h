/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Starting pppd for Manager.Dial: fork + execve of a fixed argv (never a
 * shell), the child in a session of its own (so its process group is
 * everything it starts that does not leave), stdio on /dev/null, every
 * other fd closed, default signal mask and dispositions. */

#include <stdbool.h>
#include <sys/types.h>

/* Where "pppd call NAME" looks (fixed when pppd is built). */
#define PPPD_PEERS_DIR "/etc/ppp/peers"

typedef struct PppdSpawn {
    const char *pppd_path;
    const char *plugin_path;
    const char *entry;        /* a valid phonebook entry name */
    const char *entry_file;   /* NULL: pppd's own peers directory ("call ENTRY");
                               * else the entry's file in ours ("file PATH") */
    const char *runtime_dir;  /* NULL: the plugin's default; else pppras-runtime-dir DIR */
    const char *phone;        /* NULL: the entry's; else the dial's override, checked for the
                               * entry's device (peers_dial_phone_is_valid()) */
    bool pppoe_service;       /* the override is a PPPoE entry's service name */
} PppdSpawn;

/* The argv for s: pppd call ENTRY | file PATH, nodetach plugin PATH
 * pppras-entry ENTRY [pppras-runtime-dir DIR] [pppras-phone PHONE
 * [rp_pppoe_service PHONE]].  The override comes after the entry, whose
 * file pppd has read by then: the last value of an option wins.
 * Fills argv (at least PPPD_ARGV_MAX slots, NULL-terminated). */
#define PPPD_ARGV_MAX 15  /* pppd, 2 for the entry, nodetach, 2 for the plugin, 2 for pppras-entry,
                           * 2 for pppras-runtime-dir, 2 for pppras-phone, 2 for rp_pppoe_service, NULL */
void pppd_spawn_argv(const PppdSpawn *s, const char *argv[PPPD_ARGV_MAX]);

/* Returns the child's pid and a pidfd for it (opened before the child can
 * have exited and been reaped, so it always names our child).  Negative
 * errno when the fork fails; an execve failure shows as exit status 127. */
/* *ret_pidfd is -1 where pidfds are unavailable (process-watch.h). */
int pppd_spawn(const PppdSpawn *s, pid_t *ret_pid, int *ret_pidfd);
