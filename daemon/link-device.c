/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link-device.h"
#include "peers-entry.h"
#include "ras.h"
#include "raserror.h"
#include "serial-by-id.h"
#include "util.h"

#define BY_ID_DIR "/dev/serial/by-id/"

static const char *basename_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static void set(LinkDevice *d, LinkDeviceKind kind, const char *type, const char *name) {
    d->kind = kind;
    snprintf(d->type, sizeof(d->type), "%s", type);
    snprintf(d->name, sizeof(d->name), "%s", name);
}

/* The name RasEnumDevices gives the port: the by-id name when pppd opened
 * the port through it or one points at the tty, else the tty's name. */
static void modem_name(const char *root, const char *device, LinkDevice *d) {
    if (strncmp(device, BY_ID_DIR, strlen(BY_ID_DIR)) == 0 && device[strlen(BY_ID_DIR)]) {
        set(d, LINK_DEVICE_MODEM, RASDT_Modem, device + strlen(BY_ID_DIR));
        return;
    }
    const char *tty = basename_of(device);
    char *by_id = NULL;
    (void) serial_by_id_name(root, tty, &by_id);
    set(d, LINK_DEVICE_MODEM, RASDT_Modem, by_id ?: tty);
    free(by_id);
}

void link_device_classify(const char *root, const char *type, const char *device, const char *program,
                          LinkDevice *ret) {
    assert(root);
    assert(ret);

    type = type ?: "";
    device = device ?: "";
    if (streq_ptr(type, "modem") && device[0])
        modem_name(root, device, ret);
    else if (streq_ptr(type, "pppoe"))
        set(ret, LINK_DEVICE_PPPOE, RASDT_PPPoE, device);
    else if (streq_ptr(type, "l2tp") || (streq_ptr(type, "pty") && streq_ptr(program, "pppras-l2tp")))
        set(ret, LINK_DEVICE_L2TP, RASDT_Vpn, peers_device_miniport(PEERS_DEVICE_L2TP));
    else if (streq_ptr(type, "pty") && streq_ptr(program, "pptp"))
        set(ret, LINK_DEVICE_PPTP, RASDT_Vpn, peers_device_miniport(PEERS_DEVICE_PPTP));
    else
        set(ret, streq_ptr(type, RASDT_Modem) ? LINK_DEVICE_MODEM : LINK_DEVICE_OTHER, type, device);
}

LinkDeviceKind link_device_kind(const char *type, const char *name) {
    if (streq_ptr(type, RASDT_Modem))
        return LINK_DEVICE_MODEM;
    if (streq_ptr(type, RASDT_PPPoE))
        return LINK_DEVICE_PPPOE;
    if (streq_ptr(type, RASDT_Vpn) && streq_ptr(name, peers_device_miniport(PEERS_DEVICE_PPTP)))
        return LINK_DEVICE_PPTP;
    if (streq_ptr(type, RASDT_Vpn) && streq_ptr(name, peers_device_miniport(PEERS_DEVICE_L2TP)))
        return LINK_DEVICE_L2TP;
    return LINK_DEVICE_OTHER;
}

uint32_t link_device_connect_error(LinkDeviceKind kind) {
    switch (kind) {
    case LINK_DEVICE_PPPOE:
        /* No access concentrator answered discovery: Windows 7 and later
         * say 651 (Vista said 815, XP 678). */
        return ERROR_FROM_DEVICE;
    default:
        return 0;
    }
}
