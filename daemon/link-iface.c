/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bus-errors.h"
#include "bus-util.h"
#include "device-status.h"
#include "context.h"
#include "exit-map.h"
#include "link-device.h"
#include "link-iface.h"
#include "log.h"
#include "phase-map.h"
#include "raserror.h"
#include "util.h"

/* Keys of the a{sv} dictionaries Register / IpUp / Exit carry. */
typedef struct InfoDict {
    LinkInfo link;
    int peer_terminated;        /* Exit: -1 not sent */
    const char *side, *protocol;   /* Auth */
    int success;                /* Auth: -1 not sent */
    LinkStats stats;            /* Stats */
    int test_pid;               /* Register under --test-allow-fake-pids: -1 not sent */
    const char *pty_program;    /* Register: basename of the pty command's first word */
} InfoDict;

typedef enum KeyKind { KEY_STRING, KEY_ADDRESS, KEY_PHASE, KEY_BOOL, KEY_PID, KEY_U64, KEY_U32 } KeyKind;

typedef struct InfoKey {
    const char *name;
    KeyKind kind;
    size_t offset;              /* in InfoDict */
} InfoKey;

#define LINK_KEY(n, kind, field) { n, kind, offsetof(InfoDict, link.field) }

static const InfoKey info_keys[] = {
    LINK_KEY("entry",       KEY_STRING,  entry),
    LINK_KEY("ipparam",     KEY_STRING,  ipparam),
    LINK_KEY("device",      KEY_STRING,  device),
    LINK_KEY("device_type", KEY_STRING,  device_type),
    LINK_KEY("phone",       KEY_STRING,  phone),
    LINK_KEY("ifname",      KEY_STRING,  ifname),
    LINK_KEY("local",       KEY_ADDRESS, local),
    LINK_KEY("remote",      KEY_ADDRESS, remote),
    LINK_KEY("bundle",      KEY_STRING,  bundle),
    LINK_KEY("phase",       KEY_PHASE,   phase),
    LINK_KEY("multilink",   KEY_BOOL,    multilink),
    LINK_KEY("dns1",        KEY_ADDRESS, dns1),
    LINK_KEY("dns2",        KEY_ADDRESS, dns2),
    LINK_KEY("previous_pid", KEY_PID,    previous_pid),
    { "peer_terminated", KEY_BOOL,   offsetof(InfoDict, peer_terminated) },   /* Exit, and Register once seen */
    { "side",            KEY_STRING, offsetof(InfoDict, side) },
    { "protocol",        KEY_STRING, offsetof(InfoDict, protocol) },
    { "success",         KEY_BOOL,   offsetof(InfoDict, success) },
    { "bytes_in",        KEY_U64,    offsetof(InfoDict, stats.bytes_in) },
    { "bytes_out",       KEY_U64,    offsetof(InfoDict, stats.bytes_out) },
    { "packets_in",      KEY_U64,    offsetof(InfoDict, stats.packets_in) },
    { "packets_out",     KEY_U64,    offsetof(InfoDict, stats.packets_out) },
    { "connect_time_ms", KEY_U32,    offsetof(InfoDict, stats.connect_time_ms) },
    { "test_pid",        KEY_PID,    offsetof(InfoDict, test_pid) },
    { "pty_program",     KEY_STRING, offsetof(InfoDict, pty_program) },
};

static const InfoKey *find_key(const char *name) {
    for (size_t i = 0; i < ELEMENTSOF(info_keys); i++)
        if (strcmp(info_keys[i].name, name) == 0)
            return &info_keys[i];
    return NULL;
}

static bool phase_is_known(uint32_t phase) {
    return phase < _PPPD_PHASE_MAX && phase_map_lookup((int) phase);
}

static const char kind_signature[][2] = {
    [KEY_STRING] = "s", [KEY_ADDRESS] = "s", [KEY_PHASE] = "u", [KEY_BOOL] = "b",
    [KEY_PID] = "u", [KEY_U64] = "t", [KEY_U32] = "u",
};

/* Reads an a{sv}.  Strings point into m.  Unknown keys are skipped (a newer
 * plugin may send more); a known key with a wrong type or a bad value is
 * -EINVAL. */
