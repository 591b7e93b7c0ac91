/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>

#include "bus-setup.h"
#include "connection-iface.h"
#include "link-iface.h"
#include "log.h"
#include "manager-iface.h"
#include "network-hookup.h"
#include "pppras-bus.h"

int bus_setup(Context *ctx) {
    assert(ctx);
    assert(!ctx->bus);

    sd_bus *bus = NULL;
    int r = sd_bus_open_system(&bus);
    if (r < 0)
        return log_error_errno(r, "Failed to connect to the system bus: %m");
    ctx->bus = bus;    /* context_done() closes it */

    (void) sd_bus_set_description(bus, "ppprasd");

    r = sd_bus_add_object_vtable(bus, NULL, PPPRAS_ROOT_PATH, PPPRAS_MANAGER_IFACE, manager_vtable, ctx);
    if (r < 0)
        return log_error_errno(r, "Failed to add the Manager interface: %m");
    r = sd_bus_add_object_vtable(bus, NULL, PPPRAS_ROOT_PATH, PPPRAS_LINK_IFACE, link_vtable, ctx);
    if (r < 0)
        return log_error_errno(r, "Failed to add the Link interface: %m");
    r = sd_bus_add_fallback_vtable(bus, NULL, PPPRAS_CONNECTION_PREFIX, PPPRAS_CONNECTION_IFACE,
                                   connection_vtable, connection_iface_find, ctx);
    if (r < 0)
        return log_error_errno(r, "Failed to add the Connection interface: %m");
    r = sd_bus_add_node_enumerator(bus, NULL, PPPRAS_CONNECTION_PREFIX, connection_iface_enumerate, ctx);
    if (r < 0)
        return log_error_errno(r, "Failed to add the connection enumerator: %m");
    r = sd_bus_add_object_manager(bus, NULL, PPPRAS_ROOT_PATH);
    if (r < 0)
        return log_error_errno(r, "Failed to add the object manager: %m");
    r = context_attach_network(ctx);
    if (r < 0)
        return r;

    r = sd_bus_attach_event(bus, ctx->event, SD_EVENT_PRIORITY_NORMAL);
    if (r < 0)
        return log_error_errno(r, "Failed to attach the bus to the event loop: %m");
    /* Without the bus we are useless: leave, and let systemd restart us. */
    r = sd_bus_set_exit_on_disconnect(bus, true);
    if (r < 0)
        return log_error_errno(r, "Failed to set exit-on-disconnect: %m");

    /* before the name: no call can come between */
    r = context_attach_holds(ctx);
    if (r >= 0)
        r = context_attach_notifications(ctx);
    if (r < 0)
        return r;

    r = sd_bus_request_name(bus, PPPRAS_BUS_NAME, 0);
    if (r < 0)
        return log_error_errno(r, "Failed to take the name %s: %m", PPPRAS_BUS_NAME);
    return 0;
}
