/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* pppras.so: tells ppprasd what its pppd is doing.  Each pppd event becomes
 * one fire-and-forget call on org.pppras.Ras1.Link (docs/dbus-api.md).
 * pppd never waits for us and never stops because of us: no bus, no daemon
 * or a broken connection only means reports are dropped until the bus is
 * back, and then one Register gives the daemon the whole current state.
 * The one exception is the password hooks (auth-hooks.c), which wait at
 * most LINK_SECRETS_TIMEOUT_MSEC for the daemon's answer. */

#include "pppd-compat.h"   /* first: it settles 2.4.9's "bool" */

#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth-hooks.h"
#include "bus-link.h"
#include "call-name.h"
#include "device-env.h"
#include "link-end-file.h"
#include "link-report.h"
#include "notify-timing.h"
#include "pppras-plugin.h"
#include "pty-program.h"

#define TICK_BUSY_USEC   50000    /* while messages wait to be written: a batch each */
#define TICK_IDLE_SEC    3        /* notice a new daemon, a lost bus, a fork */
#define EXIT_FLUSH_MSEC  100      /* the most pppd's exit is delayed for the Exit report */

#define LCP_PROTOCOL     0xc021
#define LCP_TERM_REQ     5

static char *arg_bus_address;    /* pppras-bus */
static char *arg_entry;          /* pppras-entry */
static char *arg_phone;          /* pppras-phone */
static bool arg_timing;          /* pppras-timing */
static char *arg_runtime_dir;    /* pppras-runtime-dir */

static option_t plugin_options[] = {
    /* Privileged: libdbus addresses can name programs to run (unixexec:). */
    { .name = "pppras-bus", .type = o_string, .addr = &arg_bus_address, .flags = OPT_PRIV,
      .description = "D-Bus address to report to instead of the system bus" },
    { .name = "pppras-entry", .type = o_string, .addr = &arg_entry,
      .description = "Phonebook entry name to report for this connection" },
    /* Privileged: device programs dial it (PPPRAS_PHONE). */
    { .name = "pppras-phone", .type = o_string, .addr = &arg_phone, .flags = OPT_PRIV,
      .description = "Phone number (or VPN server) this dial uses instead of the entry's" },
    /* Privileged: where a root-owned file is written at exit. */
    { .name = "pppras-runtime-dir", .type = o_string, .addr = &arg_runtime_dir, .flags = OPT_PRIV,
      .description = "ppprasd's runtime directory, where pppd's ending is kept (default /run/pppras)" },
    { .name = "pppras-timing", .type = o_bool, .addr = &arg_timing, .flags = 1,
      .description = "Log the time spent in pppras's notifiers when pppd exits" },
    { .name = NULL }
};

PPPRAS_EXPORT char pppd_version[] = PPPRAS_PPPD_VERSION_STRING;

typedef enum Timing {
    TIMING_PHASE, TIMING_IP_UP, TIMING_IP_DOWN, TIMING_IP6_UP, TIMING_IP6_DOWN,
    TIMING_AUTH_UP, TIMING_JOIN, TIMING_SNOOP, TIMING_TICK, TIMING_EXIT,
    _TIMING_MAX,
} Timing;

/* Link-local address text of an interface identifier: "fe80::1:2:3:4". */
#define IP6_TEXT_MAX INET6_ADDRSTRLEN
#define ENDPOINT_TEXT_MAX 128

typedef struct Plugin {
    BusLink *bus;                      /* created on first report, once options are parsed */
    char *call_name;                   /* "pppd call NAME" */
    int phase;
    bool ip_up;
    char local[INET_ADDRSTRLEN];
    char remote[INET_ADDRSTRLEN];
    bool authenticating;               /* PHASE_AUTHENTICATE entered, outcome not reported */
    uint64_t running_since_ns;         /* PHASE_RUNNING entered (network up), 0: not yet */
    bool have_stats;
    LinkStats stats;                   /* the last link's, sent at exit */
    char reported_device[PATH_MAX];    /* what the last Register said, to notice changes */
    char reported_endpoint[ENDPOINT_TEXT_MAX];
    bool peer_terminated;              /* LCP Terminate-Request received on this link */
    bool auth_failed;                  /* an authentication failure was reported */
    bool exit_reported;
    bool inactive;                     /* this process is not pppd's main one any more */
    bool bus_down_logged;
    bool drops_logged;
    bool tick_busy;                    /* the pump runs every TICK_BUSY_USEC */
    pppd_snoop_fn previous_snoop;
    pppd_join_hook_fn previous_join;
    NotifyTiming timings[_TIMING_MAX];
} Plugin;