static int read_info_dict_full(sd_bus_message *m, InfoDict *ret, bool ipv6) {
    assert(m);
    assert(ret);

    *ret = (InfoDict) { .link = LINK_INFO_INIT, .peer_terminated = -1, .success = -1, .test_pid = -1 };

    int r = sd_bus_message_enter_container(m, 'a', "{sv}");
    if (r < 0)
        return r;
    while ((r = sd_bus_message_enter_container(m, 'e', "sv")) > 0) {
        const char *name;
        r = sd_bus_message_read(m, "s", &name);
        if (r < 0)
            return r;

        const InfoKey *key = find_key(name);
        if (!key) {
            log_debug("Ignoring unknown Link key \"%s\".", name);
            r = sd_bus_message_skip(m, "v");
        } else {
            const char *contents;
            char type;
            r = sd_bus_message_peek_type(m, &type, &contents);
            if (r < 0)
                return r;
            if (!streq_ptr(contents, kind_signature[key->kind]))
                return -EINVAL;

            void *field = (uint8_t *) ret + key->offset;
            const char *s;
            uint32_t u;
            uint64_t t;
            int b;
            switch (key->kind) {
            case KEY_STRING:
            case KEY_ADDRESS:
                r = sd_bus_message_read(m, "v", "s", &s);
                if (r >= 0 && (!bus_string_is_valid(s) || (key->kind == KEY_ADDRESS && !ipv6 && !bus_ipv4_is_valid(s))))
                    return -EINVAL;
                *(const char **) field = s;
                break;
            case KEY_PHASE:
                r = sd_bus_message_read(m, "v", "u", &u);
                if (r >= 0 && !phase_is_known(u))
                    return -EINVAL;
                *(int *) field = (int) u;
                break;
            case KEY_BOOL:
                r = sd_bus_message_read(m, "v", "b", &b);
                *(int *) field = !!b;
                break;
            case KEY_PID:
                r = sd_bus_message_read(m, "v", "u", &u);
                if (r >= 0 && (u <= 1 || u > INT32_MAX))
                    return -EINVAL;
                *(int *) field = (int) u;
                break;
            case KEY_U64:
                r = sd_bus_message_read(m, "v", "t", &t);
                *(uint64_t *) field = t;
                break;
            case KEY_U32:
                r = sd_bus_message_read(m, "v", "u", &u);
                *(uint32_t *) field = u;
                break;
            }
        }
        if (r < 0)
            return r;
        r = sd_bus_message_exit_container(m);
        if (r < 0)
            return r;
    }
    if (r < 0)
        return r;
    return sd_bus_message_exit_container(m);
}

static int read_info_dict(sd_bus_message *m, InfoDict *ret) {
    return read_info_dict_full(m, ret, false);
}

/* Every Link call: root only; the pid is the sender's.  Returns > 0 with
 * *ret_sender filled when the call may go on, else the reply was sent. */
static int link_check_sender(sd_bus_message *m, BusSender *ret_sender) {
    assert(m);
    assert(ret_sender);

    int r = bus_sender_get(m, ret_sender);
    if (r < 0) {
        log_debug_errno(r, "Link.%s: no credentials for %s: %m",
                        sd_bus_message_get_member(m), strempty(sd_bus_message_get_sender(m)));
        r = bus_reply_access_denied(m);
        return r < 0 ? r : 0;
    }
    if (ret_sender->euid != 0) {
        log_notice("Link.%s from uid %u (pid %i) refused: not root.",
                   sd_bus_message_get_member(m), (unsigned) ret_sender->euid, (int) ret_sender->pid);
        bus_sender_done(ret_sender);
        r = bus_reply_access_denied(m);
        return r < 0 ? r : 0;
    }
    return 1;
}

/* The connection of the sender's pppd, or NULL (the reply for an unknown
 * pid, success, was sent): reports from a pppd we do not know are
 * harmless, e.g. a Phase that raced the daemon's restart. */
static Connection *link_connection(Context *ctx, sd_bus_message *m, int *r) {
    assert(ctx);
    assert(m);
    assert(r);

    /* A registered plugin's connection was checked (root, its own pid)
     * when it registered: no credentials round trip per report. */
    Connection *c = context_link_connection_by_sender(ctx, sd_bus_message_get_sender(m));
    if (c) {
        *r = 1;
        return c;
    }

    BusSender sender;
    *r = link_check_sender(m, &sender);
    if (*r <= 0)
        return NULL;
    pid_t pid = sender.pid;
    bus_sender_done(&sender);

    c = context_link_connection(ctx, pid);
    if (!c) {
        log_debug("Link.%s from unknown pid %i ignored.", sd_bus_message_get_member(m), (int) pid);
        *r = sd_bus_reply_method_return(m, NULL);
    }
    return c;
}

/* The prologue of every report that carries a dictionary: read it (a bad
 * one is InvalidParameter), then find the sender's connection.  NULL when
 * the reply was already sent or the message could not be read; *r is then
 * what the handler returns. */
static Connection *link_report(Context *ctx, sd_bus_message *m, InfoDict *info, bool ipv6, int *r) {
    assert(ctx);
    assert(m);
    assert(info);
    assert(r);

    *r = read_info_dict_full(m, info, ipv6);
    if (*r == -EINVAL) {
        *r = bus_reply_invalid_parameter(m);
        return NULL;
    }
    if (*r < 0)
        return NULL;
    return link_connection(ctx, m, r);
}

