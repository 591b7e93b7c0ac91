/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Manager.EnumDevices: RasEnumDevices' list (device-list.h). */
#include <assert.h>

#include "bus-util.h"
#include "context.h"
#include "device-list.h"
#include "manager-device.h"
#include "util.h"

int manager_method_enum_devices(sd_bus_message *m, void *userdata, sd_bus_error *error) {
    Context *ctx = userdata;
    assert(m);
    assert(ctx);

    DeviceList l;
    int r = device_list(ctx->device_root ?: "/", &l);
    if (r < 0)
        return bus_reply_errno(m, r);

    _cleanup_(sd_bus_message_unrefp) sd_bus_message *reply = NULL;
    r = sd_bus_message_new_method_return(m, &reply);
    if (r >= 0)
        r = sd_bus_message_open_container(reply, 'a', "(ss)");
    for (size_t i = 0; r >= 0 && i < l.n; i++)
        r = sd_bus_message_append(reply, "(ss)", l.items[i].type, l.items[i].name);
    if (r >= 0)
        r = sd_bus_message_close_container(reply);
    device_list_done(&l);
    if (r < 0)
        return bus_reply_errno(m, r);
    return sd_bus_send(NULL, reply, NULL);
}