static Plugin plugin = {
    .phase = PHASE_INITIALIZE,
    .timings = {
        [TIMING_PHASE] = { .name = "phase" },      [TIMING_IP_UP] = { .name = "ip-up" },
        [TIMING_IP_DOWN] = { .name = "ip-down" },  [TIMING_IP6_UP] = { .name = "ipv6-up" },
        [TIMING_IP6_DOWN] = { .name = "ipv6-down" }, [TIMING_AUTH_UP] = { .name = "auth-up" },
        [TIMING_JOIN] = { .name = "multilink-join" }, [TIMING_SNOOP] = { .name = "packet-snoop" },
        [TIMING_TICK] = { .name = "timer" },       [TIMING_EXIT] = { .name = "exit (flushes the bus)" },
    },
};

static uint64_t timing_begin(void) {
    return arg_timing ? notify_timing_now() : 0;
}

static void timing_end(Timing which, uint64_t start) {
    if (arg_timing)
        notify_timing_add(&plugin.timings[which], start);
}

static void timing_log(void) {
    char line[160];

    if (!arg_timing)
        return;
    for (unsigned i = 0; i < _TIMING_MAX; i++) {
        notify_timing_format(&plugin.timings[i], line, sizeof(line));
        if (*line)
            info("pppras: time in notifier %s", line);
    }
}

static void copy_text(char *dst, size_t size, const char *src) {
    assert(dst);
    snprintf(dst, size, "%s", src ?: "");
}

static void on_register(BusLink *bus, pid_t previous_pid, void *userdata) {
    assert(bus);

    const char *endpoint = pppd_peer_endpoint();
    int idle = pppd_idle_limit(), max_connect = pppd_max_connect();
    char program[64];
    pty_program_name(pppd_pty_command(), program, sizeof(program));
    LinkInfo info = {
        .entry = arg_entry ?: plugin.call_name,
        .ipparam = pppd_ipparam(),
        .device = pppd_device(),
        .device_type = pppd_device_type(),
        .pty_program = program,
        /* The explicit option wins: channel plugins reuse remote_number
         * for other things (rp-pppoe puts the peer's MAC address there). */
        .phone = arg_phone ?: pppd_remote_number(),
        .ifname = pppd_ifname(),
        .phase = plugin.phase,
        .local = plugin.ip_up ? plugin.local : NULL,
        .remote = plugin.ip_up ? plugin.remote : NULL,
        .multilink = pppd_multilink(),
        .bundle = pppd_bundle_name(),
        .endpoint = endpoint,
        .idle_sec = idle > 0 ? (uint32_t) idle : 0,
        .maxconnect_sec = max_connect > 0 ? (uint32_t) max_connect : 0,
        .previous_pid = (uint32_t) previous_pid,
        .peer_terminated = plugin.peer_terminated,
    };
    DBusMessage *m = link_report_register(&info);
    if (!m)
        return;
    (void) bus_link_send(bus, m, false);
    dbus_message_unref(m);
    copy_text(plugin.reported_device, sizeof(plugin.reported_device), info.device);
    copy_text(plugin.reported_endpoint, sizeof(plugin.reported_endpoint), endpoint);
    dbglog("pppras: registered with %s", bus_link_address(bus));
}

static BusLink *plugin_bus(void) {
    if (!plugin.bus && bus_link_new(arg_bus_address, on_register, NULL, &plugin.bus) < 0)
        return NULL;
    return plugin.bus;
}

/* One line per outage, not one per dropped report. */
static void note_bus_result(int r) {
    if (r >= 0) {
        plugin.bus_down_logged = false;
        return;
    }
    if (r == -ENOTCONN || plugin.bus_down_logged)   /* waiting to retry, or already said */
        return;
    plugin.bus_down_logged = true;
    if (plugin.bus)
        warn("pppras: cannot report to ppprasd over %s: %s",
             bus_link_address(plugin.bus), bus_link_last_error(plugin.bus));
    else
        warn("pppras: cannot report to ppprasd: %s", strerror(-r));
}

static void note_drops(void) {
    if (plugin.drops_logged || !plugin.bus || bus_link_dropped(plugin.bus) == 0)
        return;
    plugin.drops_logged = true;
    warn("pppras: the bus is not taking reports; dropping the oldest beyond 1 MiB until it does");
}

static void on_tick(void *arg);

