/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "device-list.h"
#include "peers-entry.h"
#include "ras.h"
#include "serial-by-id.h"
#include "util.h"

/* Serial drivers a modem sits behind.  ttyS ports exist whether or not
 * there is a UART: only those whose "type" is not 0 (PORT_UNKNOWN) are. */
static const struct SerialKind {
    const char *prefix;
    bool needs_uart;
} serial_kinds[] = {
    { "ttyS",   true },
    { "ttyUSB", false },
    { "ttyACM", false },
};

void device_list_done(DeviceList *l) {
    assert(l);
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].name);
    free(l->items);
    *l = (DeviceList) {};
}

static int append(DeviceList *l, const char *type, const char *name) {
    Device *grown = realloc(l->items, (l->n + 1) * sizeof(Device));
    if (!grown)
        return -ENOMEM;
    l->items = grown;
    char *copy = strdup(name);
    if (!copy)
        return -ENOMEM;
    l->items[l->n++] = (Device) { .type = type, .name = copy };
    return 0;
}

/* The first line of ROOT/path/name/file, or "" (small sysfs attributes). */
static void read_attribute(const char *root, const char *dir, const char *name, const char *file, char *buf,
                           size_t size) {
    char path[PATH_MAX];
    buf[0] = '\0';
    if (snprintf(path, sizeof(path), "%s%s/%s/%s", root, dir, name, file) >= (int) sizeof(path))
        return;
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    if (!fgets(buf, (int) size, f))
        buf[0] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    fclose(f);
}

static bool has_device_link(const char *root, const char *name) {
    char path[PATH_MAX];
    struct stat st;
    return snprintf(path, sizeof(path), "%s/sys/class/tty/%s/device", root, name) < (int) sizeof(path) &&
           stat(path, &st) == 0;
}

static bool numbered(const char *name, const char *prefix) {
    size_t n = strlen(prefix);
    return strncmp(name, prefix, n) == 0 && name[n] && strspn(name + n, "0123456789") == strlen(name + n);
}

static int compare_strings(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Sorted names of a directory that pass keep(); NULL-terminated. */
static int list_dir(const char *path, bool (*keep)(const char *name, void *userdata), void *userdata,
                    char ***ret, size_t *ret_n) {
    char **names = NULL;
    size_t n = 0;
    int r = 0;
    DIR *d = opendir(path);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d))) {
            if (de->d_name[0] == '.' || !keep(de->d_name, userdata))
                continue;
            char **grown = realloc(names, (n + 1) * sizeof(char *));
            if (!grown || !(grown[n] = strdup(de->d_name))) {
                names = grown ?: names;
                r = -ENOMEM;
                break;
            }
            names = grown;
            n++;
        }
        closedir(d);
    }
    if (r < 0) {
        for (size_t i = 0; i < n; i++)
            free(names[i]);
        free(names);
        return r;
    }
    if (n > 0)
        qsort(names, n, sizeof(char *), compare_strings);
    *ret = names;
    *ret_n = n;
    return 0;
}