/* For GetSecrets: > 0 with *ret the sender's connection (NULL for an
 * unknown pid, no reply sent); <= 0 when the refusal was sent. */
static Connection *link_connection_or_none(Context *ctx, sd_bus_message *m, int *r) {
    assert(ctx);
    assert(m);
    assert(r);

    BusSender sender;
    *r = link_check_sender(m, &sender);
    if (*r <= 0)
        return NULL;
    pid_t pid = sender.pid;
    bus_sender_done(&sender);
    return context_link_connection(ctx, pid);
}

/* --test-allow-fake-pids (benchmarks, private bus): one process stands for
 * thousands of pppds by registering each under a live child of its own. */
static bool link_fake_pid_allowed(const Context *ctx, pid_t sender_pid, pid_t test_pid) {
    assert(ctx);

    ProcessStat st;
    return ctx->allow_fake_pids && process_stat_read(test_pid, &st) >= 0 && st.ppid == sender_pid;
}

static int method_register(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    BusSender sender;
    int r = link_check_sender(m, &sender);
    if (r <= 0)
        return r;
    pid_t pid = sender.pid;
    uid_t owner = sender.euid;
    bus_sender_done(&sender);
    /* A pppd a user started (setuid root) keeps the user as its real uid,
     * which the bus does not tell.  The bus vouched for root, and only a
     * root process passes here, so this read of /proc is of a process
     * that could act as root anyway. */
    uid_t real;
    if (process_real_uid_of_root(pid, &real) >= 0)
        owner = real;

    InfoDict info;
    r = read_info_dict(m, &info);
    if (r == -EINVAL)
        return bus_reply_invalid_parameter(m);
    if (r < 0)
        return r;
    if (info.test_pid > 0) {
        if (!link_fake_pid_allowed(ctx, pid, info.test_pid)) {
            log_notice("Link.Register for test_pid %i from pid %i refused.", info.test_pid, (int) pid);
            return bus_reply_access_denied(m);
        }
        pid = info.test_pid;
    }

    /* RAS names for what pppd reports (link-device.h); d outlives the call */
    LinkDevice d;
    if (info.link.device_type) {
        link_device_classify(ctx->device_root ?: "/", info.link.device_type, info.link.device, info.pty_program, &d);
        info.link.device_type = d.type;
        if (info.link.device || d.kind == LINK_DEVICE_PPTP || d.kind == LINK_DEVICE_L2TP)
            info.link.device = d.name;
    }

    Connection *c;
    r = context_link_register(ctx, pid, owner, &info.link, &c);
    if (r < 0)
        return bus_reply_errno(m, r);
    if (info.peer_terminated > 0)
        c->peer_terminated = true;
    /* Its unique name routes its later reports and tells us when they are all in. */
    r = context_link_set_sender(ctx, c, sd_bus_message_get_sender(m));
    if (r < 0)
        return r;
    return sd_bus_reply_method_return(m, NULL);
}

