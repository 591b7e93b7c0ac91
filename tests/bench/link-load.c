/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "link-load.h"
#include "dbus-dict.h"
#include "phase-map.h"
#include "pppras-bus.h"

#define HOLDER_STACK_SIZE (16 * 1024)
/* The bus daemon limits the replies a connection may await (128 unless
 * configured): stay below. */
#define REGISTER_WINDOW   100
#define REGISTER_TIMEOUT_MS 30000

/* A child that only exists: it shares our memory (no page tables to copy),
 * dies with us, and sleeps.  Raw syscalls, no libc state touched. */
__attribute__((no_sanitize("address", "undefined")))
static int holder_main(void *arg) {
    pid_t parent = (pid_t) (intptr_t) arg;

    syscall(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (syscall(SYS_getppid) != parent)
        syscall(SYS_exit, 0);     /* the parent died before the line above */
    for (;;)
        syscall(SYS_pause);
    return 0;
}

static int spawn_holders(LinkLoad *l, size_t n) {
    assert(l);

    l->pids = calloc(n, sizeof(pid_t));
    if (!l->pids)
        return -ENOMEM;
    l->stacks_size = n * HOLDER_STACK_SIZE;
    l->stacks = mmap(NULL, l->stacks_size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (l->stacks == MAP_FAILED) {
        l->stacks = NULL;
        return -errno;
    }
    for (size_t i = 0; i < n; i++) {
        char *stack_top = (char *) l->stacks + (i + 1) * HOLDER_STACK_SIZE;
        pid_t pid = clone(holder_main, stack_top, CLONE_VM | SIGCHLD, (void *) (intptr_t) getpid());
        if (pid < 0)
            return -errno;
        l->pids[l->n_pids++] = pid;
    }
    return 0;
}

/* Register for link number i, living as pid: a pty link with its own
 * entry, interface and addresses, already RUNNING. */
static DBusMessage *build_register(size_t i, pid_t pid) {
    char entry[32], device[32], ifname[32], local[32], remote[32];
    const char *strings[][2] = {
        { "entry", entry }, { "device", device }, { "device_type", "pty" },
        { "ifname", ifname }, { "local", local }, { "remote", remote },
    };
    dbus_uint32_t test_pid = (dbus_uint32_t) pid, phase = PPPD_PHASE_RUNNING;
    DBusMessageIter args, dict;

    snprintf(entry, sizeof(entry), "bench-%05zu", i);
    snprintf(device, sizeof(device), "/dev/pts/%zu", i);
    snprintf(ifname, sizeof(ifname), "ppp%zu", i);
    snprintf(local, sizeof(local), "10.%zu.%zu.1", (i >> 8) & 0xff, i & 0xff);
    snprintf(remote, sizeof(remote), "10.%zu.%zu.2", (i >> 8) & 0xff, i & 0xff);

    DBusMessage *m = dbus_message_new_method_call(PPPRAS_BUS_NAME, PPPRAS_ROOT_PATH, PPPRAS_LINK_IFACE, "Register");
    if (!m)
        return NULL;
    dbus_message_iter_init_append(m, &args);
    dbus_message_iter_open_container(&args, DBUS_TYPE_ARRAY, "{sv}", &dict);
    for (size_t k = 0; k < sizeof(strings) / sizeof(strings[0]); k++)
        dbus_dict_append(&dict, strings[k][0], DBUS_TYPE_STRING, &strings[k][1]);
    dbus_dict_append(&dict, "phase", DBUS_TYPE_UINT32, &phase);
    dbus_dict_append(&dict, "test_pid", DBUS_TYPE_UINT32, &test_pid);
    dbus_message_iter_close_container(&args, &dict);
    return m;
}

/* Waits for one pending Register; 0, or -EACCES with the error's name. */
static int finish_register(DBusPendingCall *pending, const char **ret_error_name) {
    static char error_name[128];
    assert(pending);

    dbus_pending_call_block(pending);
    DBusMessage *reply = dbus_pending_call_steal_reply(pending);
    dbus_pending_call_unref(pending);
    if (!reply)
        return -EIO;
    int r = 0;
    if (dbus_message_get_type(reply) == DBUS_MESSAGE_TYPE_ERROR) {
        snprintf(error_name, sizeof(error_name), "%s", dbus_message_get_error_name(reply));
        if (ret_error_name)
            *ret_error_name = error_name;
        r = -EACCES;
    }
    dbus_message_unref(reply);
    return r;
}

/* Keeps up to REGISTER_WINDOW calls in flight: the daemon works while we send. */
static int register_links(LinkLoad *l, const char **ret_error_name) {
    DBusPendingCall *window[REGISTER_WINDOW] = {};
    int r = 0;
    assert(l);

    for (size_t i = 0; i < l->n_pids + REGISTER_WINDOW; i++) {
        DBusPendingCall **slot = &window[i % REGISTER_WINDOW];
        if (*slot) {
            int k = finish_register(*slot, ret_error_name);
            if (r == 0)
                r = k;
            *slot = NULL;
        }
        if (i >= l->n_pids || r < 0)
            continue;
        DBusMessage *m = build_register(i, l->pids[i]);
        if (!m || !dbus_connection_send_with_reply(l->bus, m, slot, REGISTER_TIMEOUT_MS) || !*slot)
            r = -ENOMEM;
        if (m)
            dbus_message_unref(m);
    }
    return r;
}

int link_load_start(LinkLoad *l, size_t n, const char **ret_error_name) {
    DBusError error;
    assert(l);

    *l = LINK_LOAD_NULL;
    dbus_error_init(&error);
    l->bus = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error);
    if (!l->bus) {
        dbus_error_free(&error);
        return -ECONNREFUSED;
    }
    dbus_connection_set_exit_on_disconnect(l->bus, false);

    int r = spawn_holders(l, n);
    if (r >= 0)
        r = register_links(l, ret_error_name);
    if (r < 0)
        link_load_stop(l);
    return r;
}

void link_load_stop(LinkLoad *l) {
    assert(l);

    if (l->bus) {
        dbus_connection_close(l->bus);
        dbus_connection_unref(l->bus);
    }
    for (size_t i = 0; i < l->n_pids; i++)
        kill(l->pids[i], SIGKILL);
    for (size_t i = 0; i < l->n_pids; i++)
        (void) waitpid(l->pids[i], NULL, 0);
    if (l->stacks)
        munmap(l->stacks, l->stacks_size);
    free(l->pids);
    *l = LINK_LOAD_NULL;
}
