/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* ppprasd's settings: built-in defaults, then /etc/pppras/ppprasd.conf
 * (config-file.c), then the command line, which wins. */

#include <stdbool.h>
#include <stdint.h>

#ifndef PPPRAS_PLUGIN_PATH
#define PPPRAS_PLUGIN_PATH "/usr/lib/pppd/2.4.9/pppras.so"
#endif

#ifndef PPPRAS_L2TP_HELPER_PATH
#define PPPRAS_L2TP_HELPER_PATH "/usr/libexec/pppras/pppras-l2tp"
#endif

#define DEFAULT_CONFIG_PATH     "/etc/pppras/ppprasd.conf"
#define DEFAULT_PHONEBOOK_DIR   "/etc/ppp/peers"
#define DEFAULT_STATE_DIR       "/var/lib/pppras"
#define DEFAULT_RUNTIME_DIR     "/run/pppras"
#define DEFAULT_PPPD_PATH       "/usr/sbin/pppd"

typedef struct DaemonOptions {
    uint64_t grace_usec;         /* GracePeriodSec, --grace-period: SIGTERM → SIGKILL */
    uint64_t linger_usec;        /* LingerSec, --linger: a connection that ended on its own keeps its handle */
    uint64_t supervise_usec;     /* SuperviseTimeoutSec, --supervise-timeout: Dial'd pppd must connect by then; 0 = off */
    char *hangup_group;          /* HangUpGroup, --hangup-group */
    char *dial_group;            /* DialGroup, --dial-group: "" lets every user dial */
    char *entry_group;           /* EntryGroup, --entry-group: may write phonebook entries */
    char *mount_group;           /* MountGroup, --mount-group: who may have root mount CIFS/NFS; "" everyone */
    char *phonebook_dir;         /* PhonebookDir, --phonebook */
    char *state_dir;             /* StateDirectory, --state-dir (dialparams); NULL: none (tests) */
    char *runtime_dir;           /* RuntimeDirectory, --runtime-dir (connection table); NULL: none (tests) */
    char *pppd_path;             /* PppdPath, --pppd */
    char *plugin_path;           /* PluginPath, --plugin */
    char *l2tp_helper;           /* L2tpHelper, --l2tp-helper: the pty program of L2TP entries */
    char *ssh_config;            /* SshConfig, --ssh-config: ssh_config(5) for sshfs; NULL: each user's own */
    int log_level;               /* --log-level, LOG_* */
    char *device_root;           /* --test-device-root: RasEnumDevices reads DIR/sys, DIR/dev; NULL: "/" */
    bool test_allow_fake_pids;   /* --test-allow-fake-pids: Register's test_pid (benchmarks, private bus only) */
} DaemonOptions;

/* Defaults; the directories stay NULL so that a Context built from these
 * alone (unit tests) touches no file.  daemon_options_parse() fills them. */
void daemon_options_init(DaemonOptions *o);
void daemon_options_done(DaemonOptions *o);

/* Reads the configuration file (--config=PATH or the default), then the
 * command line.  > 0: run; 0: exit successfully (--help, --version);
 * < 0: bad usage (logged). */
int daemon_options_parse(DaemonOptions *o, int argc, char *argv[]);

/* "5", "1.5": seconds as µs, at most a day.  -EINVAL otherwise. */
int parse_seconds(const char *s, uint64_t *ret);
