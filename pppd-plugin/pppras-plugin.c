/* SPDX-License-Identifier: LGPL-2.1-or-later */

/* pppras.so: tells ppprasd what its pppd is doing.  Each pppd event becomes
 * one fire-and-forget call on org.pppras.Ras1.Link (docs/dbus-api.md).
 * pppd never waits for us and never stops because of us: no bus, no daemon
 * or a broken connection only means reports are dropped until the bus is
 * back, and then one Register gives the daemon the whole current state. */

#include "pppd-compat.h"   /* first: it settles 2.4.9's "bool" */

#include <arpa/inet.h>
#include <assert.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bus-link.h"
#include "call-name.h"
#include "link-report.h"
#include "pppras-plugin.h"

#define TICK_BUSY_USEC   200000   /* while messages wait to be written */
#define TICK_IDLE_SEC    3        /* notice a new daemon, a lost bus, a fork */
#define EXIT_FLUSH_MSEC  100      /* the most pppd's exit is delayed for the Exit report */

#define LCP_PROTOCOL     0xc021
#define LCP_TERM_REQ     5

static char *arg_bus_address;    /* pppras-bus */
static char *arg_entry;          /* pppras-entry */
static char *arg_phone;          /* pppras-phone */

static option_t plugin_options[] = {
    /* Privileged: libdbus addresses can name programs to run (unixexec:). */
    { .name = "pppras-bus", .type = o_string, .addr = &arg_bus_address, .flags = OPT_PRIV,
      .description = "D-Bus address to report to instead of the system bus" },
    { .name = "pppras-entry", .type = o_string, .addr = &arg_entry,
      .description = "Phonebook entry name to report for this connection" },
    { .name = "pppras-phone", .type = o_string, .addr = &arg_phone,
      .description = "Phone number to report for this connection" },
    { .name = NULL }
};

PPPRAS_EXPORT char pppd_version[] = PPPRAS_PPPD_VERSION_STRING;

typedef struct Plugin {
    BusLink *bus;                      /* created on first report, once options are parsed */
    char *call_name;                   /* "pppd call NAME" */
    int phase;
    bool ip_up;
    char local[INET_ADDRSTRLEN];
    char remote[INET_ADDRSTRLEN];
    bool peer_terminated;              /* LCP Terminate-Request received on this link */
    bool exit_reported;
    bool inactive;                     /* this process is not pppd's main one any more */
    bool bus_down_logged;
    pppd_snoop_fn previous_snoop;
} Plugin;

static Plugin plugin = { .phase = PHASE_INITIALIZE };

