/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stddef.h>
#include <errno.h>
#include <inttypes.h>
#include <time.h>
#include <arpa/inet.h>
#include <stdio.h>

#include "bus-errors.h"
#include "bus-util.h"
#include "context.h"
#include "hangup.h"
#include "link-stats.h"
#include "log.h"
#include "manager-dial.h"
#include "manager-device.h"
#include "manager-entry.h"
#include "manager-iface.h"
#include "raserror.h"
#include "notify.h"
#include "pppras-bus.h"
#include "util.h"

static int method_enum_connections(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    int r = sd_bus_message_new_method_return(m, &reply);
    if (r >= 0)
        r = sd_bus_message_open_container(reply, 'a', "(tssssu)");
    HANDLE_TABLE_FOREACH(c, &ctx->connections) {
        if (r < 0)
            break;
        /* a bundle is listed once, as its main connection */
        if (!connection_is_enumerable(c) || context_bundle_main(ctx, c) != c)
            continue;
        /* dwSubEntry: one link per pppd, and Windows counts subentries from 1 */
        r = sd_bus_message_append(reply, "(tssssu)", c->handle, c->entry_name,
                                  strempty(c->device_type), strempty(c->device),
                                  connection_phonebook(c), (uint32_t) 1);
    }
    if (r >= 0)
        r = sd_bus_message_close_container(reply);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_send(NULL, reply, NULL);
}

/* The prologue of the methods that name a connection: read its handle;
 * NULL when the handle names none (InvalidHandle was replied) or the
 * message could not be read -- *r is then what the method returns. */
static Connection *read_connection(Context *ctx, sd_bus_message *m, uint64_t *ret_handle, int *r) {
    assert(ctx);
    assert(m);
    assert(r);

    uint64_t handle;
    *r = sd_bus_message_read(m, "t", &handle);
    if (*r < 0)
        return NULL;
    Connection *c = context_get_connection(ctx, handle);
    if (!c) {
        *r = bus_reply_invalid_handle(m);
        return NULL;
    }
    if (ret_handle)
        *ret_handle = handle;
    return c;
}

static int method_get_connect_status(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;

    return sd_bus_reply_method_return(m, "uuusssss", (uint32_t) c->state, (uint32_t) c->substate, c->error,
                                      strempty(c->device_type), strempty(c->device), strempty(c->phone),
                                      strempty(c->local), strempty(c->remote));
}

/* The connection's owner, root and the hang-up group.  > 0: go on, with
 * *ret_caller the caller; else the reply was sent. */
static int check_may_hang_up(Context *ctx, sd_bus_message *m, Connection *c, uid_t *ret_caller) {
    assert(ctx);
    assert(m);
    assert(c);
    assert(ret_caller);

    BusSender sender;
    int r = bus_sender_get(m, &sender);
    if (r < 0)
        return bus_reply_errno(m, r);
    bool allowed = hangup_caller_allowed(sender.euid, sender.egid, sender.groups, (size_t) sender.n_groups,
                                         c->owner, ctx->hangup_gid);
    *ret_caller = sender.euid;
    bus_sender_done(&sender);
    if (!allowed) {
        log_connection(LOG_NOTICE, c, "%s by uid %u refused.", sd_bus_message_get_member(m), (unsigned) *ret_caller);
        r = bus_reply_access_denied(m);
        return r < 0 ? r : 0;
    }
    return 1;
}

