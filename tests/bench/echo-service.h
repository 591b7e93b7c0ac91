/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The baseline for RasEnumConnections: a minimal bus service that answers
 * with a payload of exactly the size the daemon's answer has.  It runs in
 * a child process with its own sd-bus connection (as ppprasd does), asks
 * the daemon for EnumConnections once at start, and answers every request
 * with a copy of that a(tssssu) array: the same bytes through the same
 * bus, none of the daemon's work.
 *
 * The project's bus policy lets nobody but org.pppras.Ras1 receive method
 * calls (and lets nobody else own a name), so request and answer are
 * unicast signals (Request to the service, Reply back to the sender): the
 * same two trips through dbus-daemon a method call and its return make. */

#include <dbus/dbus.h>
#include <stdint.h>
#include <sys/types.h>

typedef struct EchoService {
    pid_t pid;
    int control_fd;             /* closing it ends the child */
    char unique_name[64];       /* where to call it */
    uint32_t n_items;           /* entries in its array */
} EchoService;

#define ECHO_SERVICE_NULL ((EchoService) { .pid = -1, .control_fd = -1 })

/* Forks the service and waits until it serves.  0 or negative errno. */
int echo_service_start(EchoService *e);

/* One round trip on bus, reading every field of the answer as a client
 * would.  *ret_items: the array's length.  0 or negative errno. */
int echo_service_call(DBusConnection *bus, const EchoService *e, uint32_t *ret_items);

/* Ends and reaps the child. */
void echo_service_stop(EchoService *e);
