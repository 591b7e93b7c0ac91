/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "mount-helper.h"
#include "mount-pin.h"
#include "mount-unmount.h"
#include "network-internal.h"
#include "network-profile.h"
#include "util.h"
#include "winnetwk.h"

/* The mount choreography: where a mount is made (a root-controlled
 * directory: the user's drive directory, or a stage for an absolute
 * path), the helper that makes it, and moving it onto the target the
 * caller named, held by fd since the checks. */

/* ---------------------------------------------------------------- mount points */

/* Only for paths below root-owned directories: nobody else can swap a
 * component of path under us. */
static int mkdir_owned(const char *path, mode_t mode, uid_t uid, gid_t gid) {
    struct stat st;

    if (mkdir(path, mode) < 0 && errno != EEXIST)
        return -errno;
    if (lstat(path, &st) < 0)
        return -errno;
    if (!S_ISDIR(st.st_mode))
        return -ENOTDIR;
    if ((st.st_uid != uid || st.st_gid != gid) && lchown(path, uid, gid) < 0)
        return -errno;
    if ((st.st_mode & 07777) != mode && chmod(path, mode) < 0)
        return -errno;
    return 0;
}

/* RUNTIME (0755, it may hold more than ours) and RUNTIME/wnet: root's,
 * 0755 so that users reach their drives below. */
int net_ensure_runtime_dir(Network *n) {
    _cleanup_(freep) char *base = NULL;

    assert(n);

    if (asprintf(&base, "%s/wnet", n->runtime_dir) < 0)
        return -ENOMEM;
    if (mkdir(n->runtime_dir, 0755) < 0 && errno != EEXIST)
        return -errno;
    return mkdir_owned(base, 0755, 0, 0);
}

/* RUNTIME/wnet and RUNTIME/wnet/UID belong to root, so the user cannot
 * swap the mount point below them for a symlink; only the mount point
 * itself (Z, @N, .stage-N) belongs to the user, 0700. */
static int prepare_user_dir(Network *n, uid_t uid, char **ret) {
    _cleanup_(freep) char *dir = NULL;
    int r;

    if (asprintf(&dir, "%s/wnet/%u", n->runtime_dir, (unsigned) uid) < 0)
        return -ENOMEM;
    r = net_ensure_runtime_dir(n);
    if (r >= 0)
        r = mkdir_owned(dir, 0755, 0, 0);
    if (r < 0)
        return r;
    *ret = TAKE_PTR(dir);
    return 0;
}

/* A fresh directory for the helper to mount on, in the user's root-owned
 * directory: the helper (root's mount.cifs included) never sees a path
 * the caller controls.  Root's own for the helpers that run as root; the
 * caller's for sshfs, which fusermount3 checks as them. */
static int make_stage(Network *n, NetConnection *c, const char *dir) {
    bool root = net_provider_runs_as_root(c->remote.provider);

    for (unsigned attempt = 0; attempt < 16; attempt++) {
        _cleanup_(freep) char *stage = NULL;
        if (asprintf(&stage, "%s/.stage-%llu", dir, (unsigned long long) ++n->next_stage_id) < 0)
            return -ENOMEM;
        if (mkdir(stage, 0700) < 0) {
            if (errno == EEXIST)
                continue;                 /* an earlier daemon's */
            return -errno;
        }
        if (!root && lchown(stage, c->uid, c->gid) < 0) {
            int r = -errno;
            (void) rmdir(stage);
            return r;
        }
        c->stage = TAKE_PTR(stage);
        return 0;
    }
    return -EEXIST;
}

/* 0, -EEXIST (already a mount point: ERROR_ALREADY_ASSIGNED), -EACCES
 * (not the caller's directory, or a symlink on the way), other -errno. */
static int prepare_mount_point(Network *n, NetConnection *c) {
    _cleanup_(freep) char *dir = NULL;
    _cleanup_(closep) int fd = -1;
    int r;

    if (c->local_kind == NET_LOCAL_PATH) {
        /* checked and later mounted on through this one fd */
        r = mount_pin_dir(c->local, c->uid == 0 ? (uid_t) -1 : c->uid, &c->target_fd);
        if (r < 0)
            return r;
        c->mount_point = strdup(c->local);
        if (!c->mount_point)
            return -ENOMEM;
        r = prepare_user_dir(n, c->uid, &dir);
        if (r < 0)
            return r;
        return make_stage(n, c, dir);
    }

    r = prepare_user_dir(n, c->uid, &dir);
    if (r < 0)
        return r;
    if (c->local_kind == NET_LOCAL_DRIVE)
        r = asprintf(&c->mount_point, "%s/%c", dir, c->local[0]);
    else
        r = asprintf(&c->mount_point, "%s/@%llu", dir, (unsigned long long) ++n->next_deviceless_id);
    if (r < 0) {
        c->mount_point = NULL;
        return -ENOMEM;
    }
    r = mount_pin_dir(c->mount_point, (uid_t) -1, &fd);
    if (r == -EEXIST)
        return r;                         /* left over from an earlier daemon */
    r = mkdir_owned(c->mount_point, 0700, c->uid, c->gid);
    if (r < 0)
        return r;
    c->made_mount_point = true;
    return 0;
}

