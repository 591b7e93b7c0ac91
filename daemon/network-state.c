/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic-file.h"
#include "network-state.h"
#include "util.h"

static void fclosep(FILE **f) {
    if (*f)
        fclose(*f);
}

typedef struct NetStateList {
    const NetStateEntry *entries;
    size_t n_entries;
} NetStateList;

static int format_net_state(FILE *f, const void *userdata) {
    const NetStateList *l = userdata;
    for (size_t i = 0; i < l->n_entries; i++) {
        const NetStateEntry *e = &l->entries[i];
        if (fprintf(f, "%u\t%u\t%s\t%s\t%s\t%s\t%" PRIu64 "\t%" PRIu32 "\t%" PRIu64 "\n", (unsigned) e->uid,
                    (unsigned) e->gid, e->local, e->remote, e->user, e->mount_point, e->ras_handle,
                    e->flags, e->mnt_id) < 0)
            return -EIO;
    }
    return 0;
}

int net_state_save(const char *runtime_dir, const NetStateEntry *entries, size_t n_entries) {
    _cleanup_(freep) char *path = NULL;

    assert(runtime_dir);
    assert(entries || n_entries == 0);

    if (asprintf(&path, "%s/wnet/connections", runtime_dir) < 0)
        return -ENOMEM;
    if (n_entries == 0)
        return unlink(path) < 0 && errno != ENOENT ? -errno : 0;
    NetStateList l = { entries, n_entries };
    return atomic_file_write(path, 0600, 0, format_net_state, &l);
}

int net_state_load(const char *runtime_dir, void (*fn)(const NetStateEntry *e, void *userdata), void *userdata) {
    _cleanup_(freep) char *path = NULL, *line = NULL;
    _cleanup_(fclosep) FILE *f = NULL;
    size_t size = 0;

    assert(runtime_dir);
    assert(fn);

    if (asprintf(&path, "%s/wnet/connections", runtime_dir) < 0)
        return -ENOMEM;
    f = fopen(path, "re");
    if (!f)
        return errno == ENOENT ? 0 : -errno;

    while (getline(&line, &size, f) > 0) {
        char *field[9], *p = line;
        unsigned i;

        line[strcspn(line, "\n")] = '\0';
        for (i = 0; i < 9 && p; i++) {
            field[i] = p;
            p = strchr(p, '\t');
            if (p)
                *p++ = '\0';
        }
        if (i != 9 || p)
            continue;          /* also lines without a mount id: not taken back */

        char *end;
        NetStateEntry e = {
            .local = field[2], .remote = field[3], .user = field[4], .mount_point = field[5],
        };
        unsigned long uid = strtoul(field[0], &end, 10);
        if (*end || end == field[0])
            continue;
        unsigned long gid = strtoul(field[1], &end, 10);
        if (*end || end == field[1])
            continue;
        e.ras_handle = strtoull(field[6], &end, 10);
        if (*end || end == field[6])
            continue;
        unsigned long flags = strtoul(field[7], &end, 10);
        if (*end || end == field[7])
            continue;
        e.mnt_id = strtoull(field[8], &end, 10);
        if (*end || end == field[8] || e.mnt_id == 0)
            continue;
        e.uid = (uid_t) uid;
        e.gid = (gid_t) gid;
        e.flags = (uint32_t) flags;
        fn(&e, userdata);
    }
    return 0;
}
