/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>

#include "link-report.h"
#include "pppras-bus.h"

static DBusMessage *link_call_new(const char *member) {
    assert(member);

    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH,
                                                  PPPRAS_LINK_IFACE, member);
    if (m)
        dbus_message_set_no_reply(m, TRUE);
    return m;
}

DBusMessage *link_request_get_secrets(void) {
    /* Never auto-start anything: no daemon simply means "no secrets". */
    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH,
                                                  PPPRAS_LINK_IFACE, "GetSecrets");
    if (m)
        dbus_message_set_auto_start(m, FALSE);
    return m;
}

static bool dict_append(DBusMessageIter *dict, const char *key, int type, const char *signature,
                        const void *value) {
    DBusMessageIter entry, variant;

    assert(dict);
    assert(key);
    assert(signature);
    assert(value);

    if (!dbus_message_iter_open_container(dict, DBUS_TYPE_DICT_ENTRY, NULL, &entry))
        return false;
    if (!dbus_message_iter_append_basic(&entry, DBUS_TYPE_STRING, &key) ||
        !dbus_message_iter_open_container(&entry, DBUS_TYPE_VARIANT, signature, &variant)) {
        dbus_message_iter_abandon_container(dict, &entry);
        return false;
    }
    if (!dbus_message_iter_append_basic(&variant, type, value)) {
        dbus_message_iter_abandon_container(&entry, &variant);
        dbus_message_iter_abandon_container(dict, &entry);
        return false;
    }
    return dbus_message_iter_close_container(&entry, &variant) &&
           dbus_message_iter_close_container(dict, &entry);
}

/* Optional string: skipped (successfully) when there is nothing sendable.
 * pppd takes ipparam and phone numbers from users verbatim, so they may
 * not be UTF-8, which D-Bus requires. */
static bool dict_append_string(DBusMessageIter *dict, const char *key, const char *value) {
    assert(dict);
    assert(key);

    if (!value || !*value || !dbus_validate_utf8(value, NULL))
        return true;
    return dict_append(dict, key, DBUS_TYPE_STRING, DBUS_TYPE_STRING_AS_STRING, &value);
}

static bool dict_append_uint32(DBusMessageIter *dict, const char *key, uint32_t value) {
    dbus_uint32_t v = value;
    return dict_append(dict, key, DBUS_TYPE_UINT32, DBUS_TYPE_UINT32_AS_STRING, &v);
}

static bool dict_append_bool(DBusMessageIter *dict, const char *key, bool value) {
    dbus_bool_t v = value;
    return dict_append(dict, key, DBUS_TYPE_BOOLEAN, DBUS_TYPE_BOOLEAN_AS_STRING, &v);
}

static bool dict_append_uint64(DBusMessageIter *dict, const char *key, uint64_t value) {
    dbus_uint64_t v = value;
    return dict_append(dict, key, DBUS_TYPE_UINT64, DBUS_TYPE_UINT64_AS_STRING, &v);
}

static bool dict_open(DBusMessageIter *args, DBusMessageIter *dict) {
    return dbus_message_iter_open_container(args, DBUS_TYPE_ARRAY, "{sv}", dict);
}

/* Closes the dictionary, or abandons it and frees the message on failure. */
static DBusMessage *dict_finish(DBusMessage *m, DBusMessageIter *args, DBusMessageIter *dict, bool ok) {
    assert(m);
    assert(args);
    assert(dict);

    if (ok && dbus_message_iter_close_container(args, dict))
        return m;
    if (!ok)
        dbus_message_iter_abandon_container(args, dict);
    dbus_message_unref(m);
    return NULL;
}

DBusMessage *link_report_register(const LinkInfo *info) {
    DBusMessageIter args, dict;

    assert(info);

    DBusMessage *m = link_call_new("Register");
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);
    if (!dict_open(&args, &dict)) {
        dbus_message_unref(m);
        return NULL;
    }
    bool ok = dict_append_string(&dict, "entry", info->entry) &&
              dict_append_string(&dict, "ipparam", info->ipparam) &&
              dict_append_string(&dict, "device", info->device) &&
              dict_append_string(&dict, "device_type", info->device_type) &&
              dict_append_string(&dict, "pty_program", info->pty_program) &&
              dict_append_string(&dict, "phone", info->phone) &&
              dict_append_string(&dict, "ifname", info->ifname) &&
              (info->phase < 0 || dict_append_uint32(&dict, "phase", (uint32_t) info->phase)) &&
              dict_append_string(&dict, "local", info->local) &&
              dict_append_string(&dict, "remote", info->remote) &&
              dict_append_bool(&dict, "multilink", info->multilink) &&
              dict_append_string(&dict, "bundle", info->bundle) &&
              dict_append_string(&dict, "endpoint", info->endpoint) &&
              (info->idle_sec == 0 || dict_append_uint32(&dict, "idle", info->idle_sec)) &&
              (info->maxconnect_sec == 0 || dict_append_uint32(&dict, "maxconnect", info->maxconnect_sec)) &&
              (info->previous_pid == 0 || dict_append_uint32(&dict, "previous_pid", info->previous_pid)) &&
              (!info->peer_terminated || dict_append_bool(&dict, "peer_terminated", true));
    return dict_finish(m, &args, &dict, ok);
}

