/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* fuzz: every method and property the daemon's objects introspect, called
 * with random arguments of the right signature and with wrong signatures
 * (huge strings and arrays, NUL bytes in byte arrays, odd fds, extreme
 * numbers).  Every reply must be a success or a named error, the daemon
 * must live, and the connections that existed before must look the same
 * afterwards.  Handles given to the Manager are never the live ones, so
 * any success leaves those connections alone; Link calls act only on the
 * fuzzer's own pid. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <grp.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fake-plugin.h"
#include "pppras-bus.h"
#include "stress-util.h"

#define MAX_MEMBERS 128
#define HUGE_STRING (256 * 1024)
#define HUGE_ARRAY  20000

typedef struct Member {
    char path[96], iface[96], name[64], signature[64];
    bool property;
} Member;

typedef struct Fuzzer {
    DBusConnection *bus;
    uint64_t rng;
    Member members[MAX_MEMBERS];
    size_t n_members;
    int fds[4];                 /* eventfd, /dev/null read-only, pipe read end, socket */
    uint64_t live_handles[4];
    size_t n_live;
    StressFigures fig;
    uint64_t refused;
    unsigned depth;             /* of the container being filled: nesting stays shallow */
} Fuzzer;

static uint64_t pick(Fuzzer *fz, uint64_t n) {
    return stress_random(&fz->rng) % n;
}

/* ------------------------------------------------------- introspection */

static char *introspect(DBusConnection *bus, const char *path) {
    DBusMessage *m, *reply;
    DBusError error;
    const char *xml;
    char *copy;

    dbus_error_init(&error);
    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, path, DBUS_INTERFACE_INTROSPECTABLE, "Introspect");
    reply = dbus_connection_send_with_reply_and_block(bus, m, STRESS_TIMEOUT_MS, &error);
    dbus_message_unref(m);
    if (!reply)
        STRESS_FAIL("Introspect %s: %s", path, error.message);
    if (!dbus_message_get_args(reply, &error, DBUS_TYPE_STRING, &xml, DBUS_TYPE_INVALID))
        STRESS_FAIL("Introspect %s: %s", path, error.message);
    copy = strdup(xml);
    dbus_message_unref(reply);
    return copy;
}

/* The value of attribute name="..." in the tag that starts at tag. */
static bool attribute(const char *tag, const char *name, char *buf, size_t size) {
    const char *end = strchr(tag, '>'), *p;
    char key[32];

    snprintf(key, sizeof(key), " %s=\"", name);
    p = strstr(tag, key);
    if (!p || (end && p > end))
        return false;
    p += strlen(key);
    snprintf(buf, size, "%.*s", (int) (strchr(p, '"') - p), p);
    return true;
}

static void add_member(Fuzzer *fz, const Member *m) {
    if (fz->n_members == MAX_MEMBERS)
        STRESS_FAIL("more than %d members", MAX_MEMBERS);
    fz->members[fz->n_members++] = *m;
}

/* Methods (with their in-signature) and properties (with their type). */
static void learn_object(Fuzzer *fz, const char *path) {
    char *xml = introspect(fz->bus, path);
    Member cur = {};

    snprintf(cur.path, sizeof(cur.path), "%s", path);
    for (const char *p = xml; (p = strchr(p, '<')); p++) {
        char type[64], direction[8] = "in";
        if (strncmp(p, "<interface ", 11) == 0)
            attribute(p, "name", cur.iface, sizeof(cur.iface));
        else if (strncmp(p, "<method ", 8) == 0) {
            if (cur.name[0] && !cur.property)
                add_member(fz, &cur);
            attribute(p, "name", cur.name, sizeof(cur.name));
            cur.signature[0] = 0;
            cur.property = false;
        } else if (strncmp(p, "<arg ", 5) == 0 && cur.name[0] && !cur.property &&
                   attribute(p, "type", type, sizeof(type))) {
            attribute(p, "direction", direction, sizeof(direction));
            size_t len = strlen(cur.signature), add = strlen(type);
            /* a cut signature would be fuzzed with the wrong arguments */
            if (strcmp(direction, "in") == 0 && len + add >= sizeof(cur.signature))
                STRESS_FAIL("%s.%s: in-signature longer than %zu", cur.iface, cur.name,
                            sizeof(cur.signature) - 1);
            if (strcmp(direction, "in") == 0)
                memcpy(cur.signature + len, type, add + 1);
        } else if (strncmp(p, "<signal ", 8) == 0 || strncmp(p, "</interface>", 12) == 0) {
            if (cur.name[0] && !cur.property)
                add_member(fz, &cur);
            cur.name[0] = 0;
        } else if (strncmp(p, "<property ", 10) == 0) {
            if (cur.name[0] && !cur.property)
                add_member(fz, &cur);
            Member prop = cur;
            prop.property = true;
            attribute(p, "name", prop.name, sizeof(prop.name));
            attribute(p, "type", prop.signature, sizeof(prop.signature));
            add_member(fz, &prop);
            cur.name[0] = 0;
        }
    }
    free(xml);
}

