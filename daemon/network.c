/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bus-util.h"
#include "log.h"
#include "mount-helper.h"
#include "mount-unmount.h"
#include "network-name.h"
#include "network-profile.h"
#include "network-state.h"
#include "network.h"
#include "pppras-bus.h"
#include "util.h"
#include "winnetwk.h"
#include "wnet-error-map.h"
#include "wnet-errors.h"

/* Enumeration scopes on the bus: RESOURCE_CONNECTED, RESOURCE_REMEMBERED. */

typedef struct RestoreBatch RestoreBatch;
typedef struct NetConnection NetConnection;

struct NetConnection {
    Network *network;
    NetConnection *prev, *next;

    uid_t uid;
    gid_t gid;
    NetLocalKind local_kind;
    char *local;              /* canonical local name, "" for deviceless */
    NetRemote remote;
    char *user;               /* "" when none */
    char *mount_point;
    bool made_mount_point;    /* ours to rmdir once unmounted */
    uint32_t flags;           /* CONNECT_* */
    uint64_t ras_handle;      /* 0: not bound to a RAS connection */
    bool mounted;

    MountHelper *helper;      /* while mounting */
    char *credentials_path;   /* CIFS credentials file, only while mounting */
    char *ssh_log_path;       /* ssh's own messages (ssh -E), only while mounting */
    int ssh_log_fd;           /* read through our fd: the file is the user's, and
                               * ppprasd runs without CAP_DAC_OVERRIDE */
    sd_bus_message *pending;  /* the AddConnection to answer */
    RestoreBatch *batch;      /* or the RestoreRemembered it belongs to */
};

struct RestoreBatch {
    sd_bus_message *message;
    unsigned pending, restored;
};

struct Network {
    sd_bus *bus;
    sd_event *event;
    sd_bus_slot *slot;
    char *state_dir, *runtime_dir, *ssh_config;
    uint64_t mount_timeout_usec;
    int (*ras_handle_check)(uint64_t ras_handle, uid_t uid, void *userdata);
    void *userdata;

    NetConnection *connections;
    uint64_t next_deviceless_id;
};

/* The caller, as mount helpers and mount points need it. */
typedef struct Caller {
    uid_t uid;
    gid_t gid;
    char *name;              /* NULL when the uid has no passwd entry */
    char *home;
} Caller;

void network_config_init(NetworkConfig *config) {
    assert(config);
    *config = (NetworkConfig) {
        .state_dir = NETWORK_STATE_DIR_DEFAULT,
        .runtime_dir = NETWORK_RUNTIME_DIR_DEFAULT,
        .mount_timeout_usec = NETWORK_MOUNT_TIMEOUT_DEFAULT,
    };
}

/* ---------------------------------------------------------------- replies */

static int reply_code(sd_bus_message *m, uint32_t code) {
    assert(m);
    return sd_bus_reply_method_errorf(m, wnet_error_from_code(code), "%u: %s", code,
                                      wnet_error_text(code) ?: "The operation failed.");
}

/* Profile errors as the seed page names them. */
static int reply_profile_error(sd_bus_message *m, int error) {
    if (error == -ENOMEM)
        return reply_code(m, ERROR_NOT_ENOUGH_MEMORY);
    log_warning_errno(error, "Network profile unusable: %m");
    return reply_code(m, error == -EBADMSG ? ERROR_BAD_PROFILE : ERROR_CANNOT_OPEN_PROFILE);
}

/* A failed mount: "CODE: PROVIDER STATUS: TEXT", the mapped code (1208
 * if none) then the provider's own code and words, which the library
 * hands to WNetGetLastError. */
static int reply_extended(sd_bus_message *m, NetProvider provider, int status, const char *text) {
    char buf[64];

    assert(m);
    assert(text);

    /* WNet error map: the code Windows gives for the same cause
     * (daemon/wnet-error-map.c), 1208 when there is none; the provider's
     * words follow either way. */
    uint32_t code = wnet_error_map(provider, status, text);

    if (status < 0 && isempty(text))
        text = strerror_r(-status, buf, sizeof buf);
    return sd_bus_reply_method_errorf(m, wnet_error_from_code(code), "%u: %s %d: %s", code,
                                      net_provider_to_string(provider), status < 0 ? -status : status,
                                      isempty(text) ? "the mount helper failed without a message" : text);
}