void net_connection_abort(NetConnection *c) {
    const char *half;
    uint64_t id;
    int r;

    assert(c);

    if (c->mounted) {
        r = mount_abort(c->mount_point, c->mnt_id);
        if (r < 0)
            log_warning_errno(r, "Failed to detach %s: %m", c->mount_point);
        return;
    }
    /* a helper's mount not handed over yet: only where we had it made,
     * never at a path the caller named */
    half = c->stage ?: c->local_kind != NET_LOCAL_PATH ? c->mount_point : NULL;
    if (half && mount_root_id_at(half, &id) >= 0)
        (void) mount_abort(half, id);
}

/* ---------------------------------------------------------------- mounting */

/* username=, domain= and password= for mount.cifs, in a 0600 file that
 * only lives while the helper runs: secrets never appear in argv. */
static int write_cifs_credentials(Network *n, NetConnection *c, const char *password, size_t password_size) {
    _cleanup_(freep) char *text = NULL;
    _cleanup_(closep) int fd = -1;
    const char *name = c->user, *backslash = strchr(c->user, '\\');
    int len, r = 0;

    if (asprintf(&c->credentials_path, "%s/wnet/.credentials.XXXXXX", n->runtime_dir) < 0) {
        c->credentials_path = NULL;
        return -ENOMEM;
    }
    fd = mkostemp(c->credentials_path, O_CLOEXEC);     /* 0600 */
    if (fd < 0) {
        r = -errno;
        c->credentials_path = (free(c->credentials_path), NULL);
        return r;
    }
    if (backslash)
        name = backslash + 1;
    len = asprintf(&text, "username=%s\npassword=%.*s\n%s%.*s%s", name, (int) password_size, password ?: "",
                   backslash ? "domain=" : "", backslash ? (int) (backslash - c->user) : 0, c->user,
                   backslash ? "\n" : "");
    if (len < 0) {
        text = NULL;
        return -ENOMEM;
    }
    if (write(fd, text, (size_t) len) != len)
        r = -EIO;
    explicit_bzero(text, (size_t) len);
    return r;
}

/* sshfs swallows what ssh says ("Permission denied (publickey,password).")
 * and reports only "read: Connection reset by peer"; ssh -E FILE keeps it
 * for the caller's WNetGetLastError.  The file belongs to the user sshfs
 * runs as, in the root-owned per-user directory.  Returns the path to put
 * after "ssh_command=ssh -E ", or NULL to go without. */
static const char *create_ssh_log(Network *n, NetConnection *c) {
    int fd;

    /* sshfs splits ssh_command at blanks and -o at commas */
    if (strpbrk(n->runtime_dir, " \t,\\'\"="))
        return NULL;
    if (asprintf(&c->ssh_log_path, "%s/wnet/%u/.ssh-log.XXXXXX", n->runtime_dir, (unsigned) c->uid) < 0) {
        c->ssh_log_path = NULL;
        return NULL;
    }
    fd = mkostemp(c->ssh_log_path, O_CLOEXEC);
    if (fd < 0 || fchown(fd, c->uid, c->gid) < 0) {
        if (fd >= 0) {
            (void) unlink(c->ssh_log_path);
            safe_close(fd);
        }
        c->ssh_log_path = (free(c->ssh_log_path), NULL);
        return NULL;
    }
    c->ssh_log_fd = fd;
    return c->ssh_log_path;
}

/* ssh's messages without its chatter about known hosts. */
static void read_ssh_log(NetConnection *c, char *buf, size_t size) {
    char *p;

    buf[0] = '\0';
    if (!c->ssh_log_path)
        return;
    (void) unlink(c->ssh_log_path);
    c->ssh_log_path = (free(c->ssh_log_path), NULL);
    mount_output_read(c->ssh_log_fd, buf, size);
    c->ssh_log_fd = safe_close(c->ssh_log_fd);
    while ((p = strstr(buf, "Warning: Permanently added "))) {
        char *end = strstr(p, "; ");
        memmove(p, end ? end + 2 : p + strlen(p), strlen(end ? end + 2 : p + strlen(p)) + 1);
    }
    for (size_t l = strlen(buf); l > 0 && (buf[l - 1] == ' ' || buf[l - 1] == ';'); l--)
        buf[l - 1] = '\0';
}

static void on_mount_done(MountHelper *h, int status, const char *output, void *userdata);

/* argv for the helper; strings point into c or into the static option
 * texts, so everything lives as long as the spawn call. */