/* ------------------------------------------------------------ values */

static const char *random_string(Fuzzer *fz, char *buf, size_t size) {
    static const char *const fixed[] = {
        "", ".", "..", "/", "../../etc/passwd", "fake", "-h", "%s%s%n", "ä€😀", "\x7f\x01\x1b[2J",
        "user@host:/path", "//server/share", "provider", "a b", "0xffffffffffffffff",
    };
    uint64_t kind = pick(fz, 10);
    size_t n;

    if (kind < 5)
        return fixed[pick(fz, sizeof(fixed) / sizeof(fixed[0]))];
    n = kind == 9 ? HUGE_STRING : pick(fz, 300);
    if (n >= size)
        n = size - 1;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char) (1 + pick(fz, 126));   /* ASCII without NUL: valid UTF-8 */
    buf[n] = 0;
    return buf;
}

static uint64_t random_number(Fuzzer *fz) {
    static const uint64_t edges[] = { 0, 1, 2, 5, 7, 15, 255, 256, 0x7fffffff, 0x80000000, 0xffffffff,
                                      0x100000000ull, INT64_MAX, (uint64_t) INT64_MIN, UINT64_MAX };
    return pick(fz, 2) ? edges[pick(fz, sizeof(edges) / sizeof(edges[0]))] : stress_random(&fz->rng);
}

static void append_value(Fuzzer *fz, DBusMessageIter *it, DBusSignatureIter *sig, char *buf, size_t size);

static void append_container(Fuzzer *fz, DBusMessageIter *it, DBusSignatureIter *sig, char *buf, size_t size) {
    int type = dbus_signature_iter_get_current_type(sig);
    DBusMessageIter sub;
    DBusSignatureIter inner;

    fz->depth++;
    dbus_signature_iter_recurse(sig, &inner);
    if (type == DBUS_TYPE_ARRAY) {
        char *element = dbus_signature_iter_get_signature(&inner);
        uint64_t n = fz->depth == 1 && pick(fz, 8) == 0 ? HUGE_ARRAY : pick(fz, 6);
        dbus_message_iter_open_container(it, DBUS_TYPE_ARRAY, element, &sub);
        dbus_free(element);
        for (uint64_t i = 0; i < n; i++) {
            DBusSignatureIter each = inner;
            append_value(fz, &sub, &each, buf, n > 100 ? 16 : size);
        }
    } else if (type == DBUS_TYPE_VARIANT) {
        static const char *const inside[] = { "s", "u", "b", "t", "i", "as", "a{sv}", "ay", "d", "o" };  /* basic first */
        /* containers inside variants only near the top */
        const char *s = inside[pick(fz, fz->depth > 2 ? 5 : sizeof(inside) / sizeof(inside[0]))];
        DBusSignatureIter vs;
        dbus_signature_iter_init(&vs, s);
        dbus_message_iter_open_container(it, DBUS_TYPE_VARIANT, s, &sub);
        append_value(fz, &sub, &vs, buf, size);
    } else {
        dbus_message_iter_open_container(it, type == DBUS_TYPE_STRUCT ? DBUS_TYPE_STRUCT : DBUS_TYPE_DICT_ENTRY,
                                         NULL, &sub);
        do
            append_value(fz, &sub, &inner, buf, size);
        while (dbus_signature_iter_next(&inner));
    }
    dbus_message_iter_close_container(it, &sub);
    fz->depth--;
}

