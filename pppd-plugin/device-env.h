/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The device-status variables of common/dial-env.h, set in pppd's
 * own environment: pppd runs its connect and pty commands with it. */

#include <stdbool.h>
#include <sys/types.h>

/* 1..128 characters a dial string or a host name has: letters, digits,
 * space and + * # , - ( ) . : _ -- not starting with '-' or a space.
 * Nothing a shell, chat or a program's option parser reads as more. */
bool device_env_phone_is_valid(const char *phone);

/* Sets PPPRAS_CHAT_STATUS and PPPRAS_DEVICE_ERROR for pppd pid under
 * runtime_dir, and PPPRAS_PHONE to phone when it is valid (else unsets
 * it: -EINVAL, the rest still set).  0 or negative errno. */
int device_env_set(const char *runtime_dir, pid_t pid, const char *phone);