static int caller_get(sd_bus_message *m, Caller *ret) {
    BusSender sender;
    struct passwd pw, *result = NULL;
    char buf[4096];
    int r;

    assert(m);
    assert(ret);

    r = bus_sender_get(m, &sender);
    if (r < 0)
        return r;
    *ret = (Caller) { .uid = sender.euid, .gid = sender.egid };
    bus_sender_done(&sender);

    if (getpwuid_r(ret->uid, &pw, buf, sizeof buf, &result) == 0 && result) {
        ret->gid = pw.pw_gid;
        ret->name = strdup(pw.pw_name);
        ret->home = strdup(pw.pw_dir);
        if (!ret->name || !ret->home)
            return -ENOMEM;
    }
    if (ret->gid == (gid_t) -1)
        ret->gid = ret->uid == 0 ? 0 : (gid_t) 65534;
    return 0;
}

static void caller_done(Caller *c) {
    free(c->name);
    free(c->home);
}

/* ---------------------------------------------------------------- table */

static void connection_unlink(NetConnection *c) {
    Network *n = c->network;
    if (c->prev)
        c->prev->next = c->next;
    else if (n->connections == c)
        n->connections = c->next;
    if (c->next)
        c->next->prev = c->prev;
    c->prev = c->next = NULL;
}

static NetConnection *connection_free(NetConnection *c) {
    if (!c)
        return NULL;
    connection_unlink(c);
    mount_helper_free(c->helper);
    if (c->credentials_path)
        (void) unlink(c->credentials_path);
    if (c->ssh_log_path)
        (void) unlink(c->ssh_log_path);
    safe_close(c->ssh_log_fd);
    if (c->made_mount_point && !c->mounted)
        (void) rmdir(c->mount_point);
    free(c->credentials_path);
    free(c->ssh_log_path);
    sd_bus_message_unref(c->pending);
    free(c->local);
    net_remote_done(&c->remote);
    free(c->user);
    free(c->mount_point);
    free(c);
    return NULL;
}

static NetConnection *find_local(Network *n, uid_t uid, const char *local) {
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->uid == uid && !isempty(c->local) && strcmp(c->local, local) == 0)
            return c;
    return NULL;
}

static NetConnection *find_mount_point(Network *n, const char *path) {
    for (NetConnection *c = n->connections; c; c = c->next)
        if (strcmp(c->mount_point, path) == 0)
            return c;
    return NULL;
}

/* Records the mounted connections for a restarted daemon to take back. */
static void save_state(Network *n) {
    size_t count = 0, i = 0;
    for (NetConnection *c = n->connections; c; c = c->next)
        count += c->mounted;

    NetStateEntry *entries = calloc(count ?: 1, sizeof *entries);
    if (!entries) {
        log_oom();
        return;
    }
    for (NetConnection *c = n->connections; c; c = c->next)
        if (c->mounted)
            entries[i++] = (NetStateEntry) {
                .uid = c->uid, .gid = c->gid, .local = c->local, .remote = c->remote.canonical,
                .user = c->user, .mount_point = c->mount_point, .ras_handle = c->ras_handle,
                .flags = c->flags,
            };
    int r = net_state_save(n->runtime_dir, entries, count);
    if (r < 0 && !(r == -ENOENT && count == 0))
        log_warning_errno(r, "Failed to record network connections in %s/wnet: %m", n->runtime_dir);
    free(entries);
}

/* Connections whose mount went away behind our back (fusermount -u,
 * sshfs died and someone cleaned up) are forgotten. */
static void prune_vanished(Network *n) {
    bool changed = false;
    for (NetConnection *c = n->connections, *next; c; c = next) {
        next = c->next;
        if (c->mounted && !mount_is_mounted(c->mount_point)) {
            log_info("Network connection %s on %s vanished.", c->remote.canonical, c->mount_point);
            c->mounted = false;
            connection_free(c);
            changed = true;
        }
    }
    if (changed)
        save_state(n);
}

/* ---------------------------------------------------------------- mount points */

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

/* RUNTIME/wnet and RUNTIME/wnet/UID belong to root, so the user cannot
 * swap the mount point below them for a symlink; only the mount point
 * itself (Z, @N) belongs to the user, 0700. */