static int start_mount(Network *n, NetConnection *c, const Caller *caller, const char *password,
                       size_t password_size) {
    char options[256], port[16], source[1200], ssh_command[PATH_MAX + 16];
    const char *argv[24], *ssh_log;
    size_t a = 0;
    MountHelperSpec spec = {
        .uid = 0,
        .gid = 0,
        .timeout_usec = n->mount_timeout_usec,
    };
    _cleanup_(freep) char *input = NULL;
    /* an absolute path is mounted on the stage first, then moved onto the pinned target */
    const char *target = c->stage ?: c->mount_point;
    int r;

    switch (c->remote.provider) {
    case NET_PROVIDER_CIFS:
        if (!isempty(c->user) || password_size > 0) {
            r = write_cifs_credentials(n, c, password, password_size);
            if (r < 0)
                return r;
        }
        /* Bound to a link: once the link is gone the server never answers,
         * and a process still inside the detached mount (or the last one
         * leaving it) waits until the client gives the server up, about
         * three echo intervals; the default interval makes that minutes. */
        snprintf(options, sizeof options, "nosuid,nodev,uid=%u,gid=%u,forceuid,forcegid,"
                 "file_mode=0600,dir_mode=0700,%s%s%s", (unsigned) c->uid, (unsigned) c->gid,
                 c->ras_handle != 0 ? "soft,echo_interval=2," : "",
                 c->credentials_path ? "credentials=" : "guest", strempty(c->credentials_path));
        spec.program = "mount";
        argv[a++] = "mount";
        argv[a++] = "-t";
        argv[a++] = "cifs";
        argv[a++] = "-o";
        argv[a++] = options;
        argv[a++] = c->remote.source;
        argv[a++] = target;
        break;

    case NET_PROVIDER_NFS:
        spec.program = "mount";
        argv[a++] = "mount";
        argv[a++] = "-t";
        argv[a++] = "nfs";
        argv[a++] = "-o";
        argv[a++] = "nosuid,nodev";
        argv[a++] = c->remote.source;
        argv[a++] = target;
        break;

    case NET_PROVIDER_SSHFS:
        /* sshfs runs as the caller: their keys, their known_hosts, and a
         * FUSE mount only they can enter (no allow_other). */
        spec.program = "sshfs";
        spec.uid = caller->uid;
        spec.gid = caller->gid;
        spec.user_name = caller->name;
        spec.home = caller->home;
        if (!isempty(c->user))
            snprintf(source, sizeof source, "%s@%s", c->user, c->remote.source);
        else
            snprintf(source, sizeof source, "%s", c->remote.source);
        argv[a++] = "sshfs";
        argv[a++] = source;
        argv[a++] = target;
        if (n->ssh_config) {
            argv[a++] = "-F";
            argv[a++] = n->ssh_config;
        }
        ssh_log = create_ssh_log(n, c);
        if (ssh_log) {
            snprintf(ssh_command, sizeof ssh_command, "ssh_command=ssh -E %s", ssh_log);
            argv[a++] = "-o";
            argv[a++] = ssh_command;
        }
        if (c->remote.port > 0) {
            snprintf(port, sizeof port, "%u", c->remote.port);
            argv[a++] = "-p";
            argv[a++] = port;
        }
        argv[a++] = "-o";
        argv[a++] = "nosuid,nodev,idmap=user,ConnectTimeout=20,ServerAliveInterval=15,ServerAliveCountMax=3";
        argv[a++] = "-o";
        if (password_size > 0) {
            /* sshfs splits -o at commas: one authentication method only */
            argv[a++] = "password_stdin,NumberOfPasswordPrompts=1,PreferredAuthentications=password";
            /* sshfs reads one line */
            input = malloc(password_size + 1);
            if (!input)
                return -ENOMEM;
            memcpy(input, password, password_size);
            input[password_size] = '\n';
            spec.input = input;
            spec.input_size = password_size + 1;
        } else
            argv[a++] = "BatchMode=yes";
        break;

    default:
        assert(false);
        return -EINVAL;
    }
    argv[a] = NULL;
    assert(a < ELEMENTSOF(argv));
    spec.argv = (char *const *) argv;

    r = mount_helper_spawn(n->event, &spec, on_mount_done, c, &c->helper);
    if (input)
        explicit_bzero(input, spec.input_size);
    return r;
}

/* The helper's mount, taken over: its id recorded, and for an absolute
 * path moved from the stage onto the directory pinned at the start. */
