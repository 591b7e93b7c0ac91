/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Runs one mount helper (mount, sshfs) without blocking the event loop:
 * fork + execve with an argv array (never a shell), a clean environment,
 * optionally as another user, with an optional secret on stdin.  Its
 * stdout and stderr go to a memfd (not a pipe: sshfs leaves ssh running
 * with that fd for the life of the mount), read once the helper exits. */

#include <stdint.h>
#include <sys/types.h>
#include <systemd/sd-event.h>

typedef struct MountHelper MountHelper;

/* status: the helper's exit status (0 = mounted), or a negative errno when
 * it could not run (-ENOENT: program not installed, -EACCES: could not
 * become the user) or was killed
 * (-ETIMEDOUT, -EINTR for other signals).  output: what it printed, lines
 * joined by "; ", trailing blanks removed (never NULL).  The callback may
 * free the helper. */
typedef void (*mount_helper_done_t)(MountHelper *h, int status, const char *output, void *userdata);

typedef struct MountHelperSpec {
    const char *program;          /* "mount", "sshfs": looked up in fixed sbin/bin directories */
    char *const *argv;            /* argv[0] included, NULL-terminated */
    uid_t uid;                    /* run as this user (0: stay root) */
    gid_t gid;
    const char *home;             /* HOME for uid (NULL: "/") */
    const char *user_name;        /* USER/LOGNAME and supplementary groups for uid */
    const char *input;            /* written to stdin, NULL: stdin is /dev/null */
    size_t input_size;
    uint64_t timeout_usec;        /* the helper is killed after this; 0: no limit */
} MountHelperSpec;

int mount_helper_spawn(sd_event *event, const MountHelperSpec *spec, mount_helper_done_t done,
                       void *userdata, MountHelper **ret);

/* What a helper wrote to fd (from offset 0), as one line: control
 * characters become spaces, line breaks "; ", blank lines vanish. */
void mount_output_read(int fd, char *buf, size_t size);

/* Kills a helper still running (its process group) and frees it; the
 * callback is not called. */
MountHelper *mount_helper_free(MountHelper *h);
