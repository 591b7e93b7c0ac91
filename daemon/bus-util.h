/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* What every method handler needs: the named error replies of
 * docs/dbus-api.md, the sender's credentials, and checks on client
 * strings. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <systemd/sd-bus.h>

/* At most this many bytes in any string a client sends. */
#define BUS_STRING_MAX 256

/* Replies name with message "CODE: text" (text is the Windows message of code). */
int bus_reply_ras_error(sd_bus_message *m, const char *name, uint32_t code);

int bus_reply_invalid_handle(sd_bus_message *m);
int bus_reply_access_denied(sd_bus_message *m);
int bus_reply_invalid_parameter(sd_bus_message *m);

/* -ENOMEM → NoMemory, anything else → Failed (logged). */
int bus_reply_errno(sd_bus_message *m, int error);

/* Non-NULL, at most BUS_STRING_MAX bytes, no control characters (sd-bus
 * has already checked UTF-8). */
bool bus_string_is_valid(const char *s);

/* Dotted IPv4 or empty. */
bool bus_ipv4_is_valid(const char *s);

/* One key of an a{sv} argument read straight into a struct: type 's'
 * (a const char * pointing into the message, checked with
 * bus_string_is_valid) or 'u' (uint32_t), at offset in the struct. */
typedef struct BusDictKey {
    const char *key;
    char type;
    size_t offset;
} BusDictKey;

/* Reads an a{sv} into ret by keys.  Unknown keys are skipped; a known
 * key with another type, or an invalid string, is -EINVAL.  Fields the
 * message lacks keep what ret held. */
int bus_read_dict(sd_bus_message *m, const BusDictKey *keys, size_t n_keys, void *ret);

/* The sender's identity as the bus daemon vouches for it
 * (GetConnectionCredentials: taken from the socket when the client
 * connected), never read from /proc/PID: a pid can be recycled while a
 * bus connection lives on in another process. */
typedef struct BusSender {
    pid_t pid;                  /* who connected: for messages to that process only, never to decide */
    uid_t uid;                  /* real uid: (uid_t) -1, the bus does not know it */
    uid_t euid;                 /* UnixUserID */
    gid_t egid;                 /* (gid_t) -1: the bus does not tell it apart */
    const gid_t *groups;        /* UnixGroupIDs (primary and supplementary) */
    int n_groups;
    gid_t *owned_groups;
} BusSender;

/* A synchronous call to the bus daemon.  -ENODATA when it names no uid. */
int bus_sender_get(sd_bus_message *m, BusSender *ret);
void bus_sender_done(BusSender *s);

/* Only the sender's uid (UnixUserID), as bus_sender_get() reads it. */
int bus_sender_euid(sd_bus_message *m, uid_t *ret);