static int finish_mount(NetConnection *c) {
    uint64_t id;
    int r;

    r = mount_root_id_at(c->stage ?: c->mount_point, &id);
    if (r < 0)
        return r == -ENOENT ? -EIO : r;       /* the helper said yes, nothing is there */
    if (c->stage) {
        r = mount_move_onto(c->stage, c->target_fd, &id);
        if (r < 0) {
            net_connection_abort(c);
            return r;
        }
        (void) rmdir(c->stage);
        c->stage = (free(c->stage), NULL);
        c->target_fd = safe_close(c->target_fd);
    }
    c->mnt_id = id;
    c->mounted = true;
    return 0;
}

uint32_t net_connection_start(Network *n, NetConnection *c, const Caller *caller,
                              const char *password, size_t password_size) {
    int r = 0;

    /* mount.cifs and mount.nfs run as root: MountGroup decides who may */
    if (net_provider_runs_as_root(c->remote.provider) && !caller->may_mount_as_root)
        r = -EPERM;
    if (r >= 0) {
        r = uid_limits_take(&n->mounting, c->uid);
        c->counted_mounting = r >= 0;
    }
    if (r >= 0)
        r = prepare_mount_point(n, c);
    if (r >= 0)
        r = start_mount(n, c, caller, password, password_size);
    if (r >= 0)
        return 0;

    log_full_errno(r == -EEXIST || r == -EACCES || r == -EPERM || r == -EDQUOT ? LOG_DEBUG : LOG_WARNING, r,
                   "Cannot mount %s on %s: %m", c->remote.canonical, strempty(c->mount_point ?: c->local));
    net_connection_free(c);
    switch (r) {
    case -EEXIST:  return ERROR_ALREADY_ASSIGNED;
    case -EACCES:
    case -EPERM:   return ERROR_ACCESS_DENIED;
    case -ENOENT:
    case -ENOTDIR: return ERROR_BAD_DEVICE;
    case -ENOMEM:  return ERROR_NOT_ENOUGH_MEMORY;
    case -EDQUOT:  return ERROR_NOT_ENOUGH_QUOTA;
    default:       return ERROR_EXTENDED_ERROR;
    }
}

void net_restore_batch_step(RestoreBatch *b, bool restored) {
    if (restored)
        b->restored++;
    if (--b->pending > 0)
        return;
    (void) sd_bus_reply_method_return(b->message, "u", b->restored);
    sd_bus_message_unref(b->message);
    free(b);
}

static void on_mount_done(MountHelper *h, int status, const char *output, void *userdata) {
    NetConnection *c = userdata;
    Network *n = c->network;
    _cleanup_(sd_bus_message_unrefp) sd_bus_message *m = TAKE_PTR(c->pending);
    RestoreBatch *batch = TAKE_PTR(c->batch);
    char ssh_text[1024], text[2048];
    int r = 0;

    c->helper = mount_helper_free(h);
    if (c->counted_mounting) {
        uid_limits_release(&n->mounting, c->uid);
        c->counted_mounting = false;
    }
    read_ssh_log(c, ssh_text, sizeof ssh_text);
    if (c->credentials_path) {
        (void) unlink(c->credentials_path);
        c->credentials_path = (free(c->credentials_path), NULL);
    }

    if (status == 0)
        r = finish_mount(c);
    if (status != 0 || r < 0) {
        /* ssh's reason first: it is the one a user can act on */
        snprintf(text, sizeof text, "%s%s%s", ssh_text, *ssh_text && *output ? "; " : "", output);
        if (status == 0 && r != -EIO)
            snprintf(text, sizeof text, "the mount could not be moved onto %s: %s", c->mount_point,
                     strerror(-r));
        log_info("Mounting %s on %s for uid %u failed (%d): %s", c->remote.canonical, c->mount_point,
                 (unsigned) c->uid, status != 0 ? status : r, text);
        if (m)
            (void) net_reply_extended(m, c->remote.provider, status != 0 ? status : r, text);
        net_connection_free(c);
        if (batch)
            net_restore_batch_step(batch, false);
        return;
    }

    log_info("Mounted %s on %s for uid %u.", c->remote.canonical, c->mount_point, (unsigned) c->uid);

    if ((c->flags & CONNECT_UPDATE_PROFILE) && c->local_kind != NET_LOCAL_NONE) {
        _cleanup_(profile_done) Profile p = {};
        r = profile_load(n->state_dir, c->uid, &p);
        if (r >= 0)
            r = profile_set(&p, c->local, c->remote.canonical, c->user);
        if (r >= 0)
            r = profile_save(n->state_dir, c->uid, &p);
        if (r < 0) {
            /* all or nothing: a connection the caller asked to remember but
             * that we could not remember is taken down again */
            (void) mount_unmount(c->mount_point, c->mnt_id, true, NULL);
            c->mounted = false;
            if (m)
                (void) net_reply_profile_error(m, r);
            net_connection_free(c);
            return;
        }
    }

    net_save_state(n);
    if (m)
        (void) sd_bus_reply_method_return(m, "s", c->local);
    if (batch)
        net_restore_batch_step(batch, true);
}