static void append_value(Fuzzer *fz, DBusMessageIter *it, DBusSignatureIter *sig, char *buf, size_t size) {
    int type = dbus_signature_iter_get_current_type(sig);
    DBusBasicValue v = {};

    if (dbus_type_is_container(type)) {
        append_container(fz, it, sig, buf, size);
        return;
    }
    switch (type) {
    case DBUS_TYPE_STRING:
        v.str = (char *) random_string(fz, buf, size);
        break;
    case DBUS_TYPE_OBJECT_PATH:
        v.str = pick(fz, 2) ? (char *) PPPRAS_ROOT_PATH : (char *) "/a/b_c/0";
        break;
    case DBUS_TYPE_SIGNATURE:
        v.str = pick(fz, 2) ? (char *) "a{sv}" : (char *) "";
        break;
    case DBUS_TYPE_UNIX_FD:
        v.fd = fz->fds[pick(fz, 4)];
        break;
    case DBUS_TYPE_BOOLEAN:
        v.bool_val = pick(fz, 2);
        break;
    case DBUS_TYPE_DOUBLE:
        v.dbl = (double) (int64_t) random_number(fz) / 3.0;
        break;
    case DBUS_TYPE_UINT64: case DBUS_TYPE_INT64: {
        uint64_t n = random_number(fz);
        /* never a live handle: a successful HangUp would be a real change */
        for (size_t i = 0; i < fz->n_live; i++)
            if (n == fz->live_handles[i])
                n++;
        v.u64 = n;
        break;
    }
    default:
        v.u64 = random_number(fz);   /* byte, int16..uint32 take the low bits */
    }
    dbus_message_iter_append_basic(it, type, &v);
}

/* A signature of 0-4 random complete types: the wrong-signature calls. */
static void random_signature(Fuzzer *fz, char *sig, size_t size) {
    static const char *const types[] = { "s", "u", "t", "i", "b", "y", "h", "o", "d", "as", "ay", "a{sv}", "(su)", "v" };
    size_t n = pick(fz, 5);
    sig[0] = 0;
    for (size_t i = 0; i < n; i++)
        strncat(sig, types[pick(fz, sizeof(types) / sizeof(types[0]))], size - strlen(sig) - 1);
}

static void append_arguments(Fuzzer *fz, DBusMessage *m, const char *signature, char *buf, size_t size) {
    DBusMessageIter it;
    DBusSignatureIter sig;

    dbus_message_iter_init_append(m, &it);
    if (!signature[0])
        return;
    dbus_signature_iter_init(&sig, signature);
    do
        append_value(fz, &it, &sig, buf, size);
    while (dbus_signature_iter_next(&sig));
}

/* ------------------------------------------------------------- calls */

