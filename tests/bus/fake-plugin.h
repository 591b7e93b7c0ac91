/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A stand-in for pppd with the pppras plugin loaded: a child process
 * (tests/fake-pppd, beside the test program) with its own libdbus
 * connection to the system bus that sends the org.pppras.Ras1.Link calls
 * of docs/dbus-api.md when told to.  It must be a separate process: the
 * daemon takes the pppd's pid from the sender's bus credentials and
 * signals that process on hang-up; and a restarted daemon keeps only
 * connections whose process is the --pppd program.  Like the plugin, it
 * registers again whenever the daemon's name gets a new owner.
 *
 * Unlike the real plugin, every call waits for the daemon's reply, so when
 * a fake_plugin_*() call returns the daemon has acted on it: tests need no
 * sleeps.  Between calls the child blocks (like pppd in its main loop);
 * SIGTERM makes it exit with status 0, unless FAKE_PLUGIN_IGNORE_SIGTERM. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum FakePluginFlags {
    FAKE_PLUGIN_IGNORE_SIGTERM = 1u << 0,   /* a pppd stuck in the kernel: only SIGKILL ends it */
    FAKE_PLUGIN_UNPRIVILEGED   = 1u << 1,   /* setresuid(65534) before connecting to the bus */
} FakePluginFlags;

typedef struct FakePlugin {
    pid_t pid;
    int pidfd;                 /* readable once the child has exited */
    int request_fd;            /* to the child */
    int reply_fd;              /* from the child */
    char error_name[128];      /* D-Bus error of the last call that failed with -EREMOTEIO */
    pid_t detached;            /* after fake_plugin_detach(): the child that answers now */
} FakePlugin;

#define FAKE_PLUGIN_NULL ((FakePlugin) { .pid = -1, .pidfd = -1, .request_fd = -1, .reply_fd = -1, .detached = -1 })

/* Forks the child and waits until it is on the bus.  0 or negative errno. */
int fake_plugin_spawn(FakePlugin *p, unsigned flags);

/* The Link calls.  0: the daemon replied; -EREMOTEIO: it replied with an
 * error (p->error_name); other negative errno: the child is gone. */
int fake_plugin_register(FakePlugin *p, const char *entry);
/* Register reporting the device as the plugin would (device_type
 * "modem", "pty", "pppoe", "l2tp"; pty_program may be NULL); later
 * Registers repeat it.  fake_plugin_register() reports "pty", /dev/pts/99. */
int fake_plugin_register_device(FakePlugin *p, const char *entry, const char *device_type, const char *device,
                                const char *pty_program);
int fake_plugin_phase(FakePlugin *p, uint32_t phase);
int fake_plugin_ip_up(FakePlugin *p, const char *ifname, const char *local, const char *remote);
int fake_plugin_ip_down(FakePlugin *p);
int fake_plugin_ip6_up(FakePlugin *p, const char *ifname, const char *local, const char *remote);
int fake_plugin_exit(FakePlugin *p, int32_t status, bool peer_terminated);

/* Register(entry), Phase 2, 4, 5, 7, IpUp(ppp0, 10.64.0.1 → 10.64.0.2):
 * what a pppd that connects reports. */
int fake_plugin_connect(FakePlugin *p, const char *entry);

/* Returns once the daemon's name has had a new owner `times` times since
 * the spawn and each got a Register with everything reported so far. */
int fake_plugin_await_registered(FakePlugin *p, unsigned times);

/* The child forks and exits; its child keeps the bus connection (so the
 * plugin's bus name stays) and answers every later call.  The exit is
 * for fake_plugin_wait().  0 or negative errno. */
int fake_plugin_detach(FakePlugin *p);

/* The child exits with status code on its own (pppd ending by itself). */
int fake_plugin_quit(FakePlugin *p, int code);

/* Waits up to timeout_ms for the child to exit and reaps it; *ret_status
 * as waitpid() gives it.  -ETIMEDOUT if it is still running. */
int fake_plugin_wait(FakePlugin *p, int timeout_ms, int *ret_status);

/* SIGKILLs and reaps a child that is still there, closes everything. */
void fake_plugin_done(FakePlugin *p);

#define _cleanup_fake_plugin_ __attribute__((cleanup(fake_plugin_done)))
