/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <systemd/sd-bus.h>

/* EnumDevices() → a(ss): (device_type, device_name), for everyone. */
int manager_method_enum_devices(sd_bus_message *m, void *userdata, sd_bus_error *error);