static void schedule_tick(bool busy) {
    plugin.tick_busy = busy;
    pppd_untimeout(on_tick, NULL);
    if (busy)
        pppd_timeout(on_tick, NULL, 0, TICK_BUSY_USEC);
    else
        pppd_timeout(on_tick, NULL, TICK_IDLE_SEC, 0);
}

static void on_tick(void *arg) {
    uint64_t start = timing_begin();

    if (plugin.inactive || plugin.exit_reported)
        return;
    BusLink *bus = plugin_bus();
    int r = bus ? bus_link_connect(bus, false) : -ENOMEM;
    note_bus_result(r);
    schedule_tick(r >= 0 && bus_link_pump(bus) > 0);
    timing_end(TIMING_TICK, start);
}

/* droppable: a later report of the same kind supersedes it (phases). */
static void report(DBusMessage *m, bool droppable) {
    if (!m)
        return;
    BusLink *bus = plugin_bus();
    int r = bus ? bus_link_send(bus, m, droppable) : -ENOMEM;
    dbus_message_unref(m);
    note_bus_result(r);
    note_drops();
    /* Idle, the 3 s tick stays as it is; a backlog wants the pump soon. */
    if (r >= 0 && bus_link_pending(bus) && !plugin.tick_busy)
        schedule_tick(true);
}

/* pty links learn their device (the pty's slave) only once the link
 * starts, after plugin_init; LCP brings the peer's endpoint. */
static void register_if_changed(void) {
    const char *endpoint = pppd_peer_endpoint();

    if (!plugin.bus || plugin.inactive)
        return;
    if (strcmp(pppd_device(), plugin.reported_device) == 0 &&
        strcmp(endpoint ?: "", plugin.reported_endpoint) == 0)
        return;
    if (bus_link_connect(plugin.bus, false) >= 0)
        on_register(plugin.bus, 0, NULL);
}

static void report_auth_failure(void) {
    if (!plugin.authenticating)
        return;
    plugin.authenticating = false;
    /* auth.c sets the status just before it closes LCP. */
    switch (pppd_exit_status()) {
    case EXIT_AUTH_TOPEER_FAILED:
        plugin.auth_failed = true;
        report(link_report_auth("self", pppd_auth_protocol(false), false), false);
        break;
    case EXIT_PEER_AUTH_FAILED:
        plugin.auth_failed = true;
        report(link_report_auth("peer", pppd_auth_protocol(true), false), false);
        break;
    default:
        break;   /* the link went away for another reason */
    }
}

static void capture_stats(void) {
    PppdLinkStats s;

    if (!pppd_link_stats(&s))
        return;
    uint64_t up_ms = plugin.running_since_ns ? (notify_timing_now() - plugin.running_since_ns) / 1000000 : 0;
    plugin.stats = (LinkStats) {
        .bytes_in = s.bytes_in, .bytes_out = s.bytes_out,
        .packets_in = s.packets_in, .packets_out = s.packets_out,
        .connect_time_ms = up_ms > UINT32_MAX ? UINT32_MAX : (uint32_t) up_ms,
    };
    plugin.have_stats = true;
}

/* The bus message may find no daemon (killed, restarting): the ending
 * also goes on disk, where a restarted ppprasd reads it.  The daemon
 * removes it with the handle. */
static void keep_exit(int exit_status) {
    LinkEnd end = {
        .status = exit_status,
        .peer_terminated = plugin.peer_terminated,
        .auth_failed = plugin.auth_failed,
        /* .ended_usec: now */
    };
    int r = link_end_file_write(arg_runtime_dir ?: LINK_END_DEFAULT_RUNTIME_DIR, &end);
    if (r < 0 && r != -ENOENT)
        dbglog("pppras: could not keep the exit status in %s: %s",
               arg_runtime_dir ?: LINK_END_DEFAULT_RUNTIME_DIR, strerror(-r));
}

static void report_exit(int exit_status) {
    if (plugin.inactive || plugin.exit_reported)
        return;
    report_auth_failure();
    plugin.exit_reported = true;
    pppd_untimeout(on_tick, NULL);
    keep_exit(exit_status);

    BusLink *bus = plugin_bus();
    if (!bus)
        return;
    /* The last report: worth one connection attempt even while throttled. */
    int r = bus_link_connect(bus, true);
    note_bus_result(r);
    if (r < 0)
        return;
    DBusMessage *m;
    if (plugin.have_stats && (m = link_report_stats(&plugin.stats))) {
        (void) bus_link_send(bus, m, false);
        dbus_message_unref(m);
    }
    m = link_report_exit(exit_status, plugin.peer_terminated);
    if (m) {
        (void) bus_link_send(bus, m, false);
        dbus_message_unref(m);
    }
    bus_link_flush(bus, EXIT_FLUSH_MSEC);
    if (bus_link_dropped(bus) > 0)
        info("pppras: %llu reports were dropped while the bus did not take them",
             (unsigned long long) bus_link_dropped(bus));
}