static int prepare_user_dir(Network *n, uid_t uid, char **ret) {
    _cleanup_(freep) char *base = NULL, *dir = NULL;
    int r;

    if (asprintf(&base, "%s/wnet", n->runtime_dir) < 0 || asprintf(&dir, "%s/%u", base, (unsigned) uid) < 0)
        return -ENOMEM;
    if (mkdir(n->runtime_dir, 0755) < 0 && errno != EEXIST)
        return -errno;
    r = mkdir_owned(base, 0755, 0, 0);
    if (r >= 0)
        r = mkdir_owned(dir, 0755, 0, 0);
    if (r < 0)
        return r;
    *ret = TAKE_PTR(dir);
    return 0;
}

/* 0, -EEXIST (already a mount point: ERROR_ALREADY_ASSIGNED), -EACCES
 * (not the caller's directory), other -errno. */
static int prepare_mount_point(Network *n, NetConnection *c) {
    _cleanup_(freep) char *dir = NULL;
    int r;

    if (c->local_kind == NET_LOCAL_PATH) {
        char real[PATH_MAX];
        struct stat st;

        if (!realpath(c->local, real))
            return errno == ENOENT ? -ENOENT : -errno;
        if (strcmp(real, c->local) != 0)
            return -EACCES;                     /* a symlink somewhere on the way */
        if (lstat(c->local, &st) < 0)
            return -errno;
        if (!S_ISDIR(st.st_mode))
            return -ENOTDIR;
        if (c->uid != 0 && st.st_uid != c->uid)
            return -EACCES;
        if (mount_is_mounted(c->local))
            return -EEXIST;
        c->mount_point = strdup(c->local);
        return c->mount_point ? 0 : -ENOMEM;
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
    if (mount_is_mounted(c->mount_point))
        return -EEXIST;                         /* left over from an earlier daemon */
    r = mkdir_owned(c->mount_point, 0700, c->uid, c->gid);
    if (r < 0)
        return r;
    c->made_mount_point = true;
    return 0;
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
        argv[a++] = c->mount_point;
        break;

    case NET_PROVIDER_NFS:
        spec.program = "mount";
        argv[a++] = "mount";
        argv[a++] = "-t";
        argv[a++] = "nfs";
        argv[a++] = "-o";
        argv[a++] = "nosuid,nodev";
        argv[a++] = c->remote.source;
        argv[a++] = c->mount_point;
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
        argv[a++] = c->mount_point;
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

static int connection_new(Network *n, const Caller *caller, NetLocalKind kind, const char *local,
                          NetRemote *remote, const char *user, uint32_t flags, uint64_t ras_handle,
                          NetConnection **ret) {
    NetConnection *c = calloc(1, sizeof *c);
    if (!c)
        return -ENOMEM;
    c->network = n;
    c->ssh_log_fd = -1;
    c->uid = caller->uid;
    c->gid = caller->gid;
    c->local_kind = kind;
    c->local = strdup(strempty(local));
    c->user = strdup(strempty(user));
    c->flags = flags;
    c->ras_handle = ras_handle;
    c->remote = *remote;
    *remote = (NetRemote) {};
    if (!c->local || !c->user) {
        connection_free(c);
        return -ENOMEM;
    }
    c->next = n->connections;
    if (n->connections)
        n->connections->prev = c;
    n->connections = c;
    *ret = c;
    return 0;
}

/* Prepares the mount point and starts the helper.  On failure the
 * connection is freed and the Win32 code to report is returned. */
static uint32_t connection_start(Network *n, NetConnection *c, const Caller *caller,
                                 const char *password, size_t password_size) {
    int r = prepare_mount_point(n, c);
    if (r >= 0)
        r = start_mount(n, c, caller, password, password_size);
    if (r >= 0)
        return 0;

    log_full_errno(r == -EEXIST || r == -EACCES ? LOG_DEBUG : LOG_WARNING, r,
                   "Cannot mount %s on %s: %m", c->remote.canonical, strempty(c->mount_point));
    connection_free(c);
    switch (r) {
    case -EEXIST:  return ERROR_ALREADY_ASSIGNED;
    case -EACCES:
    case -EPERM:   return ERROR_ACCESS_DENIED;
    case -ENOENT:
    case -ENOTDIR: return ERROR_BAD_DEVICE;
    case -ENOMEM:  return ERROR_NOT_ENOUGH_MEMORY;
    default:       return ERROR_EXTENDED_ERROR;
    }
}

static void restore_batch_step(RestoreBatch *b, bool restored) {
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

    c->helper = mount_helper_free(h);
    read_ssh_log(c, ssh_text, sizeof ssh_text);
    if (c->credentials_path) {
        (void) unlink(c->credentials_path);
        c->credentials_path = (free(c->credentials_path), NULL);
    }

    if (status != 0 || !mount_is_mounted(c->mount_point)) {
        /* ssh's reason first: it is the one a user can act on */
        snprintf(text, sizeof text, "%s%s%s", ssh_text, *ssh_text && *output ? "; " : "", output);
        log_info("Mounting %s on %s for uid %u failed (%d): %s", c->remote.canonical, c->mount_point,
                 (unsigned) c->uid, status, text);
        if (m)
            (void) reply_extended(m, c->remote.provider, status != 0 ? status : -EIO, text);
        connection_free(c);
        if (batch)
            restore_batch_step(batch, false);
        return;
    }

    c->mounted = true;
    log_info("Mounted %s on %s for uid %u.", c->remote.canonical, c->mount_point, (unsigned) c->uid);

    if ((c->flags & CONNECT_UPDATE_PROFILE) && c->local_kind != NET_LOCAL_NONE) {
        _cleanup_(profile_done) Profile p = {};
        int r = profile_load(n->state_dir, c->uid, &p);
        if (r >= 0)
            r = profile_set(&p, c->local, c->remote.canonical, c->user);
        if (r >= 0)
            r = profile_save(n->state_dir, c->uid, &p);
        if (r < 0) {
            /* all or nothing: a connection the caller asked to remember but
             * that we could not remember is taken down again */
            (void) mount_unmount(c->mount_point, true, NULL);
            c->mounted = false;
            if (m)
                (void) reply_profile_error(m, r);
            connection_free(c);
            return;
        }
    }

    save_state(n);
    if (m)
        (void) sd_bus_reply_method_return(m, "s", c->local);
    if (batch)
        restore_batch_step(batch, true);
}

/* ---------------------------------------------------------------- methods */

/* The password from the caller's pipe (or file): at most 256 bytes. */
static int read_password(int fd, char *buf, size_t size, size_t *ret_size) {
    struct stat st;
    size_t got = 0;

    if (fstat(fd, &st) < 0)
        return -errno;
    if (S_ISREG(st.st_mode)) {
        ssize_t k = pread(fd, buf, size, 0);
        if (k < 0)
            return -errno;
        *ret_size = (size_t) k;
        return 0;
    }
    if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
        return -EBADF;
    /* never wait for a writer that does not close its end */
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        return -errno;
    while (got < size) {
        ssize_t k = read(fd, buf + got, size - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t) k;
    }
    *ret_size = got;
    return 0;
}

static char free_drive_letter(Network *n, uid_t uid) {
    for (char l = 'Z'; l >= 'D'; l--) {
        char name[3] = { l, ':', '\0' };
        if (!find_local(n, uid, name))
            return l;
    }
    return '\0';
}

static int method_add_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *remote_s, *local_s, *user_s;
    int password_fd;
    uint32_t flags;
    uint64_t ras_handle;
    _cleanup_(caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    NetLocalKind kind;
    NetRemote remote;
    NetConnection *c;
    char password[257];
    size_t password_size = 0;
    uint32_t code;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "ssshut", &remote_s, &local_s, &user_s, &password_fd, &flags, &ras_handle);
    if (r < 0)
        return r;
    r = caller_get(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    prune_vanished(n);

    r = net_remote_parse(remote_s, &remote);
    if (r == -ENOMEM)
        return bus_reply_errno(m, r);
    if (r < 0)
        return reply_code(m, ERROR_BAD_NET_NAME);

    /* from here on remote is ours until a connection takes it */
    r = net_local_parse(local_s, &kind, &local);
    if (r < 0 || (kind == NET_LOCAL_NONE && (flags & CONNECT_REDIRECT))) {
        if (r >= 0) {
            char drive[3] = { free_drive_letter(n, caller.uid), ':', '\0' };
            if (drive[0] == '\0') {
                net_remote_done(&remote);
                return reply_code(m, ERROR_ALREADY_ASSIGNED);
            }
            local = strdup(drive);
            kind = NET_LOCAL_DRIVE;
            r = local ? 0 : -ENOMEM;
        }
        if (r < 0) {
            net_remote_done(&remote);
            return r == -ENOMEM ? bus_reply_errno(m, r) : reply_code(m, ERROR_BAD_DEVICE);
        }
    }

    code = 0;
    if (!isempty(user_s) && !net_user_is_valid(user_s, remote.provider))
        code = ERROR_BAD_USERNAME;
    else if (read_password(password_fd, password, sizeof password, &password_size) < 0 ||
             !net_password_is_valid(password, password_size))
        code = ERROR_INVALID_PASSWORD;
    else if (ras_handle != 0 && n->ras_handle_check && n->ras_handle_check(ras_handle, caller.uid, n->userdata) < 0)
        code = ERROR_INVALID_HANDLE;
    else if (kind != NET_LOCAL_NONE && find_local(n, caller.uid, local))
        code = ERROR_ALREADY_ASSIGNED;
    else if (kind == NET_LOCAL_PATH && find_mount_point(n, local))
        code = ERROR_ALREADY_ASSIGNED;
    if (code != 0) {
        explicit_bzero(password, sizeof password);
        net_remote_done(&remote);
        return reply_code(m, code);
    }

    if (kind == NET_LOCAL_NONE)
        /* a deviceless connection to the same resource is shared, as on Windows */
        for (c = n->connections; c; c = c->next)
            if (c->uid == caller.uid && c->local_kind == NET_LOCAL_NONE &&
                strcmp(c->remote.canonical, remote.canonical) == 0 && c->mounted) {
                explicit_bzero(password, sizeof password);
                net_remote_done(&remote);
                return sd_bus_reply_method_return(m, "s", "");
            }

    /* the profile must be usable before anything is mounted */
    if ((flags & CONNECT_UPDATE_PROFILE) && kind != NET_LOCAL_NONE) {
        _cleanup_(profile_done) Profile p = {};
        r = profile_load(n->state_dir, caller.uid, &p);
        if (r < 0) {
            explicit_bzero(password, sizeof password);
            net_remote_done(&remote);
            return reply_profile_error(m, r);
        }
    }

    r = connection_new(n, &caller, kind, local, &remote,
                       !isempty(user_s) ? user_s : remote.user, flags, ras_handle, &c);
    if (r < 0) {
        explicit_bzero(password, sizeof password);
        net_remote_done(&remote);
        return bus_reply_errno(m, r);
    }
    c->pending = sd_bus_message_ref(m);

    code = connection_start(n, c, &caller, password, password_size);
    explicit_bzero(password, sizeof password);
    if (code != 0)
        return reply_code(m, code);         /* c is gone */
    return 1;                               /* answered by on_mount_done */
}

static int method_cancel_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *name;
    uint32_t flags;
    int force;
    _cleanup_(caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    _cleanup_(profile_done) Profile profile = {};
    NetConnection *c = NULL;
    NetLocalKind kind = NET_LOCAL_NONE;
    bool forgotten = false;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "sub", &name, &flags, &force);
    if (r < 0)
        return r;
    r = caller_get(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);
    if (isempty(name))
        return reply_code(m, ERROR_NOT_CONNECTED);

    prune_vanished(n);

    /* a local device cancels only that redirection; a remote name only
     * the connections without a device (seed page) */
    if (net_local_parse(name, &kind, &local) >= 0 && kind != NET_LOCAL_NONE) {
        c = find_local(n, caller.uid, local);
    } else {
        NetRemote remote;
        if (net_remote_parse(name, &remote) < 0)
            return reply_code(m, ERROR_NOT_CONNECTED);
        for (NetConnection *i = n->connections; i; i = i->next)
            if (i->uid == caller.uid && i->local_kind == NET_LOCAL_NONE &&
                strcmp(i->remote.canonical, remote.canonical) == 0) {
                c = i;
                break;
            }
        net_remote_done(&remote);
        kind = NET_LOCAL_NONE;
    }
    if (c && !c->mounted)
        c = NULL;                  /* still mounting: not a connection yet */

    if ((flags & CONNECT_UPDATE_PROFILE) && kind != NET_LOCAL_NONE) {
        r = profile_load(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return reply_profile_error(m, r);
        forgotten = profile_find(&profile, local) != NULL;
    }

    if (!c && !forgotten)
        return reply_code(m, ERROR_NOT_CONNECTED);

    if (c) {
        MountUse use = MOUNT_USE_NONE;
        r = mount_unmount(c->mount_point, force, &use);
        if (r == -EBUSY)
            return reply_code(m, use == MOUNT_USE_OPEN_FILES ? ERROR_OPEN_FILES : ERROR_DEVICE_IN_USE);
        if (r < 0)
            return bus_reply_errno(m, r);
        log_info("Unmounted %s from %s for uid %u%s.", c->remote.canonical, c->mount_point,
                 (unsigned) c->uid, force ? " (forced)" : "");
        c->mounted = false;
        connection_free(c);
        save_state(n);
    }

    if (forgotten) {
        (void) profile_remove(&profile, local);
        r = profile_save(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return reply_profile_error(m, r);
    }
    return sd_bus_reply_method_return(m, "");
}

static int method_get_connection(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    const char *name;
    _cleanup_(caller_done) Caller caller = {};
    _cleanup_(freep) char *local = NULL;
    _cleanup_(profile_done) Profile profile = {};
    NetLocalKind kind;
    NetConnection *c;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "s", &name);
    if (r < 0)
        return r;
    r = caller_get(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    r = net_local_parse(name, &kind, &local);
    if (r == -ENOMEM)
        return bus_reply_errno(m, r);
    if (r < 0 || kind == NET_LOCAL_NONE)
        return reply_code(m, ERROR_BAD_DEVICE);

    prune_vanished(n);
    c = find_local(n, caller.uid, local);
    if (c && c->mounted)
        return sd_bus_reply_method_return(m, "sb", c->remote.canonical, 1);

    /* remembered but not connected: the caller still learns the name */
    if (profile_load(n->state_dir, caller.uid, &profile) >= 0) {
        const ProfileEntry *e = profile_find(&profile, local);
        if (e)
            return sd_bus_reply_method_return(m, "sb", e->remote, 0);
    }
    return reply_code(m, ERROR_NOT_CONNECTED);
}

static int append_entry(sd_bus_message *reply, const char *local, const char *remote, const char *user,
                        const char *provider, const char *mount_point) {
    return sd_bus_message_append(reply, "(sssss)", local, remote, user, provider, mount_point);
}

static int method_enum_connections(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    _cleanup_(caller_done) Caller caller = {};
    _cleanup_(profile_done) Profile profile = {};
    uint32_t scope;
    int r;

    assert(m);
    assert(n);

    r = sd_bus_message_read(m, "u", &scope);
    if (r < 0)
        return r;
    if (scope != RESOURCE_CONNECTED && scope != RESOURCE_REMEMBERED)
        return bus_reply_invalid_parameter(m);
    r = caller_get(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);

    if (scope == RESOURCE_REMEMBERED) {
        r = profile_load(n->state_dir, caller.uid, &profile);
        if (r < 0)
            return reply_profile_error(m, r);
    } else
        prune_vanished(n);

    r = sd_bus_message_new_method_return(m, &reply);
    if (r >= 0)
        r = sd_bus_message_open_container(reply, 'a', "(sssss)");

    if (scope == RESOURCE_CONNECTED) {
        /* oldest first: the list is newest first */
        NetConnection *last = n->connections;
        while (last && last->next)
            last = last->next;
        for (NetConnection *c = last; c && r >= 0; c = c->prev)
            if (c->uid == caller.uid && c->mounted)
                r = append_entry(reply, c->local, c->remote.canonical, c->user,
                                 net_provider_to_string(c->remote.provider), c->mount_point);
    } else
        for (size_t i = 0; i < profile.n_entries && r >= 0; i++) {
            NetRemote remote;
            const char *provider = "";
            if (net_remote_parse(profile.entries[i].remote, &remote) >= 0) {
                provider = net_provider_to_string(remote.provider);
                net_remote_done(&remote);
            }
            r = append_entry(reply, profile.entries[i].local, profile.entries[i].remote,
                             profile.entries[i].user, provider, "");
        }

    if (r >= 0)
        r = sd_bus_message_close_container(reply);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_send(NULL, reply, NULL);
}

static int method_restore_remembered(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Network *n = userdata;
    _cleanup_(caller_done) Caller caller = {};
    _cleanup_(profile_done) Profile profile = {};
    RestoreBatch *batch;
    int r;

    assert(m);
    assert(n);

    r = caller_get(m, &caller);
    if (r < 0)
        return bus_reply_errno(m, r);
    r = profile_load(n->state_dir, caller.uid, &profile);
    if (r < 0)
        return reply_profile_error(m, r);

    prune_vanished(n);

    batch = calloc(1, sizeof *batch);
    if (!batch)
        return bus_reply_errno(m, -ENOMEM);
    batch->message = sd_bus_message_ref(m);
    batch->pending = 1;          /* held until every mount has started */

    for (size_t i = 0; i < profile.n_entries; i++) {
        const ProfileEntry *e = &profile.entries[i];
        NetLocalKind kind;
        _cleanup_(freep) char *local = NULL;
        NetRemote remote;
        NetConnection *c;

        if (find_local(n, caller.uid, e->local))
            continue;                    /* connected (or connecting) already */
        if (net_local_parse(e->local, &kind, &local) < 0 || net_remote_parse(e->remote, &remote) < 0)
            continue;                    /* profile_load validated it: only ENOMEM */
        if (connection_new(n, &caller, kind, local, &remote, e->user, 0, 0, &c) < 0) {
            net_remote_done(&remote);
            continue;
        }
        c->batch = batch;
        batch->pending++;
        if (connection_start(n, c, &caller, NULL, 0) != 0)
            batch->pending--;            /* c is gone; logged */
    }
    restore_batch_step(batch, false);
    return 1;
}

static const sd_bus_vtable network_vtable[] = {
    SD_BUS_VTABLE_START(0),
    SD_BUS_METHOD_WITH_NAMES("AddConnection", "ssshut",
                             SD_BUS_PARAM(remote) SD_BUS_PARAM(local) SD_BUS_PARAM(user)
                             SD_BUS_PARAM(password_fd) SD_BUS_PARAM(flags) SD_BUS_PARAM(ras_handle),
                             "s", SD_BUS_PARAM(local_assigned),
                             method_add_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("CancelConnection", "sub",
                             SD_BUS_PARAM(name) SD_BUS_PARAM(flags) SD_BUS_PARAM(force),
                             "", , method_cancel_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("GetConnection", "s", SD_BUS_PARAM(local),
                             "sb", SD_BUS_PARAM(remote) SD_BUS_PARAM(connected),
                             method_get_connection, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("EnumConnections", "u", SD_BUS_PARAM(scope),
                             "a(sssss)", SD_BUS_PARAM(connections),
                             method_enum_connections, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_METHOD_WITH_NAMES("RestoreRemembered", "", ,
                             "u", SD_BUS_PARAM(restored),
                             method_restore_remembered, SD_BUS_VTABLE_UNPRIVILEGED),
    SD_BUS_VTABLE_END,
};

/* ---------------------------------------------------------------- lifecycle */

/* A connection an earlier ppprasd mounted: taken back when its mount is
 * still there and every name still checks out. */
static void adopt_connection(const NetStateEntry *e, void *userdata) {
    Network *n = userdata;
    _cleanup_(freep) char *local = NULL, *expected = NULL;
    NetLocalKind kind;
    NetRemote remote;
    NetConnection *c;
    Caller caller = { .uid = e->uid, .gid = e->gid };

    if (net_local_parse(e->local, &kind, &local) < 0 || !streq_ptr(local ?: "", e->local))
        return;
    if (net_remote_parse(e->remote, &remote) < 0)
        return;
    if (strcmp(remote.canonical, e->remote) != 0 || (*e->user && !net_user_is_valid(e->user, remote.provider)) ||
        !mount_is_mounted(e->mount_point) || find_mount_point(n, e->mount_point) ||
        (kind != NET_LOCAL_NONE && find_local(n, e->uid, local))) {
        net_remote_done(&remote);
        return;
    }

    /* the mount point must be where this daemon would have put it */
    if (kind == NET_LOCAL_PATH)
        expected = strdup(local);
    else if (kind == NET_LOCAL_DRIVE) {
        if (asprintf(&expected, "%s/wnet/%u/%c", n->runtime_dir, (unsigned) e->uid, local[0]) < 0)
            expected = NULL;
    } else {
        const char *at = strrchr(e->mount_point, '@');
        unsigned long long id = at ? strtoull(at + 1, NULL, 10) : 0;
        if (asprintf(&expected, "%s/wnet/%u/@%llu", n->runtime_dir, (unsigned) e->uid, id) < 0)
            expected = NULL;
        if (id > n->next_deviceless_id)
            n->next_deviceless_id = id;
    }
    if (!expected || strcmp(expected, e->mount_point) != 0) {
        net_remote_done(&remote);
        return;
    }

    if (connection_new(n, &caller, kind, local, &remote, e->user, e->flags, e->ras_handle, &c) < 0) {
        net_remote_done(&remote);
        return;
    }
    c->mount_point = TAKE_PTR(expected);
    c->made_mount_point = kind != NET_LOCAL_PATH;
    c->mounted = true;
    log_info("Took back network connection %s on %s for uid %u.", c->remote.canonical, c->mount_point,
             (unsigned) c->uid);
}

int network_new(Network **ret, sd_bus *bus, sd_event *event, const NetworkConfig *config) {
    Network *n;
    int r;

    assert(ret);
    assert(event);
    assert(config);
    assert(config->state_dir);
    assert(config->runtime_dir);

    n = calloc(1, sizeof *n);
    if (!n)
        return -ENOMEM;
    n->event = sd_event_ref(event);
    n->bus = sd_bus_ref(bus);
    n->mount_timeout_usec = config->mount_timeout_usec;
    n->ras_handle_check = config->ras_handle_check;
    n->userdata = config->userdata;
    n->state_dir = strdup(config->state_dir);
    n->runtime_dir = strdup(config->runtime_dir);
    n->ssh_config = config->ssh_config ? strdup(config->ssh_config) : NULL;
    if (!n->state_dir || !n->runtime_dir || (config->ssh_config && !n->ssh_config)) {
        network_free(n);
        return -ENOMEM;
    }

    r = net_state_load(n->runtime_dir, adopt_connection, n);
    if (r < 0)
        log_warning_errno(r, "Failed to read %s/wnet/connections, not taking mounts back: %m", n->runtime_dir);

    if (bus) {
        r = sd_bus_add_object_vtable(bus, &n->slot, PPPRAS_ROOT_PATH, PPPRAS_NETWORK_IFACE, network_vtable, n);
        if (r < 0) {
            network_free(n);
            return r;
        }
    }
    *ret = n;
    return 0;
}

Network *network_free(Network *n) {
    if (!n)
        return NULL;
    while (n->connections) {
        NetConnection *c = n->connections;
        if (c->pending)
            (void) reply_code(c->pending, ERROR_NO_NETWORK);
        if (c->batch) {
            RestoreBatch *b = TAKE_PTR(c->batch);
            restore_batch_step(b, false);
        }
        c->mounted = c->mounted || (c->helper && mount_is_mounted(c->mount_point));
        connection_free(c);
    }
    sd_bus_slot_unref(n->slot);
    sd_bus_unref(n->bus);
    sd_event_unref(n->event);
    free(n->state_dir);
    free(n->runtime_dir);
    free(n->ssh_config);
    free(n);
    return NULL;
}

int network_before_link_hangup(Network *n, uint64_t ras_handle) {
    int dropped = 0;

    assert(n);

    if (ras_handle == 0)
        return 0;
    for (NetConnection *c = n->connections, *next; c; c = next) {
        next = c->next;
        if (c->ras_handle != ras_handle)
            continue;
        if (c->helper) {
            /* still mounting over a link about to die: give up now */
            _cleanup_(sd_bus_message_unrefp) sd_bus_message *m = TAKE_PTR(c->pending);
            if (m)
                (void) reply_extended(m, c->remote.provider, -ENETDOWN, "the RAS connection was hung up");
            if (c->batch)
                restore_batch_step(TAKE_PTR(c->batch), false);
            c->helper = mount_helper_free(c->helper);
            if (mount_is_mounted(c->mount_point))
                (void) mount_abort(c->mount_point);
        } else if (c->mounted) {
            int r = mount_abort(c->mount_point);
            if (r < 0)
                log_warning_errno(r, "Failed to detach %s: %m", c->mount_point);
            else
                log_info("Detached %s from %s: its RAS connection is hanging up.",
                         c->remote.canonical, c->mount_point);
        }
        c->mounted = false;
        connection_free(c);
        dropped++;
    }
    if (dropped > 0)
        save_state(n);
    return dropped;
}
