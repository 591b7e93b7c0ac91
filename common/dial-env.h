/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What the programs pppd runs for a device (its connect and pty commands,
 * through /bin/sh with pppd's environment) learn from the plugin, and
 * what they leave for the daemon.  The plugin sets, before each link:
 *   PPPRAS_CHAT_STATUS   RUNTIME_DIR/chat/PID.status: the connect line
 *                        writes chat's exit status there (chat-map.h);
 *   PPPRAS_DEVICE_ERROR  RUNTIME_DIR/chat/PID.error: a device program
 *                        that fails writes one decimal RAS error code
 *                        there ("809\n");
 *   PPPRAS_PHONE         the dial's phone number or host override, only
 *                        when one was given and it is plain text.
 * PID is pppd's.  Programs treat each as optional: an unset variable
 * means write nothing.  The daemon reads both files when a dial fails,
 * chat's status first, and removes them. */

#define DEVICE_STATUS_DIR        "chat"
#define DEVICE_STATUS_SUFFIX     ".status"
#define DEVICE_ERROR_SUFFIX      ".error"

#define DEVICE_ENV_CHAT_STATUS   "PPPRAS_CHAT_STATUS"
#define DEVICE_ENV_DEVICE_ERROR  "PPPRAS_DEVICE_ERROR"
#define DEVICE_ENV_PHONE         "PPPRAS_PHONE"
