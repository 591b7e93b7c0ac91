/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "config-file.h"
#include "log.h"
#include "util.h"

typedef enum ConfigKind { CONFIG_SECONDS, CONFIG_STRING } ConfigKind;

typedef struct ConfigKey {
    const char *name;
    ConfigKind kind;
    size_t offset;      /* in DaemonOptions */
} ConfigKey;

static const ConfigKey config_keys[] = {
    { "GracePeriodSec",      CONFIG_SECONDS, offsetof(DaemonOptions, grace_usec) },
    { "LingerSec",           CONFIG_SECONDS, offsetof(DaemonOptions, linger_usec) },
    { "SuperviseTimeoutSec", CONFIG_SECONDS, offsetof(DaemonOptions, supervise_usec) },
    { "HangUpGroup",         CONFIG_STRING,  offsetof(DaemonOptions, hangup_group) },
    { "DialGroup",           CONFIG_STRING,  offsetof(DaemonOptions, dial_group) },
    { "EntryGroup",          CONFIG_STRING,  offsetof(DaemonOptions, entry_group) },
    { "MountGroup",          CONFIG_STRING,  offsetof(DaemonOptions, mount_group) },
    { "PhonebookDir",        CONFIG_STRING,  offsetof(DaemonOptions, phonebook_dir) },
    { "StateDirectory",      CONFIG_STRING,  offsetof(DaemonOptions, state_dir) },
    { "RuntimeDirectory",    CONFIG_STRING,  offsetof(DaemonOptions, runtime_dir) },
    { "PppdPath",            CONFIG_STRING,  offsetof(DaemonOptions, pppd_path) },
    { "PluginPath",          CONFIG_STRING,  offsetof(DaemonOptions, plugin_path) },
    { "L2tpHelper",          CONFIG_STRING,  offsetof(DaemonOptions, l2tp_helper) },
    { "SshConfig",           CONFIG_STRING,  offsetof(DaemonOptions, ssh_config) },
};

static char *strip(char *s) {
    assert(s);
    while (isspace((unsigned char) *s))
        s++;
    char *end = s + strlen(s);
    while (end > s && isspace((unsigned char) end[-1]))
        *--end = '\0';
    return s;
}

static int apply(DaemonOptions *o, const ConfigKey *key, const char *value) {
    assert(o);
    assert(key);
    assert(value);

    void *field = (char *) o + key->offset;
    switch (key->kind) {
    case CONFIG_SECONDS:
        return parse_seconds(value, field);
    case CONFIG_STRING:
        /* Paths must be absolute: a relative one would depend on our cwd. */
        if (key->offset != offsetof(DaemonOptions, hangup_group) &&
            key->offset != offsetof(DaemonOptions, dial_group) &&
            key->offset != offsetof(DaemonOptions, entry_group) &&
            key->offset != offsetof(DaemonOptions, mount_group) && value[0] != '/')
            return -EINVAL;
        return free_and_strdup(field, value) < 0 ? -ENOMEM : 0;
    }
    return -EINVAL;
}

int config_file_parse(DaemonOptions *o, FILE *f, const char *path) {
    assert(o);
    assert(f);
    assert(path);

    char buf[4096];
    unsigned line = 0;
    while (fgets(buf, sizeof(buf), f)) {
        line++;
        if (!strchr(buf, '\n') && !feof(f))
            return log_error_errno(EINVAL, "%s:%u: line too long.", path, line);
        char *s = strip(buf);
        if (*s == '\0' || *s == '#' || *s == ';')
            continue;

        char *eq = strchr(s, '=');
        if (!eq)
            return log_error_errno(EINVAL, "%s:%u: expected Key=Value.", path, line);
        *eq = '\0';
        const char *name = strip(s), *value = strip(eq + 1);

        const ConfigKey *key = NULL;
        for (size_t i = 0; i < ELEMENTSOF(config_keys); i++)
            if (strcmp(config_keys[i].name, name) == 0)
                key = &config_keys[i];
        if (!key) {
            log_warning("%s:%u: unknown key \"%s\", ignored.", path, line, name);
            continue;
        }
        int r = apply(o, key, value);
        if (r == -ENOMEM)
            return log_oom();
        if (r < 0)
            return log_error_errno(EINVAL, "%s:%u: invalid value for %s: \"%s\"", path, line, name, value);
    }
    if (ferror(f))
        return log_error_errno(EIO, "Failed to read %s: %m", path);
    return 0;
}

int config_file_load(DaemonOptions *o, const char *path) {
    assert(o);
    assert(path);

    FILE *f = fopen(path, "re");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        return log_error_errno(errno, "Failed to open %s: %m", path);
    }
    int r = config_file_parse(o, f, path);
    fclose(f);
    return r;
}