static void set_device_env(void) {
    const char *dir = arg_runtime_dir ?: LINK_END_DEFAULT_RUNTIME_DIR;
    int r = device_env_set(dir, getpid(), arg_phone);
    if (r == -EINVAL)
        warn("pppras: pppras-phone is no plain phone number or host; device programs do not get it");
    else if (r < 0)
        warn("pppras: cannot set the device programs' environment: %s", strerror(-r));
}

static void on_phase_change(void *userdata, int new_phase) {
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    plugin.phase = new_phase;
    switch (new_phase) {
    case PHASE_SERIALCONN:
        /* Just before pppd runs the connect or pty command: what the
         * device programs read (common/dial-env.h).  Here, not at
         * plugin_init: the options are parsed and pppd has its final pid. */
        set_device_env();
        plugin.peer_terminated = false;   /* a new link: forget the last one's ending */
        break;
    case PHASE_DORMANT:
        plugin.peer_terminated = false;
        break;
    case PHASE_ESTABLISH:
        /* Not a new link by itself: pppd's link_down() re-enters ESTABLISH
         * right after the peer's Terminate-Request, which must be kept. */
        plugin.running_since_ns = 0;
        auth_hooks_new_link();
        break;
    case PHASE_AUTHENTICATE:
        plugin.authenticating = true;
        break;
    case PHASE_RUNNING:
        plugin.running_since_ns = notify_timing_now();
        break;
    case PHASE_TERMINATE:
    case PHASE_DISCONNECT:
    case PHASE_HOLDOFF:
    case PHASE_DEAD:
        report_auth_failure();
        break;
    default:
        break;
    }
    report(link_report_phase(new_phase), true);
    register_if_changed();
    timing_end(TIMING_PHASE, start);
}

/* Every authentication finished: pppd enters the network phase.  LCP's
 * options say which protocol each side used (none: nothing to report). */
static void on_auth_up(void *userdata, int arg) {
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    plugin.authenticating = false;
    const char *peer = pppd_auth_protocol(true), *self = pppd_auth_protocol(false);
    if (peer)
        report(link_report_auth("peer", peer, true), false);
    if (self)
        report(link_report_auth("self", self, true), false);
    timing_end(TIMING_AUTH_UP, start);
}

static void format_ipv4(uint32_t addr_be, char buf[static INET_ADDRSTRLEN]) {
    struct in_addr a = { .s_addr = addr_be };

    assert(buf);
    if (addr_be == 0 || !inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN))
        buf[0] = '\0';
}

/* The link-local address an IPV6CP interface identifier makes. */
static void format_ipv6_id(const uint8_t id[static 8], char buf[static IP6_TEXT_MAX]) {
    struct in6_addr a = { .s6_addr = { 0xfe, 0x80 } };
    static const uint8_t zero[8];

    assert(buf);
    memcpy(a.s6_addr + 8, id, 8);
    if (memcmp(id, zero, 8) == 0 || !inet_ntop(AF_INET6, &a, buf, IP6_TEXT_MAX))
        buf[0] = '\0';
}

static void on_ip_up(void *userdata, int arg) {
    char dns1[INET_ADDRSTRLEN], dns2[INET_ADDRSTRLEN];
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    format_ipv4(pppd_ip_local(), plugin.local);
    format_ipv4(pppd_ip_remote(), plugin.remote);
    format_ipv4(pppd_ip_dns(0), dns1);
    format_ipv4(pppd_ip_dns(1), dns2);
    plugin.ip_up = true;
    report(link_report_ip_up(pppd_ifname(), plugin.local, plugin.remote, dns1, dns2), false);
    timing_end(TIMING_IP_UP, start);
}

static void on_ip_down(void *userdata, int arg) {
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    plugin.ip_up = false;
    capture_stats();   /* pppd has just read the counters for its ip-down script */
    report(link_report_ip_down(), false);
    timing_end(TIMING_IP_DOWN, start);
}

static void on_ip6_up(void *userdata, int arg) {
    uint8_t local_id[8], remote_id[8];
    char local[IP6_TEXT_MAX], remote[IP6_TEXT_MAX];
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    pppd_ipv6_ids(local_id, remote_id);
    format_ipv6_id(local_id, local);
    format_ipv6_id(remote_id, remote);
    report(link_report_ip6_up(pppd_ifname(), local, remote), false);
    timing_end(TIMING_IP6_UP, start);
}

