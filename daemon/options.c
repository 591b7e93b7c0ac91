/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "config-file.h"
#include "log.h"
#include "options.h"
#include "util.h"

#define DEFAULT_GRACE_SEC   5
#define DEFAULT_LINGER_SEC  60
#define DEFAULT_HANGUP_GROUP "pppras"
#define DEFAULT_DIAL_GROUP  "pppras"
#define DEFAULT_ENTRY_GROUP "pppras"
#define DEFAULT_MOUNT_GROUP "pppras"
#define DEFAULT_SUPERVISE_SEC 120
/* A day: longer timeouts are typos, and this keeps µs arithmetic far from overflow. */
#define MAX_TIMEOUT_SEC     86400

void daemon_options_init(DaemonOptions *o) {
    assert(o);
    *o = (DaemonOptions) {
        .grace_usec = DEFAULT_GRACE_SEC * USEC_PER_SEC,
        .linger_usec = DEFAULT_LINGER_SEC * USEC_PER_SEC,
        .supervise_usec = DEFAULT_SUPERVISE_SEC * USEC_PER_SEC,
        .log_level = LOG_INFO,
    };
}

void daemon_options_done(DaemonOptions *o) {
    assert(o);
    char **strings[] = {
        &o->hangup_group, &o->dial_group, &o->entry_group, &o->mount_group, &o->device_root,
        &o->phonebook_dir, &o->state_dir,
        &o->runtime_dir, &o->pppd_path, &o->plugin_path, &o->l2tp_helper, &o->ssh_config,
    };
    for (size_t i = 0; i < ELEMENTSOF(strings); i++) {
        free(*strings[i]);
        *strings[i] = NULL;
    }
}

static void help(void) {
    printf("ppprasd [OPTIONS...]\n\n"
           "The pppras daemon: the Windows RAS connection API for pppd, on the system bus\n"
           "as org.pppras.Ras1.\n\n"
           "  -h --help                   Show this help\n"
           "     --version                Show the version\n"
           "     --grace-period=SEC       Seconds from SIGTERM to SIGKILL on hang-up (default %d)\n"
           "     --linger=SEC             Seconds a connection that ended on its own keeps its\n"
           "                              handle for RasGetConnectStatus (default %d)\n"
           "     --supervise-timeout=SEC  Hang up a dialled pppd that has not connected after\n"
           "                              SEC seconds (default %d; 0: never)\n"
           "     --hangup-group=NAME      Group whose members may dial and hang up any\n"
           "                              connection (default \"%s\")\n"
           "     --dial-group=NAME        Group whose members may dial (default \"%s\";\n"
           "                              empty: every user)\n"
           "     --entry-group=NAME       Group whose members may write phonebook entries\n"
           "                              (default \"%s\")\n"
           "     --mount-group=NAME       Group whose members may have CIFS and NFS network\n"
           "                              drives mounted (default \"%s\"; empty: every user)\n"
           "     --phonebook=DIR          Phonebook entries (default %s)\n"
           "     --state-dir=DIR          Saved dial parameters (default %s)\n"
           "     --runtime-dir=DIR        Connection table kept across restarts\n"
           "                              (default $RUNTIME_DIRECTORY or %s)\n"
           "     --pppd=PATH              pppd to run for Dial (default %s)\n"
           "     --plugin=PATH            pppras.so for pppd (default %s)\n"
           "     --l2tp-helper=PATH       The L2TP program L2TP entries run as pppd's pty\n"
           "                              (default %s)\n"
           "     --ssh-config=FILE        ssh_config(5) file for sshfs network drives\n"
           "                              (default: each user's own)\n"
           "     --config=PATH            Configuration file (default %s)\n"
           "     --log-level=LEVEL        err, warning, notice, info or debug (default info)\n"
           "     --test-device-root=DIR   Tests: RasEnumDevices reads DIR/sys and DIR/dev\n"
           "     --test-allow-fake-pids   Benchmarks: Link.Register may speak for a child of\n"
           "                              the sender (test_pid); private buses only\n",
           DEFAULT_GRACE_SEC, DEFAULT_LINGER_SEC, DEFAULT_SUPERVISE_SEC, DEFAULT_HANGUP_GROUP,
           DEFAULT_DIAL_GROUP, DEFAULT_ENTRY_GROUP, DEFAULT_MOUNT_GROUP, DEFAULT_PHONEBOOK_DIR, DEFAULT_STATE_DIR, DEFAULT_RUNTIME_DIR,
           DEFAULT_PPPD_PATH, PPPRAS_PLUGIN_PATH, PPPRAS_L2TP_HELPER_PATH, DEFAULT_CONFIG_PATH);
}

