/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>

#include "atomic-file.h"
#include "fd-store.h"
#include "field-escape.h"
#include "log.h"
#include "util.h"

#define TABLE_FILE "notifications"
#define TABLE_MAGIC "# ppprasd notification registrations v1"
/* FDNAME=: at most 255 characters of [A-Za-z0-9_:-]; "reg-" and a number fit. */
#define FD_NAME_FORMAT "reg-%" PRIu64

bool fd_store_enabled(void) {
    return !isempty(getenv("NOTIFY_SOCKET"));
}

void fd_store_put(uint64_t id, int fd) {
    if (!fd_store_enabled() || fd < 0)
        return;
    char msg[64];
    snprintf(msg, sizeof(msg), "FDSTORE=1\nFDNAME=" FD_NAME_FORMAT, id);
    int r = sd_pid_notify_with_fds(0, false, msg, &fd, 1);
    if (r < 0)
        log_debug_errno(r, "Failed to keep registration %" PRIu64 "'s fd with the service manager: %m", id);
}

void fd_store_remove(uint64_t id) {
    if (!fd_store_enabled())
        return;
    int r = sd_notifyf(false, "FDSTOREREMOVE=1\nFDNAME=" FD_NAME_FORMAT, id);
    if (r < 0)
        log_debug_errno(r, "Failed to drop registration %" PRIu64 "'s fd from the store: %m", id);
}

void stored_registrations_done(StoredRegistrations *s) {
    assert(s);
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].owner);
        safe_close(s->items[i].fd);
    }
    free(s->items);
    *s = (StoredRegistrations) {};
}

static void format_one(uint64_t id, const char *owner, uid_t uid, uint64_t handle, uint32_t flags, void *userdata) {
    FILE *f = userdata;
    fprintf(f, "id=%" PRIu64 " uid=%u handle=%" PRIu64 " flags=%" PRIu32 " owner=", id, (unsigned) uid, handle, flags);
    (void) field_write(f, owner);
    fputc('\n', f);
}

static int format_table(FILE *f, const void *userdata) {
    fputs(TABLE_MAGIC "\n", f);
    notify_registry_foreach(userdata, format_one, f);
    return ferror(f) ? -EIO : 0;
}

int fd_store_save_table(const char *runtime_dir, const NotifyRegistry *r) {
    assert(runtime_dir);
    assert(r);
    if (!fd_store_enabled())
        return 0;
    char path[4096];
    snprintf(path, sizeof(path), "%s/" TABLE_FILE, runtime_dir);
    /* the owners' bus names are nobody else's business */
    return atomic_file_write(path, 0600, 0, format_table, r);
}

static int parse_line(char *line, StoredRegistration *ret) {
    uint64_t id, handle;
    uint32_t flags;
    unsigned uid;
    int used = 0;
    if (sscanf(line, "id=%" SCNu64 " uid=%u handle=%" SCNu64 " flags=%" SCNu32 " owner=%n",
               &id, &uid, &handle, &flags, &used) != 4 || used == 0)
        return -EINVAL;
    char *end = line + strcspn(line, "\n");
    *end = '\0';
    char *owner = NULL;
    int r = field_read(line + used, &owner);
    if (r < 0)
        return r;
    if (!owner)
        return -EINVAL;
    *ret = (StoredRegistration) { .id = id, .handle = handle, .flags = flags, .uid = (uid_t) uid, .owner = owner,
                                  .fd = -1 };
    return 0;
}

static StoredRegistration *find(StoredRegistrations *s, uint64_t id) {
    for (size_t i = 0; i < s->n; i++)
        if (s->items[i].id == id)
            return &s->items[i];
    return NULL;
}

int fd_store_load(const char *runtime_dir, StoredRegistrations *ret) {
    assert(runtime_dir);
    assert(ret);

    StoredRegistrations s = {};
    char path[4096];
    snprintf(path, sizeof(path), "%s/" TABLE_FILE, runtime_dir);
    FILE *f = fopen(path, "re");
    if (f) {
        char *line = NULL;
        size_t size = 0;
        while (getline(&line, &size, f) > 0) {
            if (line[0] == '#')
                continue;
            StoredRegistration reg;
            if (parse_line(line, &reg) < 0)
                continue;
            StoredRegistration *grown = reallocarray(s.items, s.n + 1, sizeof(*grown));
            if (!grown) {
                free(reg.owner);
                break;
            }
            s.items = grown;
            s.items[s.n++] = reg;
        }
        free(line);
        fclose(f);
    }

    char **names = NULL;
    int n = sd_listen_fds_with_names(true, &names);
    for (int i = 0; i < n; i++) {
        int fd = SD_LISTEN_FDS_START + i;
        uint64_t id;
        int used = 0;
        StoredRegistration *reg = NULL;
        if (names && names[i] && sscanf(names[i], "reg-%" SCNu64 "%n", &id, &used) == 1 && !names[i][used])
            reg = find(&s, id);
        if (reg && reg->fd < 0) {
            reg->fd = fd;
            continue;
        }
        /* nobody's: not worth keeping */
        safe_close(fd);
        if (names && names[i] && used)
            fd_store_remove(id);
    }
    if (names)
        for (int i = 0; i < n; i++)
            free(names[i]);
    free(names);
    *ret = s;
    return 0;
}