static void on_ip6_down(void *userdata, int arg) {
    uint64_t start = timing_begin();

    if (plugin.inactive)
        return;
    capture_stats();
    report(link_report_ip6_down(), false);
    timing_end(TIMING_IP6_DOWN, start);
}

/* This link attached to a bundle another pppd runs: ifname is that bundle's. */
static void on_multilink_join(void) {
    uint64_t start = timing_begin();

    if (!plugin.inactive)
        report(link_report_joined(pppd_ifname(), pppd_bundle_name()), false);
    if (plugin.previous_join)
        plugin.previous_join();
    timing_end(TIMING_JOIN, start);
}

static void on_exit_notify(void *userdata, int exit_status) {
    uint64_t start = timing_begin();

    report_exit(exit_status);
    timing_end(TIMING_EXIT, start);
    timing_log();
}

/* pppd exits without its exit notifiers on early failures (no kernel
 * support, bad options); on_exit() still sees the status. */
static void on_process_exit(int exit_status, void *userdata) {
    report_exit(exit_status);
}

/* In the parent of pppd's detach fork, just before it exits 0: the child
 * is pppd now and registers itself. */
static void on_pid_change(void *userdata, int child_pid) {
    plugin.inactive = true;
    pppd_untimeout(on_tick, NULL);
}

/* In a child about to exec a script or the pty program. */
static void on_fork(void *userdata, int arg) {
    plugin.inactive = true;
    if (plugin.bus)
        bus_link_forget(plugin.bus);
}

static bool is_lcp_terminate_request(const unsigned char *p, int len) {
    assert(p);
    /* pppd hands over whole frames: address, control, 16-bit protocol, code. */
    return len >= 5 && ((p[2] << 8) | p[3]) == LCP_PROTOCOL && p[4] == LCP_TERM_REQ;
}

static void on_packet_received(unsigned char *p, int len) {
    uint64_t start = timing_begin();

    if (!plugin.peer_terminated && is_lcp_terminate_request(p, len)) {
        plugin.peer_terminated = true;
        /* Said at once, not only with the Exit report: should that one be
         * lost (pppd killed while exiting), the daemon still knows the
         * peer hung up in order. */
        if (plugin.bus && !plugin.inactive && bus_link_connect(plugin.bus, false) >= 0)
            on_register(plugin.bus, 0, NULL);
    }
    if (plugin.previous_snoop)
        plugin.previous_snoop(p, len);
    timing_end(TIMING_SNOOP, start);
}

void plugin_init(void) {
    pppd_add_options(plugin_options);

    int r = call_name_from_cmdline("/proc/self/cmdline", &plugin.call_name);
    if (r < 0)
        dbglog("pppras: cannot read pppd's command line: %s", strerror(-r));

    pppd_add_notify(PPPD_NOTIFY_PHASE, on_phase_change, NULL);
    pppd_add_notify(PPPD_NOTIFY_AUTH_UP, on_auth_up, NULL);
    pppd_add_notify(PPPD_NOTIFY_IP_UP, on_ip_up, NULL);
    pppd_add_notify(PPPD_NOTIFY_IP_DOWN, on_ip_down, NULL);
    pppd_add_notify(PPPD_NOTIFY_IPV6_UP, on_ip6_up, NULL);
    pppd_add_notify(PPPD_NOTIFY_IPV6_DOWN, on_ip6_down, NULL);
    pppd_add_notify(PPPD_NOTIFY_EXIT, on_exit_notify, NULL);
    pppd_add_notify(PPPD_NOTIFY_PID_CHANGE, on_pid_change, NULL);
    pppd_add_notify(PPPD_NOTIFY_FORK, on_fork, NULL);
    plugin.previous_snoop = pppd_set_snoop_recv(on_packet_received);
    pppd_join_hook_fn *join = pppd_multilink_join_hook();
    if (join) {
        plugin.previous_join = *join;
        *join = on_multilink_join;
    }
    auth_hooks_install(plugin_bus);
    if (on_exit(on_process_exit, NULL) != 0)
        warn("pppras: cannot watch pppd's exit; early failures will not be reported");

    /* First report from pppd's main loop, after it has detached. */
    pppd_timeout(on_tick, NULL, 0, 0);
    dbglog("pppras plugin %s for pppd %s", PPPRAS_VERSION, pppd_version);
}
