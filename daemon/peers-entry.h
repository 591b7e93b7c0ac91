/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* A phonebook entry (RASENTRY) as a pppd peers file, both ways, from one
 * fixed table of options (docs/phonebook.md).  Caller text never becomes
 * an option: every string is checked against a strict alphabet first and
 * only ever lands inside an option the table writes.  Lines of a peers
 * file whose first word is not an option the mapping manages are kept as
 * they are, so hand-written entries keep what they had. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* pppd's PPPoE plugin: rp-pppoe.so up to 2.4, only pppoe.so from 2.5 on
 * (the Makefile picks it from the pppd built against) */
#ifndef PPPD_PPPOE_PLUGIN
#define PPPD_PPPOE_PLUGIN "rp-pppoe.so"
#endif

typedef enum PeersDevice {
    PEERS_DEVICE_NONE,          /* no device option the mapping knows */
    PEERS_DEVICE_MODEM,         /* a serial port, dialled by chat */
    PEERS_DEVICE_PPPOE,         /* rp-pppoe.so on an Ethernet interface */
    PEERS_DEVICE_PPTP,          /* pty running pptp */
    PEERS_DEVICE_L2TP,          /* pty running pppras-l2tp, our own L2TP access concentrator */
    _PEERS_DEVICE_MAX,
} PeersDevice;

#define PEERS_NAME_MAX   128    /* RAS_MaxDeviceName, RAS_MaxPhoneNumber */
#define PEERS_ADDR_MAX   16
#define PEERS_REDIAL_MAX 999999
#define PEERS_PAUSE_MAX  86400
#define PEERS_FILE_MAX   (64 * 1024)

/* The RASENTRY fields with a pppd meaning.  options/options2 hold only
 * the RASEO_/RASEO2_ bits the mapping manages (PEERS_MANAGED_*). */
typedef struct PeersEntry {
    PeersDevice device;
    char device_name[PEERS_NAME_MAX + 1];   /* tty or /dev/serial/by-id name, interface; "" for VPNs */
    char phone[PEERS_NAME_MAX + 1];         /* modem number, VPN server, PPPoE service name */
    uint32_t options, options2;
    uint32_t net_protocols;                 /* RASNP_Ip | RASNP_Ipv6 */
    uint32_t encryption;                    /* ET_* */
    char ip[PEERS_ADDR_MAX], dns[PEERS_ADDR_MAX], dns_alt[PEERS_ADDR_MAX];   /* dotted or "" */
    uint32_t idle_seconds;                  /* 0: none */
    uint32_t redial_count, redial_pause;
    bool multilink;                         /* the entry has subentries: its links join one bundle */
} PeersEntry;

extern const uint32_t PEERS_MANAGED_OPTIONS, PEERS_MANAGED_OPTIONS2;

/* A new entry's defaults: no device, IPv4, peer's DNS, VJ and software
 * compression on, encryption optional. */
void peers_entry_init(PeersEntry *e);

/* RASENTRY szDeviceType + dwVpnStrategy + szDeviceName → device.
 * -EINVAL for text that is no device type, -EOPNOTSUPP for one Windows
 * has and pppras does not (ISDN, X.25, SSTP, IKEv2...). */
int peers_device_from_ras(const char *type, uint32_t vpn_strategy, const char *device_name, PeersDevice *ret);

/* And back: the RASDT_ string, the VS_ value and, for VPNs, the WAN
 * Miniport name Windows gives the device (NULL: use the entry's own). */
const char *peers_device_ras_type(PeersDevice d);
uint32_t peers_device_vpn_strategy(PeersDevice d);
const char *peers_device_miniport(PeersDevice d);

/* The alphabets: a phone number (digits and + * # , - ( ) space W P T),
 * a host name or address, an interface name, a serial device name. */
bool peers_phone_is_valid(const char *s);
bool peers_host_is_valid(const char *s);
bool peers_ifname_is_valid(const char *s);
bool peers_tty_name_is_valid(const char *s);

/* A dial's override of the entry's number (RASDIALPARAMS szPhoneNumber):
 * the alphabet of what it replaces for the device -- a phone number, a
 * VPN server, a PPPoE service name (not empty); an entry of no known
 * device takes a phone number or a host.  Never starting with '-' or a
 * space, so no program reads it as an option. */
bool peers_dial_phone_is_valid(PeersDevice device, const char *s);

/* The device path a modem entry's file names: /dev/NAME for a tty name,
 * else /dev/serial/by-id/NAME.  -ENAMETOOLONG if it does not fit. */
int peers_modem_device_path(const PeersEntry *e, char *buf, size_t size);

/* The L2TP program that L2TP entries run as pppd's pty: an absolute path
 * ending in pppras-l2tp, of a plain alphabet.  0 or -EINVAL. */
int peers_set_l2tp_helper(const char *path);
const char *peers_l2tp_helper(void);

/* Every field checked for writing: 0, -EINVAL. */
int peers_entry_validate(const PeersEntry *e);

/* Reads a peers file's text: what maps into *ret, the other lines into
 * *ret_kept (NULL-terminated, may be NULL if not wanted).  0 or -ENOMEM. */
int peers_entry_parse(const char *text, PeersEntry *ret, char ***ret_kept);

/* Writes the file for e after the kept lines.  e must be valid. */
int peers_entry_format(FILE *f, const PeersEntry *e, char *const *kept);
