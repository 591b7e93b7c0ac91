/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The phonebook half of org.pppras.Ras1.Manager: Dial, EnumEntries,
 * SetDialParams, GetDialParams.  Handlers for manager_vtable; userdata is
 * the Context. */

#include <systemd/sd-bus.h>

int manager_method_dial(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_enum_entries(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_set_dial_params(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_get_dial_params(sd_bus_message *m, void *userdata, sd_bus_error *error);
