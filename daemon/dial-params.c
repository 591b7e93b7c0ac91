/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic-file.h"
#include "dial-params.h"
#include "field-escape.h"
#include "log.h"
#include "util.h"

#define DIAL_PARAMS_FILE "dialparams"

static void wipe(char **s) {
    assert(s);
    if (*s) {
        explicit_bzero(*s, strlen(*s));
        free(*s);
        *s = NULL;
    }
}

static void dial_params_done(DialParams *p) {
    assert(p);
    free(p->entry);
    wipe(&p->user);
    wipe(&p->domain);
    wipe(&p->password);
}

void dial_params_list_done(DialParamsList *l) {
    assert(l);
    for (size_t i = 0; i < l->n; i++)
        dial_params_done(&l->items[i]);
    free(l->items);
    *l = (DialParamsList) {};
}

static int list_append(DialParamsList *l, DialParams *p) {
    assert(l);
    assert(p);
    DialParams *grown = realloc(l->items, (l->n + 1) * sizeof(DialParams));
    if (!grown)
        return -ENOMEM;
    l->items = grown;
    l->items[l->n++] = *p;
    *p = (DialParams) {};
    return 0;
}

int dial_params_parse(FILE *f, DialParamsList *ret) {
    assert(f);
    assert(ret);

    DialParamsList l = {};
    char buf[4096];
    unsigned line = 0;
    int r = 0;
    while (r >= 0 && fgets(buf, sizeof(buf), f)) {
        line++;
        char *w[6];    /* one more than a record has: extra words make it bad */
        size_t n = buf[0] == '#' ? 0 : field_split(buf, w, ELEMENTSOF(w));
        if (n == 0)
            continue;
        if (n != 5) {
            log_warning("dialparams:%u: bad record, ignored.", line);
            continue;
        }
        DialParams p = {};
        char *end;
        errno = 0;
        unsigned long uid = strtoul(w[0], &end, 10);
        bool ok = errno == 0 && *end == '\0' && uid < UINT32_MAX &&
                  field_read(w[1], &p.entry) >= 0 && p.entry &&
                  field_read(w[2], &p.user) >= 0 && field_read(w[3], &p.domain) >= 0 &&
                  field_read(w[4], &p.password) >= 0;
        p.uid = (uid_t) uid;
        if (ok)
            r = list_append(&l, &p);
        else
            log_warning("dialparams:%u: bad record, ignored.", line);
        dial_params_done(&p);
    }
    explicit_bzero(buf, sizeof(buf));
    if (r < 0) {
        dial_params_list_done(&l);
        return r;
    }
    *ret = l;
    return 0;
}

int dial_params_format(const DialParamsList *l, FILE *f) {
    assert(l);
    assert(f);

    int r = fprintf(f, "# ppprasd saved dial parameters: UID ENTRY USER DOMAIN PASSWORD\n") < 0 ? -EIO : 0;
    for (size_t i = 0; i < l->n && r >= 0; i++) {
        const DialParams *p = &l->items[i];
        r = fprintf(f, "%" PRIu32 " ", (uint32_t) p->uid) < 0 ? -EIO : 0;
        const char *fields[] = { p->entry, p->user, p->domain, p->password };
        for (size_t j = 0; j < ELEMENTSOF(fields) && r >= 0; j++) {
            r = field_write(f, fields[j]);
            if (r >= 0 && fputc(j + 1 < ELEMENTSOF(fields) ? ' ' : '\n', f) == EOF)
                r = -EIO;
        }
    }
    return r;
}

int dial_params_load(const char *state_dir, DialParamsList *ret) {
    assert(state_dir);
    assert(ret);

    char path[4096];
    snprintf(path, sizeof(path), "%s/" DIAL_PARAMS_FILE, state_dir);
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno != ENOENT)
            return -errno;
        *ret = (DialParamsList) {};
        return 0;
    }
    /* Passwords pass through stdio's buffer: keep it ours to wipe. */
    char iobuf[BUFSIZ];
    setvbuf(f, iobuf, _IOFBF, sizeof(iobuf));
    int r = dial_params_parse(f, ret);
    fclose(f);
    explicit_bzero(iobuf, sizeof(iobuf));
    return r;
}

static int format_dial_params(FILE *f, const void *userdata) {
    return dial_params_format(userdata, f);
}

int dial_params_save(const char *state_dir, const DialParamsList *l) {
    assert(state_dir);
    assert(l);

    if (mkdir(state_dir, 0700) < 0 && errno != EEXIST)
        return -errno;
    char path[4096];
    snprintf(path, sizeof(path), "%s/" DIAL_PARAMS_FILE, state_dir);
    /* Passwords: root only, on disk before we say it is saved, and no
     * copy left in a stdio buffer. */
    return atomic_file_write(path, 0600, ATOMIC_FILE_DURABLE | ATOMIC_FILE_SECRET, format_dial_params, l);
}

DialParams *dial_params_find(const DialParamsList *l, uid_t uid, const char *entry) {
    assert(l);
    assert(entry);
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].uid == uid && strcmp(l->items[i].entry, entry) == 0)
            return &l->items[i];
    return NULL;
}

static int replace(char **field, const char *value, bool secret) {
    assert(field);
    char *copy = strdup(value);
    if (!copy)
        return -ENOMEM;
    if (secret)
        wipe(field);
    else
        free(*field);
    *field = copy;
    return 0;
}

int dial_params_set(DialParamsList *l, uid_t uid, const char *entry, const char *user,
                    const char *domain, const char *password, bool remove_password) {
    assert(l);
    assert(entry);

    DialParams *p = dial_params_find(l, uid, entry);
    if (!p) {
        DialParams fresh = { .uid = uid, .entry = strdup(entry), .user = strdup(""), .domain = strdup("") };
        int r = fresh.entry && fresh.user && fresh.domain ? list_append(l, &fresh) : -ENOMEM;
        dial_params_done(&fresh);
        if (r < 0)
            return r;
        p = &l->items[l->n - 1];
    }
    int r = 0;
    if (user)
        r = replace(&p->user, user, true);
    if (r >= 0 && domain)
        r = replace(&p->domain, domain, true);
    if (r >= 0 && remove_password)
        wipe(&p->password);
    else if (r >= 0 && password)
        r = replace(&p->password, password, true);
    return r;
}

void dial_params_rename_entry(DialParamsList *l, const char *old, const char *new_name) {
    assert(l);
    assert(old);

    size_t kept = 0;
    for (size_t i = 0; i < l->n; i++) {
        DialParams *p = &l->items[i];
        if (strcmp(p->entry, old) == 0) {
            char *copy = new_name ? strdup(new_name) : NULL;
            if (!copy) {
                /* dropped, or no memory to move it: forget rather than misfile */
                dial_params_done(p);
                continue;
            }
            free(p->entry);
            p->entry = copy;
        }
        l->items[kept++] = *p;
    }
    l->n = kept;
}

int dial_params_rename_saved(const char *state_dir, const char *old, const char *new_name) {
    assert(state_dir);
    assert(old);

    DialParamsList l;
    int r = dial_params_load(state_dir, &l);
    if (r < 0)
        return r;
    size_t before = l.n;
    bool found = false;
    for (size_t i = 0; i < l.n && !found; i++)
        found = strcmp(l.items[i].entry, old) == 0;
    if (found && new_name)
        /* stale records under the new name must not shadow the moved ones */
        dial_params_rename_entry(&l, new_name, NULL);
    dial_params_rename_entry(&l, old, new_name);
    if (found || l.n != before)
        r = dial_params_save(state_dir, &l);
    dial_params_list_done(&l);
    return r;
}