DBusMessage *link_report_phase(int phase) {
    dbus_uint32_t p = (dbus_uint32_t) phase;

    DBusMessage *m = link_call_new("Phase");
    if (m && !dbus_message_append_args(m, DBUS_TYPE_UINT32, &p, DBUS_TYPE_INVALID)) {
        dbus_message_unref(m);
        return NULL;
    }
    return m;
}

DBusMessage *link_report_ip_up(const char *ifname, const char *local, const char *remote,
                               const char *dns1, const char *dns2) {
    DBusMessageIter args, dict;

    DBusMessage *m = link_call_new("IpUp");
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);
    if (!dict_open(&args, &dict)) {
        dbus_message_unref(m);
        return NULL;
    }
    bool ok = dict_append_string(&dict, "ifname", ifname) &&
              dict_append_string(&dict, "local", local) &&
              dict_append_string(&dict, "remote", remote) &&
              dict_append_string(&dict, "dns1", dns1) &&
              dict_append_string(&dict, "dns2", dns2);
    return dict_finish(m, &args, &dict, ok);
}

DBusMessage *link_report_ip_down(void) {
    return link_call_new("IpDown");
}

DBusMessage *link_report_exit(int status, bool peer_terminated) {
    DBusMessageIter args, dict;
    dbus_int32_t s = status;

    DBusMessage *m = link_call_new("Exit");
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);
    if (!dbus_message_iter_append_basic(&args, DBUS_TYPE_INT32, &s) || !dict_open(&args, &dict)) {
        dbus_message_unref(m);
        return NULL;
    }
    bool ok = dict_append_bool(&dict, "peer_terminated", peer_terminated);
    return dict_finish(m, &args, &dict, ok);
}

/* A call whose only argument is an a{sv} that the caller fills. */
static DBusMessage *dict_call_new(const char *member, DBusMessageIter *args, DBusMessageIter *dict) {
    assert(member);
    assert(args);
    assert(dict);

    DBusMessage *m = link_call_new(member);
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, args);
    if (!dict_open(args, dict)) {
        dbus_message_unref(m);
        return NULL;
    }
    return m;
}

DBusMessage *link_report_auth(const char *side, const char *protocol, bool success) {
    DBusMessageIter args, dict;

    assert(side);

    DBusMessage *m = dict_call_new("Auth", &args, &dict);
    if (!m)
        return NULL;
    bool ok = dict_append_string(&dict, "side", side) &&
              dict_append_string(&dict, "protocol", protocol) &&
              dict_append_bool(&dict, "success", success);
    return dict_finish(m, &args, &dict, ok);
}

DBusMessage *link_report_ip6_up(const char *ifname, const char *local, const char *remote) {
    DBusMessageIter args, dict;

    DBusMessage *m = dict_call_new("Ip6Up", &args, &dict);
    if (!m)
        return NULL;
    bool ok = dict_append_string(&dict, "ifname", ifname) &&
              dict_append_string(&dict, "local", local) &&
              dict_append_string(&dict, "remote", remote);
    return dict_finish(m, &args, &dict, ok);
}

DBusMessage *link_report_ip6_down(void) {
    return link_call_new("Ip6Down");
}

DBusMessage *link_report_joined(const char *ifname, const char *bundle) {
    DBusMessageIter args, dict;

    DBusMessage *m = dict_call_new("Joined", &args, &dict);
    if (!m)
        return NULL;
    bool ok = dict_append_string(&dict, "ifname", ifname) &&
              dict_append_string(&dict, "bundle", bundle);
    return dict_finish(m, &args, &dict, ok);
}

DBusMessage *link_report_stats(const LinkStats *stats) {
    DBusMessageIter args, dict;

    assert(stats);

    DBusMessage *m = dict_call_new("Stats", &args, &dict);
    if (!m)
        return NULL;
    bool ok = dict_append_uint64(&dict, "bytes_in", stats->bytes_in) &&
              dict_append_uint64(&dict, "bytes_out", stats->bytes_out) &&
              dict_append_uint64(&dict, "packets_in", stats->packets_in) &&
              dict_append_uint64(&dict, "packets_out", stats->packets_out) &&
              dict_append_uint32(&dict, "connect_time_ms", stats->connect_time_ms);
    return dict_finish(m, &args, &dict, ok);
}
