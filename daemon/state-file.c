/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "field-escape.h"
#include "phase-map.h"
#include "log.h"
#include "atomic-file.h"
#include "state-file.h"
#include "util.h"

#define STATE_FILE "connections"
#define STATE_MAGIC "# ppprasd connection table v1"

typedef enum StateKind { STATE_U64, STATE_U32, STATE_BOOL, STATE_STRING } StateKind;

typedef struct StateKey {
    const char *name;
    StateKind kind;
    size_t offset;    /* in Connection */
} StateKey;

#define KEY(n, k, f) { n, k, offsetof(Connection, f) }
static const StateKey state_keys[] = {
    KEY("handle",      STATE_U64,    handle),
    KEY("pid",         STATE_U32,    pid),
    KEY("pid_start",   STATE_U64,    pid_start),
    KEY("owner",       STATE_U32,    owner),
    KEY("started",     STATE_U64,    started_at_usec),
    KEY("gone",        STATE_BOOL,   process_gone),
    KEY("ended",       STATE_U64,    ended_at_usec),
    KEY("state",       STATE_U32,    state),
    KEY("substate",    STATE_U32,    substate),
    KEY("error",       STATE_U32,    error),
    KEY("connected",   STATE_U64,    connected_at_usec),
    KEY("dialled",     STATE_BOOL,   dialled),
    KEY("ip_up",       STATE_BOOL,   ip_up),
    KEY("multilink",   STATE_BOOL,   multilink),
    KEY("hanging_up",  STATE_BOOL,   hanging_up),
    KEY("notified",    STATE_BOOL,   connected_notified),
    KEY("bundle_of",   STATE_U64,    bundle_handle),
    KEY("joined",      STATE_U64,    joined_seq),
    KEY("entry",       STATE_STRING, entry),
    KEY("ipparam",     STATE_STRING, ipparam),
    KEY("device",      STATE_STRING, device),
    KEY("device_type", STATE_STRING, device_type),
    KEY("phone",       STATE_STRING, phone),
    KEY("ifname",      STATE_STRING, ifname),
    KEY("local",       STATE_STRING, local),
    KEY("remote",      STATE_STRING, remote),
    KEY("dns1",        STATE_STRING, dns1),
    KEY("dns2",        STATE_STRING, dns2),
    KEY("bundle",      STATE_STRING, bundle),
    KEY("entry_name",  STATE_STRING, entry_name),
    KEY("dialler",     STATE_STRING, dialler),
};

void state_file_done(StateFile *s) {
    assert(s);
    for (size_t i = 0; i < s->n_connections; i++)
        connection_free(s->connections[i]);
    free(s->connections);
    *s = (StateFile) {};
}

static int format_one(const Connection *c, FILE *f) {
    assert(c);
    assert(f);

    for (size_t i = 0; i < ELEMENTSOF(state_keys); i++) {
        const StateKey *k = &state_keys[i];
        const void *field = (const char *) c + k->offset;
        if (fprintf(f, "%s%s=", i ? " " : "", k->name) < 0)
            return -EIO;
        int r = 0;
        switch (k->kind) {
        case STATE_U64:
            r = fprintf(f, "%" PRIu64, *(const uint64_t *) field) < 0 ? -EIO : 0;
            break;
        case STATE_U32:
            r = fprintf(f, "%" PRIu32, *(const uint32_t *) field) < 0 ? -EIO : 0;
            break;
        case STATE_BOOL:
            r = fputc(*(const bool *) field ? '1' : '0', f) == EOF ? -EIO : 0;
            break;
        case STATE_STRING:
            r = field_write(f, *(char *const *) field);
            break;
        }
        if (r < 0)
            return r;
    }
    /* what pppd started outside its session, "escaped=PID:START,..." */
    if (fputs(" escaped=", f) == EOF)
        return -EIO;
    for (size_t i = 0; i < c->n_escaped; i++)
        if (fprintf(f, "%s%i:%" PRIu64, i ? "," : "", (int) c->escaped[i].pid, c->escaped[i].start_time) < 0)
            return -EIO;
    return fputc('\n', f) == EOF ? -EIO : 0;
}