static DBusMessage *build_call(Fuzzer *fz, const Member *mb, char *buf, size_t size) {
    char signature[64];
    DBusMessage *m;

    if (!mb->property) {
        m = dbus_message_new_method_call(PPPRAS_BUS_NAME, mb->path, mb->iface, mb->name);
        if (pick(fz, 4) == 0)
            random_signature(fz, signature, sizeof(signature));
        else
            snprintf(signature, sizeof(signature), "%s", mb->signature);
        append_arguments(fz, m, signature, buf, size);
        return m;
    }

    /* A property: Get, Set with any type, or GetAll; names sometimes wrong. */
    static const char *const ops[] = { "Get", "Set", "GetAll" };
    const char *op = ops[pick(fz, 3)];
    const char *iface = pick(fz, 5) ? mb->iface : random_string(fz, buf, 64);
    const char *name = pick(fz, 5) ? mb->name : "NoSuchProperty";
    DBusMessageIter it, variant;
    DBusSignatureIter sig;

    m = dbus_message_new_method_call(PPPRAS_BUS_NAME, mb->path, DBUS_INTERFACE_PROPERTIES, op);
    dbus_message_iter_init_append(m, &it);
    dbus_message_iter_append_basic(&it, DBUS_TYPE_STRING, &iface);
    if (strcmp(op, "GetAll") == 0)
        return m;
    dbus_message_iter_append_basic(&it, DBUS_TYPE_STRING, &name);
    if (strcmp(op, "Get") == 0)
        return m;
    const char *type = pick(fz, 2) ? mb->signature : "as";
    dbus_signature_iter_init(&sig, type);
    dbus_message_iter_open_container(&it, DBUS_TYPE_VARIANT, type, &variant);
    append_value(fz, &variant, &sig, buf + 64, size - 64);
    dbus_message_iter_close_container(&it, &variant);
    return m;
}

static void fuzz_one(Fuzzer *fz, const Member *mb, char *buf, size_t size) {
    DBusMessage *m = build_call(fz, mb, buf, size), *reply;
    DBusError error;

    if (!m)
        STRESS_FAIL("out of memory");
    dbus_error_init(&error);
    reply = dbus_connection_send_with_reply_and_block(fz->bus, m, STRESS_TIMEOUT_MS, &error);
    fz->fig.operations++;
    if (reply)
        dbus_message_unref(reply);
    else if (stress_error_is_named(error.name))
        fz->refused++;
    else {
        fz->fig.faults++;
        fprintf(stderr, "fuzz: %s.%s on %s (%s%s): unnamed reply %s: %s\n", mb->iface, mb->name, mb->path,
                mb->property ? "property " : "", dbus_message_get_signature(m), error.name, error.message);
        dbus_error_free(&error);
        if (!dbus_connection_get_is_connected(fz->bus))
            STRESS_FAIL("the bus dropped the fuzzer");
    }
    dbus_error_free(&error);
    dbus_message_unref(m);
}

static void open_fds(Fuzzer *fz) {
    int p[2], s[2];
    if (pipe2(p, O_CLOEXEC) < 0 || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s) < 0)
        STRESS_FAIL("pipe: %m");
    fz->fds[0] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    fz->fds[1] = open("/dev/null", O_RDONLY | O_CLOEXEC);
    fz->fds[2] = p[0];
    fz->fds[3] = s[0];
    close(p[1]);
    close(s[1]);
}

/* One pass of rounds calls from this process's uid. */
static int fuzz_pass(Fuzzer *fz, uint64_t rounds, pid_t daemon_pid) {
    static char buf[HUGE_STRING + 1];
    char path[PPPRAS_CONNECTION_PATH_MAX + 1];

    fz->fig.name = geteuid() == 0 ? "fuzz (root)" : "fuzz (nobody)";
    fz->bus = stress_bus_open();
    open_fds(fz);
    snprintf(path, sizeof(path), PPPRAS_CONNECTION_PREFIX "/%016" PRIx64, fz->live_handles[0]);
    learn_object(fz, PPPRAS_ROOT_PATH);
    learn_object(fz, path);
    printf("%s: %zu methods and properties on %s and %s, %" PRIu64 " calls\n", fz->fig.name, fz->n_members,
           PPPRAS_ROOT_PATH, path, rounds);

    for (uint64_t i = 0; i < rounds; i++)
        fuzz_one(fz, &fz->members[pick(fz, fz->n_members)], buf, sizeof(buf));

    if (kill(daemon_pid, 0) < 0 && errno == ESRCH)
        STRESS_FAIL("the daemon died");
    printf("%s: %" PRIu64 " calls refused with a named error, %" PRIu64 " succeeded\n", fz->fig.name,
           fz->refused, fz->fig.operations - fz->refused - fz->fig.faults);
    stress_print(&fz->fig);
    stress_bus_close(fz->bus);
    return fz->fig.faults == 0 ? 0 : 1;
}

