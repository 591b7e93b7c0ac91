/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What WNetGetLastError reports: per thread, the network provider's own
 * error code, message and name from the last ERROR_EXTENDED_ERROR or
 * mount failure mapped to another code. */

#include <stdbool.h>
#include <stdint.h>

/* From the daemon's ExtendedError message "1208: PROVIDER CODE: TEXT". */
void wnet_last_error_set_from_message(const char *message);

void wnet_last_error_set(uint32_t code, const char *text, const char *provider);

/* A mapped failure ("53: cifs 32: TEXT") also carries the provider's
 * words: recorded like ERROR_EXTENDED_ERROR's.  False (nothing changed)
 * for a message without a provider part. */
bool wnet_last_error_set_if_provider(const char *message);