static int method_phase(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    uint32_t phase;
    int r = sd_bus_message_read(m, "u", &phase);
    if (r < 0)
        return r;
    if (!phase_is_known(phase))
        return bus_reply_invalid_parameter(m);

    Connection *c = link_connection(ctx, m, &r);
    if (!c)
        return r;
    log_connection(LOG_DEBUG, c, "Phase %s.", phase_map_lookup((int) phase)->name);
    r = connection_apply_phase(c, (int) phase);
    if (r < 0)
        return bus_reply_errno(m, r);
    /* connect scripts and pty programs start around phase changes */
    context_note_escaped(ctx, c);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_ip_up(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    InfoDict info;
    int r;
    Connection *c = link_report(ctx, m, &info, false, &r);
    if (!c)
        return r;
    r = connection_apply_ip_up(c, &info.link);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_ip_down(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = link_connection(ctx, m, &r);
    if (!c)
        return r;
    log_connection(LOG_DEBUG, c, "IP down.");
    connection_apply_ip_down(c);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_exit(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int32_t status;
    int r = sd_bus_message_read(m, "i", &status);
    if (r < 0)
        return r;
    InfoDict info;
    Connection *c = link_report(ctx, m, &info, false, &r);
    if (!c)
        return r;
    log_connection(LOG_DEBUG, c, "pppd exits with status %i%s.", status,
                   info.peer_terminated > 0 ? " (peer terminated)" : "");
    if (connection_device_error_applies(status) && c->dialled && ctx->runtime_dir)
        c->device_error = device_dial_error(ctx->runtime_dir, c->pid);
    connection_apply_exit(c, status, info.peer_terminated > 0);
    context_exit_reported(ctx, c);
    return sd_bus_reply_method_return(m, NULL);
}

/* The one call the plugin waits for: pppd's PAP/CHAP password hook. */
static int method_get_secrets(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = link_connection_or_none(ctx, m, &r);
    if (r <= 0)
        return r;
    if (!c || (!c->secret_user && !c->secret_password)) {
        if (c)
            log_connection(LOG_DEBUG, c, "No secrets for pppd: it uses its own secrets files.");
        return bus_reply_ras_error(m, PPPRAS_ERROR_NO_SECRETS, ERROR_LOGON_FAILURE);
    }
    log_connection(LOG_DEBUG, c, "Secrets handed to pppd.");
    return sd_bus_reply_method_return(m, "ss", strempty(c->secret_user), strempty(c->secret_password));
}

static int method_auth(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    InfoDict info;
    int r;
    Connection *c = link_report(ctx, m, &info, false, &r);
    if (!c)
        return r;
    log_connection(info.success == 0 ? LOG_NOTICE : LOG_INFO, c, "Authentication (%s, %s) %s.",
                   info.side ?: "?", info.protocol ?: "?", info.success == 0 ? "failed" : "succeeded");
    connection_apply_auth(c, info.success != 0);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_ip6_up(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    InfoDict info;
    int r;
    Connection *c = link_report(ctx, m, &info, true, &r);
    if (!c)
        return r;
    log_connection(LOG_DEBUG, c, "IPv6 up (%s → %s).", strempty(info.link.local), strempty(info.link.remote));
    /* local/remote: IPv6 interface identifiers or link-local addresses */
    r = connection_apply_ip6(c, info.link.local, info.link.remote);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_ip6_down(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = link_connection(ctx, m, &r);
    if (!c)
        return r;
    log_connection(LOG_DEBUG, c, "IPv6 down.");
    return sd_bus_reply_method_return(m, NULL);
}

static int method_joined(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    InfoDict info;
    int r;
    Connection *c = link_report(ctx, m, &info, false, &r);
    if (!c)
        return r;
    r = context_link_joined(ctx, c, info.link.ifname);
    if (r == -ENOENT)
        log_connection(LOG_NOTICE, c, "Joined a bundle on %s that no known pppd owns; standing alone.",
                       strempty(info.link.ifname));
    else if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_stats(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    InfoDict info;
    int r;
    Connection *c = link_report(ctx, m, &info, false, &r);
    if (!c)
        return r;
    connection_apply_stats(c, &info.stats);
    return sd_bus_reply_method_return(m, NULL);
}

/* The bus policy already limits Link to root; the handlers check again
 * from the sender's credentials, which is what counts. */
const sd_bus_vtable link_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD_WITH_ARGS("Register",
                             SD_BUS_ARGS("a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_register, 0),
    SD_BUS_METHOD_WITH_ARGS("Phase",
                             SD_BUS_ARGS("u", phase),
                             SD_BUS_NO_RESULT,
                             method_phase, 0),
    SD_BUS_METHOD_WITH_ARGS("IpUp",
                             SD_BUS_ARGS("a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_ip_up, 0),
    SD_BUS_METHOD_WITH_ARGS("IpDown",
                             SD_BUS_NO_ARGS,
                             SD_BUS_NO_RESULT,
                             method_ip_down, 0),
    SD_BUS_METHOD_WITH_ARGS("Exit",
                             SD_BUS_ARGS("i", status, "a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_exit, 0),
    SD_BUS_METHOD_WITH_ARGS("GetSecrets",
                             SD_BUS_NO_ARGS,
                             SD_BUS_RESULT("s", user, "s", password),
                             method_get_secrets, SD_BUS_VTABLE_SENSITIVE),
    SD_BUS_METHOD_WITH_ARGS("Auth",
                             SD_BUS_ARGS("a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_auth, 0),
    SD_BUS_METHOD_WITH_ARGS("Ip6Up",
                             SD_BUS_ARGS("a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_ip6_up, 0),
    SD_BUS_METHOD_WITH_ARGS("Ip6Down",
                             SD_BUS_NO_ARGS,
                             SD_BUS_NO_RESULT,
                             method_ip6_down, 0),
    SD_BUS_METHOD_WITH_ARGS("Joined",
                             SD_BUS_ARGS("a{sv}", info),
                             SD_BUS_NO_RESULT,
                             method_joined, 0),
    SD_BUS_METHOD_WITH_ARGS("Stats",
                             SD_BUS_ARGS("a{sv}", stats),
                             SD_BUS_NO_RESULT,
                             method_stats, 0),
    SD_BUS_VTABLE_END
};