static int method_hang_up(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    uint64_t handle;
    int r;
    Connection *c = read_connection(ctx, m, &handle, &r);
    if (!c)
        return r;

    uid_t caller;
    r = check_may_hang_up(ctx, m, c, &caller);
    if (r <= 0)
        return r;
    log_connection(LOG_INFO, c, "HangUp requested by uid %u.", (unsigned) caller);
    r = context_hang_up_handle(ctx, c, handle);   /* may retire c */
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_register_notification(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    uint64_t handle;
    uint32_t flags;
    int fd;
    int r = sd_bus_message_read(m, "tuh", &handle, &flags, &fd);
    if (r < 0)
        return r;

    if (handle != NOTIFY_ALL_CONNECTIONS && !context_get_connection(ctx, handle))
        return bus_reply_invalid_handle(m);

    uid_t uid;
    r = bus_sender_euid(m, &uid);
    if (r < 0)
        return bus_reply_errno(m, r);

    r = notify_registry_add(ctx->notify, sd_bus_message_get_bus(m), sd_bus_message_get_sender(m), uid,
                            handle, flags, fd);
    if (r == -EINVAL || r == -EBADF)
        return bus_reply_invalid_parameter(m);
    if (r == -EDQUOT) {
        log_debug("RegisterNotification by uid %u refused: limit reached.", (unsigned) uid);
        return bus_reply_ras_error(m, PPPRAS_ERROR_LIMIT_EXCEEDED, ERROR_OUTOFMEMORY);
    }
    if (r < 0)
        return bus_reply_errno(m, r);
    log_debug("%s registered notifications for %016" PRIx64 ", flags 0x%x.",
              sd_bus_message_get_sender(m), handle, flags);
    return sd_bus_reply_method_return(m, NULL);
}

static int method_get_sub_entry_handle(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    uint32_t n;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;
    r = sd_bus_message_read(m, "u", &n);
    if (r < 0)
        return r;
    uint64_t link;
    r = context_subentry_handle(ctx, context_bundle_main(ctx, c), n, &link);
    if (r == -ENOENT)
        return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_reply_method_return(m, "t", link);
}

/* The counters of c since the last ClearStatistics: the interface's while
 * it is up, pppd's last word after. */
static int reply_statistics(sd_bus_message *m, Connection *c) {
    assert(m);
    assert(c);

    LinkStats stats = {};
    if (c->process_gone || link_stats_read("/sys/class/net", c->ifname, &stats) < 0)
        stats = c->have_final_stats ? c->final_stats : (LinkStats) {};
    /* counters only grow: a base above them is from before a reset of the interface */
#define SINCE_BASE(field) (stats.field >= c->stats_base.field ? stats.field - c->stats_base.field : stats.field)
    stats.bytes_out = SINCE_BASE(bytes_out);
    stats.bytes_in = SINCE_BASE(bytes_in);
    stats.packets_out = SINCE_BASE(packets_out);
    stats.packets_in = SINCE_BASE(packets_in);
#undef SINCE_BASE

    uint32_t duration_ms = 0;
    if (!c->process_gone && c->connected_at_usec > 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        uint64_t now = (uint64_t) ts.tv_sec * USEC_PER_SEC + (uint64_t) ts.tv_nsec / 1000;
        uint64_t ms = now > c->connected_at_usec ? (now - c->connected_at_usec) / 1000 : 0;
        duration_ms = ms > UINT32_MAX ? UINT32_MAX : (uint32_t) ms;
    } else if (c->have_final_stats)
        duration_ms = c->final_stats.connect_time_ms;

    return sd_bus_reply_method_return(m, "a{sv}", 6,
                                      "bytes_xmited", "t", stats.bytes_out,
                                      "bytes_rcved", "t", stats.bytes_in,
                                      "frames_xmited", "t", stats.packets_out,
                                      "frames_rcved", "t", stats.packets_in,
                                      "connect_duration_ms", "u", duration_ms,
                                      "bps", "u", (uint32_t) 0);
}

static int method_get_statistics(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;
    return reply_statistics(m, c);
}

/* Link n of the bundle c belongs to: NULL when there is none (the reply
 * was sent, *r is what to return). */
static Connection *read_link(Context *ctx, sd_bus_message *m, Connection *c, int *r) {
    uint32_t n;
    *r = sd_bus_message_read(m, "u", &n);
    if (*r < 0)
        return NULL;
    uint64_t link;
    *r = context_subentry_handle(ctx, context_bundle_main(ctx, c), n, &link);
    Connection *l = *r >= 0 ? context_get_connection(ctx, link) : NULL;
    if (!l) {
        *r = *r == -ENOENT || *r >= 0 ? bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS)
                                     : bus_reply_errno(m, *r);
        return NULL;
    }
    return l;
}

static int method_get_link_statistics(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;
    Connection *l = read_link(ctx, m, c, &r);
    if (!l)
        return r;
    return reply_statistics(m, l);
}

static int method_clear_statistics(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;

    /* the counters are everyone's to read: only who may hang up may reset them */
    uid_t caller;
    r = check_may_hang_up(ctx, m, c, &caller);
    if (r <= 0)
        return r;

    LinkStats now = {};
    if (c->process_gone || link_stats_read("/sys/class/net", c->ifname, &now) < 0)
        now = c->have_final_stats ? c->final_stats : (LinkStats) {};
    c->stats_base = now;
    return sd_bus_reply_method_return(m, NULL);
}

/* The last 8 bytes of an fe80:: address: the interface identifier IPV6CP
 * negotiated, as 16 hex digits; "" when there is none. */
static void interface_identifier(const char *addr, char *buf, size_t size) {
    struct in6_addr a;
    buf[0] = '\0';
    if (addr && inet_pton(AF_INET6, addr, &a) == 1)
        for (size_t i = 0; i < 8; i++)
            snprintf(buf + 2 * i, size - 2 * i, "%02x", a.s6_addr[8 + i]);
}