static void free_names(char **names, size_t n) {
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

static bool is_modem_port(const char *name, void *userdata) {
    const char *root = userdata;
    for (size_t i = 0; i < ELEMENTSOF(serial_kinds); i++) {
        if (!numbered(name, serial_kinds[i].prefix))
            continue;
        if (!has_device_link(root, name))
            return false;
        if (serial_kinds[i].needs_uart) {
            char type[32];
            read_attribute(root, "/sys/class/tty", name, "type", type, sizeof(type));
            return type[0] && strcmp(type, "0") != 0;
        }
        return true;
    }
    return false;
}

/* The target of ROOT/dev/serial/by-id/NAME, an absolute one read inside
 * root as the rest; "" when it is no link. */
static void by_id_target(const char *root, const char *name, char full[static PATH_MAX * 2]) {
    char path[PATH_MAX], target[PATH_MAX];
    full[0] = '\0';
    if (snprintf(path, sizeof(path), "%s/dev/serial/by-id/%s", root, name) >= (int) sizeof(path))
        return;
    ssize_t k = readlink(path, target, sizeof(target) - 1);
    if (k <= 0)
        return;
    target[k] = '\0';
    if (target[0] == '/')
        snprintf(full, PATH_MAX * 2, "%s%s", root, target);
    else
        snprintf(full, PATH_MAX * 2, "%s/dev/serial/by-id/%s", root, target);
}

typedef struct OtherModem {
    const char *root;
    char **ttys;     /* the ports listed already */
    size_t n_ttys;
} OtherModem;

/* A by-id link whose target is there but is none of the ports listed (a
 * modem behind another driver, a pty): a modem by that name. */
static bool is_other_modem(const char *name, void *userdata) {
    const OtherModem *o = userdata;
    char full[PATH_MAX * 2];
    struct stat st;

    if (!peers_tty_name_is_valid(name))
        return false;
    by_id_target(o->root, name, full);
    if (!full[0] || stat(full, &st) < 0 || S_ISDIR(st.st_mode))
        return false;
    const char *base = strrchr(full, '/');
    for (size_t i = 0; i < o->n_ttys; i++)
        if (strcmp(base ? base + 1 : full, o->ttys[i]) == 0)
            return false;
    return true;
}

static bool is_ethernet(const char *name, void *userdata) {
    const char *root = userdata;
    char type[32];
    if (!peers_ifname_is_valid(name))
        return false;
    read_attribute(root, "/sys/class/net", name, "type", type, sizeof(type));
    return strcmp(type, "1") == 0;    /* ARPHRD_ETHER */
}

int device_list(const char *root, DeviceList *ret) {
    assert(root);
    assert(ret);

    /* "/" and "" both mean the real system */
    const char *r0 = strcmp(root, "/") == 0 ? "" : root;
    DeviceList l = {};
    char **ttys = NULL, **others = NULL, **nets = NULL;
    size_t n_ttys = 0, n_others = 0, n_nets = 0;
    char path[PATH_MAX];

    snprintf(path, sizeof(path), "%s/sys/class/tty", r0);
    int r = list_dir(path, is_modem_port, (void *) r0, &ttys, &n_ttys);
    for (size_t i = 0; r >= 0 && i < n_ttys; i++) {
        char *by_id = NULL;
        r = serial_by_id_name(r0, ttys[i], &by_id);
        if (r == -ENOMEM)
            break;
        r = append(&l, RASDT_Modem, by_id ?: ttys[i]);
        free(by_id);
    }
    /* then the by-id links none of those ports has taken, each once */
    if (r >= 0) {
        snprintf(path, sizeof(path), "%s/dev/serial/by-id", r0);
        r = list_dir(path, is_other_modem, &(OtherModem) { r0, ttys, n_ttys }, &others, &n_others);
    }
    for (size_t i = 0; r >= 0 && i < n_others; i++)
        r = append(&l, RASDT_Modem, others[i]);

    if (r >= 0) {
        snprintf(path, sizeof(path), "%s/sys/class/net", r0);
        r = list_dir(path, is_ethernet, (void *) r0, &nets, &n_nets);
    }
    for (size_t i = 0; r >= 0 && i < n_nets; i++)
        r = append(&l, RASDT_PPPoE, nets[i]);

    const PeersDevice vpns[] = { PEERS_DEVICE_PPTP, PEERS_DEVICE_L2TP };
    for (size_t i = 0; r >= 0 && i < ELEMENTSOF(vpns); i++)
        r = append(&l, RASDT_Vpn, peers_device_miniport(vpns[i]));

    free_names(ttys, n_ttys);
    free_names(others, n_others);
    free_names(nets, n_nets);
    if (r < 0) {
        device_list_done(&l);
        return r;
    }
    *ret = l;
    return 0;
}