/* Whole seconds, possibly with a fraction ("1.5"): µs. */
int parse_seconds(const char *s, uint64_t *ret) {
    assert(s);
    assert(ret);

    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v >= 0) || v > MAX_TIMEOUT_SEC)
        return -EINVAL;
    *ret = (uint64_t) (v * USEC_PER_SEC + 0.5);
    return 0;
}

static int parse_level(const char *s) {
    static const char *const names[] = {
        [LOG_ERR] = "err", [LOG_WARNING] = "warning", [LOG_NOTICE] = "notice",
        [LOG_INFO] = "info", [LOG_DEBUG] = "debug",
    };
    for (size_t i = 0; i < ELEMENTSOF(names); i++)
        if (names[i] && strcmp(names[i], s) == 0)
            return (int) i;
    return -EINVAL;
}

int daemon_options_parse(DaemonOptions *o, int argc, char *argv[]) {
    enum {
        ARG_VERSION = 0x100,
        ARG_GRACE,
        ARG_LINGER,
        ARG_SUPERVISE,
        ARG_HANGUP_GROUP,
        ARG_LOG_LEVEL,
        ARG_DIAL_GROUP,
        ARG_MOUNT_GROUP,
        ARG_PHONEBOOK,
        ARG_STATE_DIR,
        ARG_RUNTIME_DIR,
        ARG_PPPD,
        ARG_PLUGIN,
        ARG_CONFIG,
        ARG_SSH_CONFIG,
        ARG_TEST_ALLOW_FAKE_PIDS,
        ARG_ENTRY_GROUP,
        ARG_DEVICE_ROOT,
        ARG_L2TP_HELPER,
    };
    static const struct option options[] = {
        { "help",              no_argument,       NULL, 'h' },
        { "version",           no_argument,       NULL, ARG_VERSION },
        { "grace-period",      required_argument, NULL, ARG_GRACE },
        { "linger",            required_argument, NULL, ARG_LINGER },
        { "supervise-timeout", required_argument, NULL, ARG_SUPERVISE },
        { "hangup-group",      required_argument, NULL, ARG_HANGUP_GROUP },
        { "log-level",         required_argument, NULL, ARG_LOG_LEVEL },
        { "dial-group",        required_argument, NULL, ARG_DIAL_GROUP },
        { "mount-group",       required_argument, NULL, ARG_MOUNT_GROUP },
        { "phonebook",         required_argument, NULL, ARG_PHONEBOOK },
        { "state-dir",         required_argument, NULL, ARG_STATE_DIR },
        { "runtime-dir",       required_argument, NULL, ARG_RUNTIME_DIR },
        { "pppd",              required_argument, NULL, ARG_PPPD },
        { "plugin",            required_argument, NULL, ARG_PLUGIN },
        { "config",            required_argument, NULL, ARG_CONFIG },
        { "ssh-config",        required_argument, NULL, ARG_SSH_CONFIG },
        { "test-allow-fake-pids", no_argument,    NULL, ARG_TEST_ALLOW_FAKE_PIDS },
        { "entry-group",       required_argument, NULL, ARG_ENTRY_GROUP },
        { "test-device-root",  required_argument, NULL, ARG_DEVICE_ROOT },
        { "l2tp-helper",       required_argument, NULL, ARG_L2TP_HELPER },
        {}
    };

    assert(o);
    assert(argc >= 0);

    /* The file first, so that every option on the command line wins. */
    const char *config = DEFAULT_CONFIG_PATH;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--config=", 9) == 0)
            config = argv[i] + 9;
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
            config = argv[i + 1];
        else if (strcmp(argv[i], "--") == 0)
            break;
    }
    int r = config_file_load(o, config);
    if (r < 0)
        return r;

    optind = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", options, NULL)) >= 0)
        switch (c) {
        case 'h':
            help();
            return 0;
        case ARG_VERSION:
            printf("ppprasd %s\n", PPPRAS_VERSION);
            return 0;
        case ARG_GRACE:
            if (parse_seconds(optarg, &o->grace_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --grace-period: %s", optarg);
            break;
        case ARG_LINGER:
            if (parse_seconds(optarg, &o->linger_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --linger: %s", optarg);
            break;
        case ARG_SUPERVISE:
            if (parse_seconds(optarg, &o->supervise_usec) < 0)
                return log_error_errno(EINVAL, "Invalid --supervise-timeout: %s", optarg);
            break;
        case ARG_HANGUP_GROUP:
            if (free_and_strdup(&o->hangup_group, optarg) < 0)
                return log_oom();
            break;
        case ARG_DEVICE_ROOT:
            if (optarg[0] != '/')
                return log_error_errno(EINVAL, "--test-device-root wants an absolute path: %s", optarg);
            if (free_and_strdup(&o->device_root, optarg) < 0)
                return log_oom();
            break;
        case ARG_ENTRY_GROUP:
            if (free_and_strdup(&o->entry_group, optarg) < 0)
                return log_oom();
            break;
        case ARG_LOG_LEVEL: {
            int level = parse_level(optarg);
            if (level < 0)
                return log_error_errno(EINVAL, "Invalid --log-level: %s", optarg);
            o->log_level = level;
            break;
        }
        case ARG_MOUNT_GROUP:
            if (free_and_strdup(&o->mount_group, optarg) < 0)
                return log_oom();
            break;
        case ARG_DIAL_GROUP:
        case ARG_PHONEBOOK:
        case ARG_STATE_DIR:
        case ARG_RUNTIME_DIR:
        case ARG_PPPD:
        case ARG_PLUGIN:
        case ARG_L2TP_HELPER:
        case ARG_SSH_CONFIG: {
            char **field = c == ARG_DIAL_GROUP ? &o->dial_group :
                           c == ARG_PHONEBOOK ? &o->phonebook_dir :
                           c == ARG_STATE_DIR ? &o->state_dir :
                           c == ARG_RUNTIME_DIR ? &o->runtime_dir :
                           c == ARG_PPPD ? &o->pppd_path :
                           c == ARG_PLUGIN ? &o->plugin_path :
                           c == ARG_L2TP_HELPER ? &o->l2tp_helper : &o->ssh_config;
            if (c != ARG_DIAL_GROUP && optarg[0] != '/')
                return log_error_errno(EINVAL, "%s wants an absolute path: %s", argv[optind - 1], optarg);
            if (free_and_strdup(field, optarg) < 0)
                return log_oom();
            break;
        }
        case ARG_CONFIG:
            break;    /* read above */
        case ARG_TEST_ALLOW_FAKE_PIDS:
            o->test_allow_fake_pids = true;
            break;
        case '?':
            return -EINVAL;
        default:
            assert(!"unexpected option");
            return -EINVAL;
        }

    if (optind < argc)
        return log_error_errno(EINVAL, "%s takes no arguments.", argv[0]);

    /* A test hook lets one root process speak for many pppds: never on the real system bus. */
    const char *bus = getenv("DBUS_SYSTEM_BUS_ADDRESS");
    if (o->test_allow_fake_pids && (isempty(bus) || strstr(bus, "/run/dbus/system_bus_socket")))
        return log_error_errno(EINVAL, "--test-allow-fake-pids works only on a private bus ($DBUS_SYSTEM_BUS_ADDRESS).");

    const char *runtime = getenv("RUNTIME_DIRECTORY");   /* systemd's RuntimeDirectory= */
    if (runtime && (runtime[0] != '/' || strchr(runtime, ':')))
        runtime = NULL;   /* several directories, or junk: use ours */
    struct { char **field; const char *value; } defaults[] = {
        { &o->hangup_group,  DEFAULT_HANGUP_GROUP },
        { &o->dial_group,    DEFAULT_DIAL_GROUP },
        { &o->entry_group,   DEFAULT_ENTRY_GROUP },
        { &o->mount_group,   DEFAULT_MOUNT_GROUP },
        { &o->phonebook_dir, DEFAULT_PHONEBOOK_DIR },
        { &o->state_dir,     DEFAULT_STATE_DIR },
        { &o->runtime_dir,   runtime ?: DEFAULT_RUNTIME_DIR },
        { &o->pppd_path,     DEFAULT_PPPD_PATH },
        { &o->plugin_path,   PPPRAS_PLUGIN_PATH },
        { &o->l2tp_helper,   PPPRAS_L2TP_HELPER_PATH },
    };
    for (size_t i = 0; i < ELEMENTSOF(defaults); i++)
        if (!*defaults[i].field && free_and_strdup(defaults[i].field, defaults[i].value) < 0)
            return log_oom();
    return 1;
}