static int method_get_projection_info_ex(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;
    Connection *main = context_bundle_main(ctx, c);
    bool ip6_up = !isempty(main->ip6_local);
    if (!main->ip_up && !ip6_up)
        return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_PARAMETER, ERROR_PROJECTION_NOT_COMPLETE);
    char iid[17], server_iid[17];
    interface_identifier(main->ip6_local, iid, sizeof(iid));
    interface_identifier(main->ip6_remote, server_iid, sizeof(server_iid));
    return sd_bus_reply_method_return(m, "a{sv}", 8,
                                      "ipv4_error", "u", main->ip_up ? (uint32_t) 0 : (uint32_t) ERROR_PROJECTION_NOT_COMPLETE,
                                      "local", "s", main->ip_up ? strempty(main->local) : "",
                                      "remote", "s", main->ip_up ? strempty(main->remote) : "",
                                      "ipv6_error", "u", ip6_up ? (uint32_t) 0 : (uint32_t) ERROR_PROJECTION_NOT_COMPLETE,
                                      "interface_id", "s", iid,
                                      "server_interface_id", "s", server_iid,
                                      "multilink", "b", (int) main->multilink,
                                      "bundled", "b", (int) (context_bundle_links(ctx, main) > 1));
}

static int method_get_projection_info(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    int r;
    Connection *c = read_connection(ctx, m, NULL, &r);
    if (!c)
        return r;
    /* A subentry shares its bundle's projection. */
    Connection *main = context_bundle_main(ctx, c);
    if (!main->ip_up)
        return bus_reply_ras_error(m, PPPRAS_ERROR_INVALID_PARAMETER, ERROR_PROJECTION_NOT_COMPLETE);
    return sd_bus_reply_method_return(m, "a{sv}", 5,
                                      "local", "s", strempty(main->local),
                                      "remote", "s", strempty(main->remote),
                                      "dns1", "s", strempty(main->dns1),
                                      "dns2", "s", strempty(main->dns2),
                                      "ifname", "s", strempty(main->ifname));
}

static int property_get_version(sd_bus *bus, const char *path, const char *interface,
                                const char *property, sd_bus_message *reply,
                                void *userdata, sd_bus_error *error) {
    assert(reply);
    return sd_bus_message_append(reply, "s", PPPRAS_VERSION);
}

void manager_iface_emit_state_changed(sd_bus *bus, Connection *c) {
    assert(bus);
    assert(c);
    int r = sd_bus_emit_signal(bus, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "StateChanged", "tuu",
                               c->handle, (uint32_t) c->state, c->error);
    if (r < 0)
        log_warning_errno(r, "Failed to emit StateChanged: %m");
}

void manager_iface_emit_connection_removed(sd_bus *bus, uint64_t handle) {
    assert(bus);
    int r = sd_bus_emit_signal(bus, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "ConnectionRemoved", "t", handle);
    if (r < 0)
        log_warning_errno(r, "Failed to emit ConnectionRemoved: %m");
}

void manager_iface_emit_bandwidth_changed(sd_bus *bus, uint64_t handle, unsigned subentries, bool added) {
    assert(bus);
    int r = sd_bus_emit_signal(bus, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, "BandwidthChanged", "tub",
                               handle, (uint32_t) subentries, (int) added);
    if (r < 0)
        log_warning_errno(r, "Failed to emit BandwidthChanged: %m");
}

/* Everyone may call: reading is open to all, and the methods that change
 * something check the caller themselves (pppras(7): "Who may do what"). */
#define OPEN SD_BUS_VTABLE_UNPRIVILEGED