int state_file_format(const HandleTable *t, FILE *f) {
    assert(t);
    assert(f);

    if (fprintf(f, STATE_MAGIC "\nnext-handle %" PRIu64 "\n", t->next_handle) < 0)
        return -EIO;
    /* Ended ones too: they keep their handle for the linger time (a Dial's
     * until RasHangUp), restart or not. */
    HANDLE_TABLE_FOREACH(c, t) {
        int r = format_one(c, f);
        if (r < 0)
            return r;
    }
    return 0;
}

static int parse_escaped(Connection *c, const char *value) {
    assert(c);
    assert(value);

    for (const char *p = value; *p;) {
        int pid;
        uint64_t start;
        int used;
        if (sscanf(p, "%d:%" SCNu64 "%n", &pid, &start, &used) != 2 || pid <= 1)
            return -EINVAL;
        ProcessId *grown = realloc(c->escaped, (c->n_escaped + 1) * sizeof(ProcessId));
        if (!grown)
            return -ENOMEM;
        c->escaped = grown;
        c->escaped[c->n_escaped++] = (ProcessId) { pid, start };
        p += used;
        if (*p == ',')
            p++;
        else if (*p)
            return -EINVAL;
    }
    return 0;
}

static int parse_value(Connection *c, const StateKey *k, const char *value) {
    assert(c);
    assert(k);
    assert(value);

    void *field = (char *) c + k->offset;
    char *end;
    errno = 0;
    switch (k->kind) {
    case STATE_U64: {
        unsigned long long v = strtoull(value, &end, 10);
        if (errno || end == value || *end)
            return -EINVAL;
        *(uint64_t *) field = v;
        return 0;
    }
    case STATE_U32: {
        unsigned long v = strtoul(value, &end, 10);
        if (errno || end == value || *end || v > UINT32_MAX)
            return -EINVAL;
        *(uint32_t *) field = (uint32_t) v;
        return 0;
    }
    case STATE_BOOL:
        if (strcmp(value, "0") && strcmp(value, "1"))
            return -EINVAL;
        *(bool *) field = value[0] == '1';
        return 0;
    case STATE_STRING: {
        char *s;
        int r = field_read(value, &s);
        if (r < 0)
            return r;
        free(*(char **) field);
        *(char **) field = s;
        return 0;
    }
    }
    return -EINVAL;
}

static int parse_connection(char *line, Connection **ret) {
    assert(line);
    assert(ret);

    Connection *c;
    /* placeholders, overwritten by the record */
    int r = connection_new(&c, 1, 1, 0, 0);
    if (r < 0)
        return r;
    c->handle = 0;
    c->pid = 0;
    free(c->entry_name);
    c->entry_name = NULL;    /* a record without one is refused below */

    char *words[ELEMENTSOF(state_keys) + 2];
    size_t n = field_split(line, words, ELEMENTSOF(words));
    for (size_t i = 0; i < n && r >= 0; i++) {
        char *eq = strchr(words[i], '=');
        if (!eq) {
            r = -EINVAL;
            break;
        }
        *eq = '\0';
        if (strcmp(words[i], "escaped") == 0) {
            r = parse_escaped(c, eq + 1);
            continue;
        }
        const StateKey *k = NULL;
        for (size_t j = 0; j < ELEMENTSOF(state_keys); j++)
            if (strcmp(state_keys[j].name, words[i]) == 0)
                k = &state_keys[j];
        if (k)
            r = parse_value(c, k, eq + 1);   /* unknown keys: from a newer version, skipped */
    }
    if (r >= 0 && (c->handle == 0 || c->handle == UINT64_MAX || c->pid <= 1 || !c->entry_name ||
                   !ras_state_name(c->state)))
        r = -EINVAL;
    if (r < 0) {
        connection_free(c);
        return r;
    }
    *ret = c;
    return 0;
}