/* The same pass from uid nobody, in a child that drops privileges. */
static int fuzz_pass_unprivileged(Fuzzer *fz, uint64_t rounds, pid_t daemon_pid) {
    int status;
    pid_t pid = fork();

    if (pid < 0)
        STRESS_FAIL("fork: %m");
    if (pid == 0) {
        if (setgroups(0, NULL) < 0 || setresgid(65534, 65534, 65534) < 0 || setresuid(65534, 65534, 65534) < 0)
            STRESS_FAIL("cannot become nobody: %m");
        fz->rng = ~fz->rng;
        _exit(fuzz_pass(fz, rounds, daemon_pid));
    }
    if (waitpid(pid, &status, 0) < 0)
        STRESS_FAIL("waitpid: %m");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

/* The part of a snapshot that is the connection object of handle. */
static const char *object_text(const char *snapshot, uint64_t handle, size_t *ret_len) {
    char key[PPPRAS_CONNECTION_PATH_MAX + 4];
    const char *start, *end;

    snprintf(key, sizeof(key), "'%s/%016" PRIx64 "'", PPPRAS_CONNECTION_PREFIX, handle);
    start = strstr(snapshot, key);
    if (!start)
        return NULL;
    /* its properties are all basic: the first "]]]]" closes the object */
    end = strstr(start, "]]]]");
    *ret_len = end ? (size_t) (end - start) : strlen(start);
    return start;
}

int stress_fuzz(const StressOptions *o) {
    _cleanup_fake_plugin_ FakePlugin connected = FAKE_PLUGIN_NULL;
    _cleanup_fake_plugin_ FakePlugin dialling = FAKE_PLUGIN_NULL;
    Fuzzer fz = { .rng = o->seed };
    pid_t daemon_pid = stress_daemon_pid();
    uint64_t rounds = o->rounds ? o->rounds : o->long_run ? 50000 : 1500;
    StressFigures total = { .name = "fuzz" };
    StressLink links[4];
    DBusConnection *bus;
    char *before, *after;
    int rc;

    printf("fuzz: seed %" PRIu64 " (--seed=%" PRIu64 " repeats this run)\n", o->seed, o->seed);
    /* The connections the fuzzing must leave alone: one up, one dialling. */
    if (fake_plugin_spawn(&connected, 0) < 0 || fake_plugin_connect(&connected, "fuzz-up") < 0 ||
        fake_plugin_spawn(&dialling, 0) < 0 || fake_plugin_register(&dialling, "fuzz-dialling") < 0)
        STRESS_FAIL("the fake pppds could not report");
    bus = stress_bus_open();
    if (stress_list_links(bus, links, 4, &fz.n_live) < 0 || fz.n_live != 2)
        STRESS_FAIL("expected the 2 fake connections, found %zu", fz.n_live);
    for (size_t i = 0; i < fz.n_live; i++)
        fz.live_handles[i] = links[i].handle;
    before = stress_snapshot(bus);

    rc = fuzz_pass_unprivileged(&fz, rounds, daemon_pid);
    rc |= fuzz_pass(&fz, rounds, daemon_pid);

    after = stress_snapshot(bus);
    for (size_t i = 0; i < fz.n_live; i++) {
        size_t b_len = 0, a_len = 0;
        const char *b = object_text(before, fz.live_handles[i], &b_len);
        const char *a = object_text(after, fz.live_handles[i], &a_len);
        if (!a || b_len != a_len || memcmp(a, b, a_len) != 0) {
            total.lost++;
            fprintf(stderr, "fuzz: connection %016" PRIx64 " changed:\n  before %.*s\n  after  %.*s\n",
                    fz.live_handles[i], (int) b_len, b ? b : "", (int) a_len, a ? a : "(gone)");
        }
    }
    total.operations = 2 * rounds;
    total.faults = rc ? 1 : 0;
    stress_print(&total);
    free(before);
    free(after);
    stress_bus_close(bus);
    return rc == 0 && total.lost == 0 ? 0 : 1;
}