const sd_bus_vtable manager_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_PROPERTY("Version", "s", property_get_version, 0, SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_PROPERTY("PhonebookDirectory", "s", NULL, offsetof(Context, phonebook_dir), SD_BUS_VTABLE_PROPERTY_CONST),
    SD_BUS_METHOD_WITH_ARGS("EnumConnections",
                             SD_BUS_NO_ARGS,
                             SD_BUS_RESULT("a(tssssu)", connections),
                             method_enum_connections, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetConnectStatus",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_RESULT("u", state, "u", substate, "u", error,
                                           "s", device_type, "s", device_name, "s", phone_number,
                                           "s", local_address, "s", remote_address),
                             method_get_connect_status, OPEN),
    SD_BUS_METHOD_WITH_ARGS("HangUp",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_NO_RESULT,
                             method_hang_up, OPEN),
    SD_BUS_METHOD_WITH_ARGS("RegisterNotification",
                             SD_BUS_ARGS("t", handle, "u", flags, "h", event_fd),
                             SD_BUS_NO_RESULT,
                             method_register_notification, OPEN),
    SD_BUS_METHOD_WITH_ARGS("Dial",
                             SD_BUS_ARGS("s", entry, "a{sv}", params),
                             SD_BUS_RESULT("t", handle),
                             manager_method_dial, SD_BUS_VTABLE_SENSITIVE | OPEN),
    SD_BUS_METHOD_WITH_ARGS("EnumEntries",
                             SD_BUS_NO_ARGS,
                             SD_BUS_RESULT("as", entries),
                             manager_method_enum_entries, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetSubEntryHandle",
                             SD_BUS_ARGS("t", handle, "u", subentry),
                             SD_BUS_RESULT("t", subentry_handle),
                             method_get_sub_entry_handle, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetStatistics",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_RESULT("a{sv}", stats),
                             method_get_statistics, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetProjectionInfo",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_RESULT("a{sv}", info),
                             method_get_projection_info, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetLinkStatistics",
                             SD_BUS_ARGS("t", handle, "u", subentry),
                             SD_BUS_RESULT("a{sv}", stats),
                             method_get_link_statistics, OPEN),
    SD_BUS_METHOD_WITH_ARGS("ClearStatistics",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_NO_RESULT,
                             method_clear_statistics, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetProjectionInfoEx",
                             SD_BUS_ARGS("t", handle),
                             SD_BUS_RESULT("a{sv}", info),
                             method_get_projection_info_ex, OPEN),
    SD_BUS_METHOD_WITH_ARGS("SetDialParams",
                             SD_BUS_ARGS("s", entry, "a{sv}", params, "b", remove_password),
                             SD_BUS_NO_RESULT,
                             manager_method_set_dial_params, SD_BUS_VTABLE_SENSITIVE | OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetDialParams",
                             SD_BUS_ARGS("s", entry),
                             SD_BUS_RESULT("a{sv}", params, "b", has_password),
                             manager_method_get_dial_params, OPEN),
    /* the phonebook (manager-entry.c) */
    SD_BUS_METHOD_WITH_ARGS("GetEntryProperties",
                             SD_BUS_ARGS("s", entry),
                             SD_BUS_RESULT("a{sv}", properties),
                             manager_method_get_entry_properties, OPEN),
    SD_BUS_METHOD_WITH_ARGS("SetEntryProperties",
                             SD_BUS_ARGS("s", entry, "a{sv}", properties),
                             SD_BUS_NO_RESULT,
                             manager_method_set_entry_properties, OPEN),
    SD_BUS_METHOD_WITH_ARGS("ValidateEntryName",
                             SD_BUS_ARGS("s", entry),
                             SD_BUS_NO_RESULT,
                             manager_method_validate_entry_name, OPEN),
    SD_BUS_METHOD_WITH_ARGS("DeleteEntry",
                             SD_BUS_ARGS("s", entry),
                             SD_BUS_NO_RESULT,
                             manager_method_delete_entry, OPEN),
    SD_BUS_METHOD_WITH_ARGS("RenameEntry",
                             SD_BUS_ARGS("s", entry, "s", new_entry),
                             SD_BUS_NO_RESULT,
                             manager_method_rename_entry, OPEN),
    SD_BUS_METHOD_WITH_ARGS("GetSubEntryProperties",
                             SD_BUS_ARGS("s", entry, "u", subentry),
                             SD_BUS_RESULT("a{sv}", properties),
                             manager_method_get_sub_entry_properties, OPEN),
    SD_BUS_METHOD_WITH_ARGS("SetSubEntryProperties",
                             SD_BUS_ARGS("s", entry, "u", subentry, "a{sv}", properties),
                             SD_BUS_NO_RESULT,
                             manager_method_set_sub_entry_properties, OPEN),
    SD_BUS_METHOD_WITH_ARGS("EnumDevices",
                             SD_BUS_NO_ARGS,
                             SD_BUS_RESULT("a(ss)", devices),
                             manager_method_enum_devices, OPEN),
    SD_BUS_SIGNAL_WITH_ARGS("StateChanged",
                            SD_BUS_ARGS("t", handle, "u", state, "u", error), 0),
    SD_BUS_SIGNAL_WITH_ARGS("ConnectionRemoved",
                            SD_BUS_ARGS("t", handle), 0),
    SD_BUS_SIGNAL_WITH_ARGS("BandwidthChanged",
                            SD_BUS_ARGS("t", handle, "u", subentries, "b", added), 0),
    SD_BUS_VTABLE_END
};