/* The record of handle h among those read so far, if any. */
static Connection **find_handle(StateFile *s, uint64_t h) {
    for (size_t i = s->n_connections; i > 0; i--)
        if (s->connections[i - 1]->handle == h)
            return &s->connections[i - 1];
    return NULL;
}

int state_file_parse(FILE *f, StateFile *ret) {
    assert(f);
    assert(ret);

    StateFile s = {};
    char *line = NULL;
    size_t size = 0;
    unsigned n = 0;
    int r = 0;
    ssize_t len;
    while (r >= 0 && (len = getline(&line, &size, f)) > 0) {
        n++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        /* Every record ends in a newline: without one it was cut short,
         * and a cut number or name would restore the wrong connection. */
        if (line[len - 1] != '\n') {
            log_warning("State file line %u: truncated record, ignored.", n);
            continue;
        }
        if (strncmp(line, "next-handle ", 12) == 0) {
            if (sscanf(line + 12, "%" SCNu64, &s.next_handle) != 1)
                log_warning("State file line %u: bad next-handle, ignored.", n);
            continue;
        }
        Connection *c;
        if (parse_connection(line, &c) < 0) {
            log_warning("State file line %u: bad record, ignored.", n);
            continue;
        }
        Connection **earlier = find_handle(&s, c->handle);
        if (earlier) {    /* appended after the last save: the newer word */
            connection_free(*earlier);
            *earlier = c;
            continue;
        }
        Connection **grown = realloc(s.connections, (s.n_connections + 1) * sizeof(Connection *));
        if (!grown) {
            connection_free(c);
            r = -ENOMEM;
            break;
        }
        s.connections = grown;
        s.connections[s.n_connections++] = c;
    }
    free(line);
    if (r < 0) {
        state_file_done(&s);
        return r;
    }
    *ret = s;
    return 0;
}

static int format_state(FILE *f, const void *userdata) {
    return state_file_format(userdata, f);
}

int state_file_save(const char *dir, const HandleTable *t) {
    assert(dir);
    assert(t);

    /* 0755 whatever the umask: mount points for users live beneath it too */
    if (mkdir(dir, 0755) >= 0)
        (void) chmod(dir, 0755);
    else if (errno != EEXIST)
        return -errno;
    char path[4096];
    snprintf(path, sizeof(path), "%s/" STATE_FILE, dir);
    /* Not durable: the file lives on tmpfs and matters only while the
     * system runs (pppd processes do not survive a reboot either). */
    /* 0600: phone numbers, ipparam and pids are no one else's business */
    return atomic_file_write(path, 0600, 0, format_state, t);
}

int state_file_append(const char *dir, const Connection *c) {
    assert(dir);
    assert(c);

    char *record = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&record, &size);
    if (!f)
        return -ENOMEM;
    int r = format_one(c, f);
    if (fclose(f) != 0 && r >= 0)
        r = -ENOMEM;
    if (r < 0) {
        free(record);
        return r;
    }

    char path[4096];
    snprintf(path, sizeof(path), "%s/" STATE_FILE, dir);
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        free(record);
        return -errno;
    }
    /* One write: a reader (or a daemon killed meanwhile) sees the whole
     * line or a cut one, which the parser skips. */
    ssize_t n = write(fd, record, size);
    r = n < 0 ? -errno : (size_t) n != size ? -EIO : 0;
    close(fd);
    free(record);
    return r;
}

int state_file_load(const char *dir, StateFile *ret) {
    assert(dir);
    assert(ret);

    char path[4096];
    snprintf(path, sizeof(path), "%s/" STATE_FILE, dir);
    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno != ENOENT)
            return -errno;
        *ret = (StateFile) {};
        return 0;
    }
    int r = state_file_parse(f, ret);
    fclose(f);
    return r;
}
