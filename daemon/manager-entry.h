/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The phonebook methods of the Manager interface (docs/dbus-api.md):
 * reading is everyone's, writing root's and EntryGroup's. */

#include <systemd/sd-bus.h>

int manager_method_get_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_set_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_validate_entry_name(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_delete_entry(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_rename_entry(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_get_sub_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error);
int manager_method_set_sub_entry_properties(sd_bus_message *m, void *userdata, sd_bus_error *error);