static void on_register(BusLink *bus, pid_t previous_pid, void *userdata) {
    assert(bus);

    LinkInfo info = {
        .entry = arg_entry ?: plugin.call_name,
        .ipparam = pppd_ipparam(),
        .device = pppd_devnam(),
        .device_type = pppd_uses_pty() ? "pty" : "modem",
        /* The explicit option wins: channel plugins reuse remote_number
         * for other things (rp-pppoe puts the peer's MAC address there). */
        .phone = arg_phone ?: pppd_remote_number(),
        .ifname = pppd_ifname(),
        .phase = plugin.phase,
        .local = plugin.ip_up ? plugin.local : NULL,
        .remote = plugin.ip_up ? plugin.remote : NULL,
        .previous_pid = (uint32_t) previous_pid,
    };
    DBusMessage *m = link_report_register(&info);
    if (!m)
        return;
    (void) bus_link_send(bus, m);
    dbus_message_unref(m);
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

static void on_tick(void *arg);

static void schedule_tick(bool busy) {
    pppd_untimeout(on_tick, NULL);
    if (busy)
        pppd_timeout(on_tick, NULL, 0, TICK_BUSY_USEC);
    else
        pppd_timeout(on_tick, NULL, TICK_IDLE_SEC, 0);
}

static void on_tick(void *arg) {
    if (plugin.inactive || plugin.exit_reported)
        return;
    BusLink *bus = plugin_bus();
    int r = bus ? bus_link_connect(bus, false) : -ENOMEM;
    note_bus_result(r);
    schedule_tick(r >= 0 && bus_link_pump(bus) > 0);
}

static void report(DBusMessage *m) {
    if (!m)
        return;
    BusLink *bus = plugin_bus();
    int r = bus ? bus_link_send(bus, m) : -ENOMEM;
    dbus_message_unref(m);
    note_bus_result(r);
    if (r >= 0)
        schedule_tick(bus_link_pump(bus) > 0);
}

static void report_exit(int status) {
    if (plugin.inactive || plugin.exit_reported)
        return;
    plugin.exit_reported = true;
    pppd_untimeout(on_tick, NULL);

    BusLink *bus = plugin_bus();
    if (!bus)
        return;
    /* The last report: worth one connection attempt even while throttled. */
    int r = bus_link_connect(bus, true);
    note_bus_result(r);
    if (r < 0)
        return;
    DBusMessage *m = link_report_exit(status, plugin.peer_terminated);
    if (m) {
        (void) bus_link_send(bus, m);
        dbus_message_unref(m);
    }
    bus_link_flush(bus, EXIT_FLUSH_MSEC);
}

static void on_phase_change(void *userdata, int phase) {
    if (plugin.inactive)
        return;
    plugin.phase = phase;
    if (phase == PHASE_ESTABLISH)
        plugin.peer_terminated = false;   /* a new link: forget the last one's ending */
    report(link_report_phase(phase));
}

static void format_ipv4(uint32_t addr_be, char buf[static INET_ADDRSTRLEN]) {
    struct in_addr a = { .s_addr = addr_be };

    assert(buf);
    if (addr_be == 0 || !inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN))
        buf[0] = '\0';
}

static void on_ip_up(void *userdata, int arg) {
    char dns1[INET_ADDRSTRLEN], dns2[INET_ADDRSTRLEN];

    if (plugin.inactive)
        return;
    format_ipv4(pppd_ip_local(), plugin.local);
    format_ipv4(pppd_ip_remote(), plugin.remote);
    format_ipv4(pppd_ip_dns(0), dns1);
    format_ipv4(pppd_ip_dns(1), dns2);
    plugin.ip_up = true;
    report(link_report_ip_up(pppd_ifname(), plugin.local, plugin.remote, dns1, dns2));
}

static void on_ip_down(void *userdata, int arg) {
    if (plugin.inactive)
        return;
    plugin.ip_up = false;
    report(link_report_ip_down());
}

static void on_exit_notify(void *userdata, int status) {
    report_exit(status);
}

/* pppd exits without its exit notifiers on early failures (no kernel
 * support, bad options); on_exit() still sees the status. */
static void on_process_exit(int status, void *userdata) {
    report_exit(status);
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
    if (is_lcp_terminate_request(p, len))
        plugin.peer_terminated = true;
    if (plugin.previous_snoop)
        plugin.previous_snoop(p, len);
}

void plugin_init(void) {
    pppd_add_options(plugin_options);

    int r = call_name_from_cmdline("/proc/self/cmdline", &plugin.call_name);
    if (r < 0)
        dbglog("pppras: cannot read pppd's command line: %s", strerror(-r));

    pppd_add_notify(PPPD_NOTIFY_PHASE, on_phase_change, NULL);
    pppd_add_notify(PPPD_NOTIFY_IP_UP, on_ip_up, NULL);
    pppd_add_notify(PPPD_NOTIFY_IP_DOWN, on_ip_down, NULL);
    pppd_add_notify(PPPD_NOTIFY_EXIT, on_exit_notify, NULL);
    pppd_add_notify(PPPD_NOTIFY_PID_CHANGE, on_pid_change, NULL);
    pppd_add_notify(PPPD_NOTIFY_FORK, on_fork, NULL);
    plugin.previous_snoop = pppd_set_snoop_recv(on_packet_received);
    if (on_exit(on_process_exit, NULL) != 0)
        warn("pppras: cannot watch pppd's exit; early failures will not be reported");

    /* First report from pppd's main loop, after it has detached. */
    pppd_timeout(on_tick, NULL, 0, 0);
    dbglog("pppras plugin %s for pppd %s", PPPRAS_VERSION, pppd_version);
}
