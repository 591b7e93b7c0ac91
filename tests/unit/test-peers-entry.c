/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* daemon/peers-entry.c: a RASENTRY becomes a peers file from a fixed
 * mapping of RASENTRY fields (docs/phonebook.md), so no caller text ever
 * becomes a pppd option, and a peers file reads back as the same entry;
 * lines the mapping does not manage are kept. */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../daemon/peers-entry.h"
#include "../../daemon/util.h"
#include "ras.h"
#include "scratch-dir.h"
#include "suites.h"

/* The file format() writes for e (asserting success), as a string. */
static char *format_text(const PeersEntry *e, char *const *kept) {
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    int r = peers_entry_format(f, e, kept);
    ck_assert_int_eq(fclose(f), 0);
    ck_assert_int_eq(r, 0);
    return buf;
}

static int format_result(const PeersEntry *e) {
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_ptr_nonnull(f);
    int r = peers_entry_format(f, e, NULL);
    fclose(f);
    free(buf);
    return r;
}

static void free_kept(char **kept) {
    for (char **l = kept; l && *l; l++)
        free(*l);
    free(kept);
}

static size_t n_lines(char **kept) {
    size_t n = 0;
    while (kept && kept[n])
        n++;
    return n;
}

static bool has_line(const char *text, const char *line) {
    size_t n = strlen(line);
    for (const char *p = text; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        if (strncmp(p, line, n) == 0 && (p[n] == '\n' || p[n] == '\0'))
            return true;
    return false;
}

static PeersEntry modem(void) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_MODEM;
    strcpy(e.device_name, "ttyUSB0");
    strcpy(e.phone, "+1 (555) 010-9999");
    return e;
}

static void assert_same(const PeersEntry *a, const PeersEntry *b) {
    ck_assert_int_eq(a->device, b->device);
    ck_assert_str_eq(a->device_name, b->device_name);
    ck_assert_str_eq(a->phone, b->phone);
    ck_assert_uint_eq(a->options, b->options);
    ck_assert_uint_eq(a->options2, b->options2);
    ck_assert_uint_eq(a->net_protocols, b->net_protocols);
    ck_assert_uint_eq(a->encryption, b->encryption);
    ck_assert_str_eq(a->ip, b->ip);
    ck_assert_str_eq(a->dns, b->dns);
    ck_assert_str_eq(a->dns_alt, b->dns_alt);
    ck_assert_uint_eq(a->idle_seconds, b->idle_seconds);
    ck_assert_uint_eq(a->redial_count, b->redial_count);
    ck_assert_uint_eq(a->redial_pause, b->redial_pause);
    ck_assert_int_eq(a->multilink, b->multilink);
}

/* format, parse: the same entry, and every line written is the mapping's
 * own (nothing comes back as a kept line). */
static void assert_round_trip(const PeersEntry *e) {
    char *text = format_text(e, NULL);
    PeersEntry back;
    char **kept = NULL;
    ck_assert_int_eq(peers_entry_parse(text, &back, &kept), 0);
    ck_assert_msg(n_lines(kept) == 0, "a written line reads as unmanaged: %s", kept[0]);
    assert_same(e, &back);
    free_kept(kept);
    free(text);
}

/* ------------------------------------------------------- each device */

START_TEST(test_modem_entry_round_trips_with_a_generated_chat_script) {
    PeersEntry e = modem();
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "/dev/ttyUSB0"));
    ck_assert(has_line(text, "remotenumber \"+1 (555) 010-9999\""));
    /* chat's exit status names the failure: 4 + the ABORT string's index */
    /* chat dials -T's number, the dial's override or else the entry's,
     * and the shell leaves chat's status where the plugin says */
    ck_assert(has_line(text, "connect \"/usr/sbin/chat -v -t 90 -T \\\"${PPPRAS_PHONE:-+1 (555) 010-9999}\\\" "
                             "ABORT 'BUSY' ABORT 'NO CARRIER' "
                             "ABORT 'NO DIALTONE' ABORT 'NO ANSWER' ABORT 'ERROR' ABORT 'NO DIAL TONE' "
                             "'' ATZ OK 'ATDT\\\\T' CONNECT ''; s=$?; "
                             "[ -z \\\"$PPPRAS_CHAT_STATUS\\\" ] || echo $s >\\\"$PPPRAS_CHAT_STATUS\\\"; exit $s\""));
    free(text);
    assert_round_trip(&e);
}
END_TEST

/* The number reads back from the connect line alone, too. */
START_TEST(test_modem_number_reads_back_from_the_connect_line) {
    PeersEntry e = modem(), back;
    char *text = format_text(&e, NULL);
    char *rn = strstr(text, "remotenumber");
    ck_assert_ptr_nonnull(rn);
    memmove(rn, strchr(rn, '\n') + 1, strlen(strchr(rn, '\n') + 1) + 1);
    ck_assert_ptr_null(strstr(text, "remotenumber"));
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    ck_assert_str_eq(back.phone, "+1 (555) 010-9999");
    free(text);
}
END_TEST

START_TEST(test_modem_named_by_id_lives_under_dev_serial_by_id) {
    PeersEntry e = modem();
    strcpy(e.device_name, "usb-Huawei_Technologies_HUAWEI_Mobile-if00-port0");
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "/dev/serial/by-id/usb-Huawei_Technologies_HUAWEI_Mobile-if00-port0"));
    free(text);
    assert_round_trip(&e);
}
END_TEST

/* pppd 2.4.9's rp-pppoe.so reads pppoe-padi-* when it parses nic-IF:
 * options a user added must come between the plugin and the interface. */
START_TEST(test_pppoe_interface_follows_the_kept_discovery_options) {
    PeersEntry e;
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-veth-c\npppoe-padi-timeout 1\n"
                                       "pppoe-padi-attempts 2\n", &e, NULL), 0);
    char **kept = NULL;
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-veth-c\npppoe-padi-timeout 1\n"
                                       "pppoe-padi-attempts 2\n", &e, &kept), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_PPPOE);
    ck_assert_str_eq(e.device_name, "veth-c");
    char *text = format_text(&e, kept);
    const char *plugin = strstr(text, "plugin " PPPD_PPPOE_PLUGIN "\n"), *timeout = strstr(text, "pppoe-padi-timeout 1\n"),
               *attempts = strstr(text, "pppoe-padi-attempts 2\n"), *nic = strstr(text, "nic-veth-c\n");
    ck_assert(plugin && timeout && attempts && nic);
    ck_assert(plugin < timeout && plugin < attempts);
    ck_assert_msg(timeout < nic && attempts < nic, "%s", text);
    free(text);
    for (char **l = kept; *l; l++)
        free(*l);
    free(kept);
}
END_TEST

START_TEST(test_pppoe_entry_loads_the_plugin_on_its_interface) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPPOE;
    strcpy(e.device_name, "eth1");
    strcpy(e.phone, "my-isp.service");
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "plugin " PPPD_PPPOE_PLUGIN));
    ck_assert(has_line(text, "nic-eth1"));
    ck_assert(has_line(text, "rp_pppoe_service my-isp.service"));
    ck_assert(!strstr(text, "connect"));
    free(text);
    assert_round_trip(&e);
    e.phone[0] = '\0';   /* no service name: any */
    assert_round_trip(&e);
}
END_TEST

START_TEST(test_pptp_entry_runs_pptp_as_the_pty) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPTP;
    strcpy(e.phone, "vpn.example.com");
    e.encryption = ET_RequireMax;
    e.options |= RASEO_RequireDataEncryption | RASEO_RequireMsCHAP2;
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "pty \"/usr/sbin/pptp \\\"${PPPRAS_PHONE:-vpn.example.com}\\\" --nolaunchpppd || "
                             "{ /usr/bin/getent ahostsv4 \\\"${PPPRAS_PHONE:-vpn.example.com}\\\" >/dev/null && "
                             "echo 800 || echo 868; } >\\\"${PPPRAS_DEVICE_ERROR:-/dev/null}\\\"\""));
    ck_assert(has_line(text, "remotenumber vpn.example.com"));
    ck_assert(has_line(text, "require-mppe-128"));
    free(text);
    assert_round_trip(&e);
}
END_TEST

/* pppd has no "MPPE if the server offers it": a PPTP entry's optional
 * encryption asks for MPPE as "+mppe-40" and "+mppe-128" (Windows' and
 * pptpd's servers all offer it) and reads back optional; ET_None still
 * says nomppe. */
START_TEST(test_pptp_optional_encryption_asks_for_mppe) {
    PeersEntry e, back;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPTP;
    strcpy(e.phone, "10.9.17.1");
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "+mppe-40"));
    ck_assert(has_line(text, "+mppe-128"));
    ck_assert(!strstr(text, "require-mppe"));
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    ck_assert_uint_eq(back.encryption, ET_Optional);
    ck_assert(!(back.options & RASEO_RequireDataEncryption));
    free(text);
    assert_round_trip(&e);

    e.encryption = ET_None;
    text = format_text(&e, NULL);
    ck_assert(has_line(text, "nomppe"));
    ck_assert(!strstr(text, "+mppe"));
    free(text);
    assert_round_trip(&e);

    /* other devices: optional is no option at all */
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPPOE;
    strcpy(e.device_name, "eth0");
    text = format_text(&e, NULL);
    ck_assert(!strstr(text, "mppe"));
    free(text);
}
END_TEST

/* "+mppe" is require-mppe to pppd: outside a PPTP entry it reads as such. */
START_TEST(test_plus_mppe_elsewhere_reads_as_required) {
    PeersEntry e;
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-eth0\n+mppe-40\n+mppe-128\n", &e, NULL), 0);
    ck_assert_uint_eq(e.encryption, ET_Require);
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-eth0\n+mppe\n", &e, NULL), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_PPPOE);
    ck_assert_uint_eq(e.encryption, ET_Require);
    ck_assert(e.options & RASEO_RequireDataEncryption);
    ck_assert_int_eq(peers_entry_parse("pty \"pptp h --nolaunchpppd\"\n+mppe\nnomppe\n", &e, NULL), 0);
    ck_assert_uint_eq(e.encryption, ET_None);
    /* what earlier versions wrote still reads the same */
    ck_assert_int_eq(peers_entry_parse("pty \"pptp h --nolaunchpppd\"\n+mppe\n", &e, NULL), 0);
    ck_assert_uint_eq(e.encryption, ET_Optional);
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-eth0\nrequire-mppe\n", &e, NULL), 0);
    ck_assert_uint_eq(e.encryption, ET_Require);
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\nnic-eth0\nrequire-mppe-128\n", &e, NULL), 0);
    ck_assert_uint_eq(e.encryption, ET_RequireMax);
}
END_TEST

/* The server inside "${PPPRAS_PHONE:-SERVER}" is the entry's; a form that
 * is not exactly that, or a server outside the host alphabet, gives none. */
START_TEST(test_pptp_server_reads_back_from_the_phone_default) {
    static const struct {
        const char *line, *phone;
    } cases[] = {
        { "pty \"/usr/sbin/pptp \\\"${PPPRAS_PHONE:-vpn.example.org}\\\" --nolaunchpppd\"", "vpn.example.org" },
        { "pty \"/usr/sbin/pptp ${PPPRAS_PHONE:-192.0.2.7} --nolaunchpppd\"", "192.0.2.7" },
        { "pty \"/usr/sbin/pptp ${PPPRAS_PHONE:-192.0.2.7 --nolaunchpppd\"", "" },
        { "pty \"/usr/sbin/pptp ${PPPRAS_PHONE:-} --nolaunchpppd\"", "" },
        { "pty \"/usr/sbin/pptp ${PPPRAS_PHONE:-a;b} --nolaunchpppd\"", "" },
        { "pty \"/usr/sbin/pptp ${OTHER:-192.0.2.7} --nolaunchpppd\"", "" },
        { "pty \"/usr/sbin/pptp $(reboot) --nolaunchpppd\"", "" },
    };
    for (size_t i = 0; i < ELEMENTSOF(cases); i++) {
        PeersEntry e;
        ck_assert_int_eq(peers_entry_parse(cases[i].line, &e, NULL), 0);
        ck_assert_int_eq(e.device, PEERS_DEVICE_PPTP);
        ck_assert_msg(strcmp(e.phone, cases[i].phone) == 0, "%s: phone '%s'", cases[i].line, e.phone);
    }
}
END_TEST

START_TEST(test_l2tp_entry_names_its_server) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_L2TP;
    strcpy(e.phone, "192.0.2.7");
    char *text = format_text(&e, NULL), *want;
    /* our LAC as pppd's pty, the dial's phone-number override first */
    ck_assert_int_ge(asprintf(&want, "pty \"%s -- \\\"${PPPRAS_PHONE:-192.0.2.7}\\\"\"", peers_l2tp_helper()), 0);
    ck_assert(has_line(text, want));
    ck_assert(strncmp(peers_l2tp_helper(), "/", 1) == 0);
    free(want);
    ck_assert(has_line(text, "remotenumber 192.0.2.7"));
    ck_assert(!strstr(text, "pppol2tp"));
    free(text);
    assert_round_trip(&e);
}
END_TEST

START_TEST(test_l2tp_helper_path_is_an_option_and_read_back_from_any_path) {
    PeersEntry e, back;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_L2TP;
    strcpy(e.phone, "lns.example.net");
    char *installed = strdup(peers_l2tp_helper());
    ck_assert_int_eq(peers_set_l2tp_helper("/srv/build/pppras-l2tp"), 0);
    char *text = format_text(&e, NULL);
    ck_assert_int_eq(peers_set_l2tp_helper(installed), 0);
    ck_assert(has_line(text, "pty \"/srv/build/pppras-l2tp -- \\\"${PPPRAS_PHONE:-lns.example.net}\\\"\""));
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    ck_assert_int_eq(back.device, PEERS_DEVICE_L2TP);
    ck_assert_str_eq(back.phone, "lns.example.net");
    ck_assert_str_eq(back.device_name, "");
    free(text);

    /* written by hand: options before the host (its last word), no override */
    ck_assert_int_eq(peers_entry_parse("pty \"/opt/pppras-l2tp --port 1702 --debug 198.51.100.4\"\n", &back, NULL), 0);
    ck_assert_int_eq(back.device, PEERS_DEVICE_L2TP);
    ck_assert_str_eq(back.phone, "198.51.100.4");

    /* what would break out of the quotes or be no program of ours */
    ck_assert_int_eq(peers_set_l2tp_helper("pppras-l2tp"), -EINVAL);
    ck_assert_int_eq(peers_set_l2tp_helper("/usr/bin/sh"), -EINVAL);
    ck_assert_int_eq(peers_set_l2tp_helper("/tmp/a b/pppras-l2tp"), -EINVAL);
    ck_assert_int_eq(peers_set_l2tp_helper("/tmp/\"$(id)\"/pppras-l2tp"), -EINVAL);
    ck_assert_str_eq(peers_l2tp_helper(), installed);
    free(installed);
}
END_TEST

START_TEST(test_l2tp_plugin_entries_of_old_still_read_as_l2tp) {
    PeersEntry back;
    ck_assert_int_eq(peers_entry_parse("plugin pppol2tp.so\nremotenumber 192.0.2.9\n", &back, NULL), 0);
    ck_assert_int_eq(back.device, PEERS_DEVICE_L2TP);
    ck_assert_str_eq(back.phone, "192.0.2.9");
}
END_TEST

START_TEST(test_ras_device_types_and_vpn_strategies_map_both_ways) {
    PeersDevice d;
    ck_assert_int_eq(peers_device_from_ras("modem", VS_Default, "ttyS0", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_MODEM);
    ck_assert_int_eq(peers_device_from_ras("PPPoE", VS_Default, "eth0", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_PPPOE);
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_PptpOnly, "", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_PPTP);
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_PptpFirst, "WAN Miniport (PPTP)", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_PPTP);
    ck_assert_int_eq(peers_device_from_ras("VPN", VS_L2tpOnly, "", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_L2TP);
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_L2tpFirst, "", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_L2TP);
    /* VS_Default: the miniport named decides */
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_Default, "WAN Miniport (L2TP)", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_L2TP);
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_Default, "", &d), 0);
    ck_assert_int_eq(d, PEERS_DEVICE_PPTP);
    /* a miniport that contradicts the strategy */
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_L2tpOnly, "WAN Miniport (PPTP)", &d), -EINVAL);
    /* what Windows has and pppd has not */
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_SstpOnly, "", &d), -EOPNOTSUPP);
    ck_assert_int_eq(peers_device_from_ras("vpn", VS_Ikev2Only, "", &d), -EOPNOTSUPP);
    ck_assert_int_eq(peers_device_from_ras("isdn", 0, "", &d), -EOPNOTSUPP);
    ck_assert_int_eq(peers_device_from_ras("x25", 0, "", &d), -EOPNOTSUPP);
    ck_assert_int_eq(peers_device_from_ras("", 0, "", &d), -EINVAL);
    ck_assert_int_eq(peers_device_from_ras("modem\nplugin", 0, "", &d), -EINVAL);

    ck_assert_str_eq(peers_device_ras_type(PEERS_DEVICE_PPPOE), RASDT_PPPoE);
    ck_assert_uint_eq(peers_device_vpn_strategy(PEERS_DEVICE_L2TP), VS_L2tpOnly);
    ck_assert_str_eq(peers_device_miniport(PEERS_DEVICE_PPTP), "WAN Miniport (PPTP)");
    ck_assert_ptr_null(peers_device_miniport(PEERS_DEVICE_MODEM));
}
END_TEST

/* ------------------------------------------------------- each option */

typedef struct OptionCase {
    const char *what;
    void (*set)(PeersEntry *e);
    const char *line;          /* written when set */
    const char *absent;        /* NULL, or a line written when not set that must go */
} OptionCase;

static void set_default_gateway(PeersEntry *e) { e->options |= RASEO_RemoteDefaultGateway; }
static void clear_vj(PeersEntry *e) { e->options &= ~(uint32_t) RASEO_IpHeaderCompression; }
static void clear_compression(PeersEntry *e) { e->options &= ~(uint32_t) RASEO_SwCompression; }
static void no_ipv4(PeersEntry *e) { e->net_protocols = RASNP_Ipv6; }
static void ipv6(PeersEntry *e) { e->net_protocols |= RASNP_Ipv6; }
static void fixed_ip(PeersEntry *e) { e->options |= RASEO_SpecificIpAddr; strcpy(e->ip, "10.1.2.3"); }
static void fixed_dns(PeersEntry *e) {
    e->options |= RASEO_SpecificNameServers;
    strcpy(e->dns, "192.0.2.53");
    strcpy(e->dns_alt, "192.0.2.54");
}
static void idle(PeersEntry *e) { e->idle_seconds = 300; }
static void redial(PeersEntry *e) {
    e->redial_count = 3;
    e->redial_pause = 20;
    e->options2 |= RASEO2_ReconnectIfDropped;
}
static void no_encryption(PeersEntry *e) { e->encryption = ET_None; }
static void require_encryption(PeersEntry *e) {
    e->encryption = ET_Require;
    e->options |= RASEO_RequireDataEncryption;
}
static void chap_only(PeersEntry *e) { e->options |= RASEO_RequireCHAP; }
static void mschap2_or_eap(PeersEntry *e) { e->options |= RASEO_RequireMsCHAP2 | RASEO_RequireEAP; }
static void pap_only(PeersEntry *e) { e->options |= RASEO_RequirePAP; }
static void multilink(PeersEntry *e) { e->multilink = true; }

static const OptionCase option_cases[] = {
    { "RASEO_RemoteDefaultGateway", set_default_gateway, "defaultroute", NULL },
    { "no RASEO_IpHeaderCompression", clear_vj, "novj", NULL },
    { "no RASEO_SwCompression", clear_compression, "nobsdcomp", NULL },
    { "no RASNP_Ip", no_ipv4, "noip", NULL },
    { "RASNP_Ipv6", ipv6, "+ipv6", NULL },
    { "RASEO_SpecificIpAddr", fixed_ip, "10.1.2.3:", "noipdefault" },
    { "RASEO_SpecificNameServers", fixed_dns, "ms-dns 192.0.2.54", "usepeerdns" },
    { "dwIdleDisconnectSeconds", idle, "idle 300", NULL },
    { "dwRedialCount/dwRedialPause", redial, "maxfail 4", NULL },
    { "ET_None", no_encryption, "nomppe", NULL },
    /* both strengths by name: pppd 2.5 reads require-mppe as 40-bit only */
    { "ET_Require", require_encryption, "require-mppe-40", NULL },
    { "ET_Require (128-bit)", require_encryption, "require-mppe-128", "require-mppe" },
    { "RASEO_RequireCHAP", chap_only, "refuse-pap", NULL },
    { "RASEO_RequireMsCHAP2|EAP", mschap2_or_eap, "refuse-chap", NULL },
    { "RASEO_RequirePAP", pap_only, "refuse-eap", NULL },
    { "dwSubEntries > 1", multilink, "multilink", NULL },
};

START_TEST(test_each_option_is_written_and_read_back) {
    const OptionCase *c = &option_cases[_i];
    PeersEntry e = modem();
    c->set(&e);
    char *text = format_text(&e, NULL);
    ck_assert_msg(has_line(text, c->line), "%s: no line \"%s\" in\n%s", c->what, c->line, text);
    if (c->absent)
        ck_assert_msg(!has_line(text, c->absent), "%s: still \"%s\"", c->what, c->absent);
    free(text);
    assert_round_trip(&e);
}
END_TEST

START_TEST(test_defaults_ask_the_peer_and_keep_compression) {
    PeersEntry e = modem();
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "noauth"));
    ck_assert(has_line(text, "noipdefault"));
    ck_assert(has_line(text, "usepeerdns"));
    const char *absent[] = { "novj", "nobsdcomp", "defaultroute", "noip", "persist", "refuse-pap", "nomppe" };
    for (size_t i = 0; i < ELEMENTSOF(absent); i++)
        ck_assert_msg(!has_line(text, absent[i]), "%s", absent[i]);
    free(text);
}
END_TEST

START_TEST(test_encrypted_password_flags_refuse_what_they_exclude) {
    PeersEntry e = modem();
    e.options |= RASEO_RequireEncryptedPw;
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "refuse-pap"));
    ck_assert(!has_line(text, "refuse-chap"));
    free(text);

    e = modem();
    e.options |= RASEO_RequireMsEncryptedPw;
    text = format_text(&e, NULL);
    ck_assert(has_line(text, "refuse-pap"));
    ck_assert(has_line(text, "refuse-chap"));
    ck_assert(has_line(text, "refuse-eap"));
    ck_assert(!has_line(text, "refuse-mschap"));
    ck_assert(!has_line(text, "refuse-mschap-v2"));
    /* read back as the protocols left */
    PeersEntry back;
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    ck_assert_uint_eq(back.options & (RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireEAP), 0);
    ck_assert(back.options & RASEO_RequireMsCHAP);
    ck_assert(back.options & RASEO_RequireMsCHAP2);
    free(text);
}
END_TEST

START_TEST(test_reconnect_without_redials_is_persist_maxfail_1) {
    PeersEntry e = modem();
    e.options2 |= RASEO2_ReconnectIfDropped;
    e.redial_pause = 5;
    char *text = format_text(&e, NULL);
    ck_assert(has_line(text, "persist"));
    ck_assert(has_line(text, "maxfail 1"));
    ck_assert(has_line(text, "holdoff 5"));
    free(text);
    assert_round_trip(&e);
}
END_TEST

/* ---------------------------------------------------- hostile strings */

static const char *const hostile_phones[] = {
    "", "123\nplugin evil.so", "123\"", "123'", "123\\", "$(reboot)", "`id`", "1;2", "1|2", "1&2",
    "1>x", "ATZ", "123\r", "123\t", "123\x7f", "12\xc3\xa9",
};

START_TEST(test_hostile_phone_numbers_are_refused) {
    PeersEntry e = modem();
    strcpy(e.phone, hostile_phones[_i]);
    ck_assert_msg(!peers_phone_is_valid(e.phone), "accepted phone \"%s\"", e.phone);
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    ck_assert_int_eq(format_result(&e), -EINVAL);
}
END_TEST

static const char *const hostile_names[] = {
    "", "x\nplugin evil.so", "../x", "-x", ".x", "/dev/sda", "tty S0", "ttyS0\"", "ttyS0'", "a$b",
    "a;b", "a\\b", "ttyS0\n", "a/b",
};

START_TEST(test_hostile_device_names_are_refused) {
    PeersEntry e = modem();
    strcpy(e.device_name, hostile_names[_i]);
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);

    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPPOE;
    strcpy(e.device_name, hostile_names[_i]);
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
}
END_TEST

static const char *const hostile_hosts[] = {
    "", "vpn\nplugin evil.so", "vpn --x", "-vpn", ".vpn", "vpn;id", "vpn$(id)", "vpn\"", "a b", "vpn/x",
};

START_TEST(test_hostile_vpn_servers_are_refused) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = _i % 2 ? PEERS_DEVICE_L2TP : PEERS_DEVICE_PPTP;
    for (size_t i = 0; i < ELEMENTSOF(hostile_hosts); i++) {
        strcpy(e.phone, hostile_hosts[i]);
        ck_assert_msg(peers_entry_validate(&e) == -EINVAL, "accepted server \"%s\"", e.phone);
    }
}
END_TEST

START_TEST(test_hostile_addresses_and_services_and_numbers_are_refused) {
    PeersEntry e = modem();
    strcpy(e.ip, "10.0.0.1\nplugin");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    e = modem();
    strcpy(e.dns, "10.0.0.1 x");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    e = modem();
    strcpy(e.dns_alt, "::1");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    e = modem();
    e.encryption = 4;
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    e = modem();
    e.redial_count = PEERS_REDIAL_MAX + 1;
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    e = modem();
    e.redial_pause = PEERS_PAUSE_MAX + 1;
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);

    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPPOE;
    strcpy(e.device_name, "eth0");
    strcpy(e.phone, "svc\nplugin evil.so");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    strcpy(e.phone, "svc name");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
    strcpy(e.device_name, "eth0123456789abc");   /* 16 > IFNAMSIZ - 1 */
    strcpy(e.phone, "");
    ck_assert_int_eq(peers_entry_validate(&e), -EINVAL);
}
END_TEST

START_TEST(test_overlong_strings_are_refused) {
    char longest[PEERS_NAME_MAX + 2];
    memset(longest, '1', sizeof(longest) - 1);
    longest[PEERS_NAME_MAX + 1] = '\0';
    ck_assert(!peers_phone_is_valid(longest));
    ck_assert(!peers_host_is_valid(longest));
    ck_assert(!peers_tty_name_is_valid(longest));
    longest[PEERS_NAME_MAX] = '\0';
    ck_assert(peers_phone_is_valid(longest));
}
END_TEST

START_TEST(test_unmanaged_option_bits_are_not_written) {
    PeersEntry e = modem();
    e.options |= RASEO_TerminalAfterDial | RASEO_CustomScript | RASEO_ModemLights;
    char *text = format_text(&e, NULL);
    PeersEntry back;
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    ck_assert_uint_eq(back.options & (RASEO_TerminalAfterDial | RASEO_CustomScript | RASEO_ModemLights), 0);
    free(text);
}
END_TEST

/* ------------------------------------------------ hand-written files */

static const char hand_written[] =
    "# my ISP, by hand\n"
    "/dev/ttyS1 57600\n"
    "connect \"/usr/sbin/chat -v -f /etc/chatscripts/isp\"\n"
    "connect '/usr/sbin/chat -v \"\" ATZ OK ATDT0800123456 CONNECT'\n"
    "user \"alice@isp\"\n"
    "asyncmap 0\n"
    "\n"
    "refuse-pap\n"
    "refuse-chap\n"
    "persist\n"
    "holdoff 15\n"
    "lcp-echo-interval 30  # keepalive\n"
    "defaultroute\n"
    "ms-dns 192.0.2.1\n";

START_TEST(test_hand_written_entry_reads_what_maps_and_keeps_the_rest) {
    PeersEntry e;
    char **kept = NULL;
    ck_assert_int_eq(peers_entry_parse(hand_written, &e, &kept), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_MODEM);
    ck_assert_str_eq(e.device_name, "ttyS1");
    ck_assert_str_eq(e.phone, "0800123456");
    ck_assert(e.options & RASEO_RemoteDefaultGateway);
    ck_assert(e.options & RASEO_SpecificNameServers);
    ck_assert_str_eq(e.dns, "192.0.2.1");
    ck_assert(e.options & RASEO_RequireMsCHAP2);
    ck_assert(!(e.options & RASEO_RequirePAP));
    ck_assert(!(e.options & RASEO_RequireCHAP));
    ck_assert(e.options2 & RASEO2_ReconnectIfDropped);
    ck_assert_uint_eq(e.redial_count, 9);    /* pppd's default maxfail 10 */
    ck_assert_uint_eq(e.redial_pause, 15);

    ck_assert_uint_eq(n_lines(kept), 4);
    ck_assert_str_eq(kept[0], "# my ISP, by hand");
    ck_assert_str_eq(kept[1], "user \"alice@isp\"");
    ck_assert_str_eq(kept[2], "asyncmap 0");
    ck_assert_str_eq(kept[3], "lcp-echo-interval 30  # keepalive");

    /* written again: the kept lines stay, once, after the device */
    char *text = format_text(&e, kept);
    ck_assert(has_line(text, "user \"alice@isp\""));
    ck_assert(has_line(text, "lcp-echo-interval 30  # keepalive"));
    ck_assert(strstr(text, "connect") < strstr(text, "asyncmap 0"));
    PeersEntry again;
    char **kept2 = NULL;
    ck_assert_int_eq(peers_entry_parse(text, &again, &kept2), 0);
    ck_assert_uint_eq(n_lines(kept2), 4);
    assert_same(&e, &again);
    free_kept(kept2);
    free(text);
    free_kept(kept);
}
END_TEST

START_TEST(test_hand_written_pppoe_and_pptp_files_are_recognised) {
    PeersEntry e;
    ck_assert_int_eq(peers_entry_parse("plugin rp-pppoe.so\neth0\nuser bob\nnoipdefault\n", &e, NULL), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_PPPOE);
    ck_assert_str_eq(e.device_name, "eth0");

    ck_assert_int_eq(peers_entry_parse("pty \"pptp 198.51.100.4 --nolaunchpppd\"\nrequire-mppe-128\n", &e, NULL), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_PPTP);
    ck_assert_str_eq(e.phone, "198.51.100.4");
    ck_assert_uint_eq(e.encryption, ET_RequireMax);
    ck_assert(e.options & RASEO_RequireDataEncryption);

    /* another plugin is not a device: its line is kept */
    char **kept = NULL;
    ck_assert_int_eq(peers_entry_parse("plugin passwordfd.so\n", &e, &kept), 0);
    ck_assert_int_eq(e.device, PEERS_DEVICE_NONE);
    ck_assert_uint_eq(n_lines(kept), 1);
    free_kept(kept);
}
END_TEST

START_TEST(test_our_own_header_is_not_kept_twice) {
    PeersEntry e = modem();
    char *text = format_text(&e, NULL);
    char **kept = NULL;
    PeersEntry back;
    ck_assert_int_eq(peers_entry_parse(text, &back, &kept), 0);
    ck_assert_uint_eq(n_lines(kept), 0);
    free_kept(kept);
    free(text);
}
END_TEST

START_TEST(test_parse_survives_junk) {
    static const char *const junk[] = {
        "", "\n\n\n", "\"unterminated", "connect", "idle", "idle x", "maxfail -1", "ms-dns", "ms-dns junk",
        "999.1.1.1:", ":", "pty", "pty \"\"", "plugin", "\\", "a\\", "remotenumber", "nic-", "/dev/",
        "holdoff 99999999999999999999",
    };
    for (size_t i = 0; i < ELEMENTSOF(junk); i++) {
        PeersEntry e;
        char **kept = NULL;
        ck_assert_int_eq(peers_entry_parse(junk[i], &e, &kept), 0);
        free_kept(kept);
    }
}
END_TEST

/* ------------------------------------------------- the real programs */

/* Every option set, for each device. */
static PeersEntry everything(PeersDevice device) {
    PeersEntry e;
    peers_entry_init(&e);
    e.device = device;
    if (device == PEERS_DEVICE_MODEM) {
        strcpy(e.device_name, "ttyS0");
        strcpy(e.phone, "+1 (555) 010-99#*,W");
    } else if (device == PEERS_DEVICE_PPPOE) {
        strcpy(e.device_name, "eth0");
        strcpy(e.phone, "svc");
    } else
        strcpy(e.phone, "vpn.example.com");
    e.options |= RASEO_RemoteDefaultGateway | RASEO_RequireMsCHAP2 | RASEO_SpecificIpAddr |
                 RASEO_SpecificNameServers | RASEO_RequireDataEncryption;
    e.options &= ~(uint32_t) (RASEO_SwCompression | RASEO_IpHeaderCompression);
    strcpy(e.ip, "10.0.0.5");
    strcpy(e.dns, "192.0.2.53");
    strcpy(e.dns_alt, "192.0.2.54");
    e.net_protocols |= RASNP_Ipv6;
    e.encryption = ET_RequireMax;
    e.idle_seconds = 300;
    e.redial_count = 2;
    e.redial_pause = 10;
    e.options2 |= RASEO2_ReconnectIfDropped;
    e.multilink = true;
    return e;
}

/* pppd's exit status for "an error in the options" (pppd.h EXIT_OPTION_ERROR). */
#define PPPD_EXIT_OPTION_ERROR 2

/* pppd parses the file written for e and every option in it (dryrun). */
static void assert_pppd_reads(const PeersEntry *e) {
    char *text = format_text(e, NULL);
    char path[] = "/tmp/pppras-peers.XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, text, strlen(text)), (int) strlen(text));
    close(fd);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, STDOUT_FILENO);
            dup2(null, STDERR_FILENO);
        }
        /* dryrun: parse and check every option, then stop before the link */
        execl("/usr/sbin/pppd", "pppd", "file", path, "dryrun", "nodetach", (char *) NULL);
        _exit(127);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    unlink(path);
    ck_assert(WIFEXITED(status));
    /* no /dev/ppp on a build machine: pppd stops after the options with 4 */
    ck_assert_msg(WEXITSTATUS(status) != PPPD_EXIT_OPTION_ERROR && WEXITSTATUS(status) != 127,
                  "pppd refused the options (%d) of\n%s", WEXITSTATUS(status), text);
    free(text);
}

START_TEST(test_the_real_pppd_reads_every_file_written) {
    static const PeersDevice devices[] = {
        PEERS_DEVICE_MODEM, PEERS_DEVICE_PPPOE, PEERS_DEVICE_PPTP, PEERS_DEVICE_L2TP,
    };
    PeersDevice device = devices[_i];
    /* pppd reads a "file" as root only, and checks that the tty exists */
    if (geteuid() != 0 || access("/usr/sbin/pppd", X_OK) < 0 ||
        (device == PEERS_DEVICE_MODEM && access("/dev/ttyS0", F_OK) < 0))
        return;
    PeersEntry e = everything(device);
    assert_pppd_reads(&e);
}
END_TEST

/* A default PPTP entry: "+mppe-40" and "+mppe-128" are options pppd knows. */
START_TEST(test_the_real_pppd_reads_the_default_pptp_entry) {
    if (geteuid() != 0 || access("/usr/sbin/pppd", X_OK) < 0)
        return;
    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPTP;
    strcpy(e.phone, "vpn.example.com");
    assert_pppd_reads(&e);
}
END_TEST

/* The double-quoted word after "connect " as pppd's options.c getword()
 * reads it: a backslash takes the next character (the lines written use
 * it only before a backslash or a quote). */
static char *pppd_connect_word(const char *text) {
    const char *p = strstr(text, "connect \"");
    ck_assert_ptr_nonnull(p);
    p += strlen("connect \"");
    char *w = malloc(strlen(p) + 1), *o = w;
    ck_assert_ptr_nonnull(w);
    for (; *p && *p != '"'; p++) {
        if (*p == '\\') {
            p++;
            ck_assert_msg(*p == '\\' || *p == '"', "pppd would read \\%c as another character", *p);
        }
        *o++ = *p;
    }
    ck_assert_int_eq(*p, '"');
    *o = '\0';
    return w;
}

/* The connect string run by sh as pppd runs it, with printf in chat's
 * place; its output in out. */
static int run_connect_as_printf(const char *word, char out[static 4096]) {
    const char *chat = "/usr/sbin/chat";
    ck_assert_int_eq(strncmp(word, chat, strlen(chat)), 0);
    char *cmd;
    ck_assert_int_ge(asprintf(&cmd, "printf '[%%s]\\n'%s", word + strlen(chat)), 0);
    FILE *p = popen(cmd, "r");
    ck_assert_ptr_nonnull(p);
    size_t n = fread(out, 1, 4095, p);
    out[n] = '\0';
    free(cmd);
    return pclose(p);
}

START_TEST(test_the_shell_reads_the_chat_script_as_the_words_meant) {
    PeersEntry e = everything(PEERS_DEVICE_MODEM);
    char *text = format_text(&e, NULL);
    PeersEntry back;
    ck_assert_int_eq(peers_entry_parse(text, &back, NULL), 0);
    char *word = pppd_connect_word(text), out[4096];

    unsetenv("PPPRAS_PHONE");
    unsetenv("PPPRAS_CHAT_STATUS");
    ck_assert_int_eq(run_connect_as_printf(word, out), 0);
    ck_assert_ptr_nonnull(strstr(out, "\n[NO CARRIER]\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n[-T]\n[+1 (555) 010-99#*,W]\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n[ATDT\\T]\n"));
    ck_assert_ptr_nonnull(strstr(out, "\n[]\n"));

    /* the dial's override replaces the number; chat's status goes where the plugin says */
    char status[] = "/tmp/pppras-chat-status.XXXXXX";
    int fd = mkstemp(status);
    ck_assert_int_ge(fd, 0);
    close(fd);
    setenv("PPPRAS_PHONE", "9,111", 1);
    setenv("PPPRAS_CHAT_STATUS", status, 1);
    ck_assert_int_eq(run_connect_as_printf(word, out), 0);
    ck_assert_ptr_nonnull(strstr(out, "\n[-T]\n[9,111]\n"));
    ck_assert_ptr_null(strstr(out, "555"));
    FILE *f = fopen(status, "re");
    ck_assert_ptr_nonnull(f);
    char line[16] = "";
    ck_assert_ptr_nonnull(fgets(line, sizeof(line), f));
    fclose(f);
    unlink(status);
    ck_assert_str_eq(line, "0\n");
    unsetenv("PPPRAS_PHONE");
    unsetenv("PPPRAS_CHAT_STATUS");
    free(word);
    free(text);
}
END_TEST

/* A dial's override is what it replaces: a number, a server, a service. */
START_TEST(test_dial_override_takes_the_alphabet_of_what_it_replaces) {
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_MODEM, "+1 (555) 010-99#*,W"));
    ck_assert(!peers_dial_phone_is_valid(PEERS_DEVICE_MODEM, "vpn.example.com"));
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_PPTP, "vpn.example.com"));
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_L2TP, "2001:db8::1"));
    ck_assert(!peers_dial_phone_is_valid(PEERS_DEVICE_PPTP, "a b"));
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_PPPOE, "isp_2.fast"));
    ck_assert(!peers_dial_phone_is_valid(PEERS_DEVICE_PPPOE, "isp 2"));
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_NONE, "555"));
    ck_assert(peers_dial_phone_is_valid(PEERS_DEVICE_NONE, "host.example"));
    static const char *const bad[] = { "", "-1", " 1", "-", "1;2", "$(id)", "1'2", "1\"2", "1\\T", "1\n2", "1}" };
    for (PeersDevice d = PEERS_DEVICE_NONE; d < _PEERS_DEVICE_MAX; d++)
        for (size_t i = 0; i < ELEMENTSOF(bad); i++)
            ck_assert_msg(!peers_dial_phone_is_valid(d, bad[i]), "device %d took \"%s\"", (int) d, bad[i]);
}
END_TEST

/* The pty option's text as pppd hands it to sh: the quoted word after
 * "pty ", its backslash escapes undone. */
static char *pty_command(const char *text) {
    const char *p = strstr(text, "pty \"");
    ck_assert_ptr_nonnull(p);
    p += strlen("pty \"");
    char *cmd = malloc(strlen(p) + 1), *o = cmd;
    ck_assert_ptr_nonnull(cmd);
    for (; *p && *p != '"'; p++)
        *o++ = *p == '\\' && p[1] ? *++p : *p;
    *o = '\0';
    return cmd;
}

/* Runs a PPTP entry's pty command in sh with a stand-in for pptp that
 * records its words and exits pptp_rc; phone is PPPRAS_PHONE (NULL:
 * unset).  What it left in PPPRAS_DEVICE_ERROR goes to error ("" for
 * nothing), the stand-in's words, one a line, to words. */
static void run_pptp_line(const char *server, const char *phone, int pptp_rc, char *error, char *words) {
    char dir[SCRATCH_PATH_MAX], fake[SCRATCH_PATH_MAX], err[SCRATCH_PATH_MAX], out[SCRATCH_PATH_MAX];
    scratch_dir_new(dir);
    scratch_path(out, dir, "words");
    scratch_path(err, dir, "error");
    char *script;
    ck_assert_int_ge(asprintf(&script, "#!/bin/sh\nfor w; do printf '[%%s]\\n' \"$w\"; done >%s\nexit %d\n", out, pptp_rc), 0);
    scratch_write(dir, "pptp", script);
    free(script);
    scratch_path(fake, dir, "pptp");
    ck_assert_int_eq(chmod(fake, 0755), 0);

    PeersEntry e;
    peers_entry_init(&e);
    e.device = PEERS_DEVICE_PPTP;
    strcpy(e.phone, server);
    char *text = format_text(&e, NULL);
    char *cmd = pty_command(text);
    ck_assert_int_eq(strncmp(cmd, "/usr/sbin/pptp ", 15), 0);
    char *run;
    ck_assert_int_ge(asprintf(&run, "%s%s", fake, cmd + strlen("/usr/sbin/pptp")), 0);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (phone)
            setenv("PPPRAS_PHONE", phone, 1);
        else
            unsetenv("PPPRAS_PHONE");
        setenv("PPPRAS_DEVICE_ERROR", err, 1);
        if (chdir(dir) < 0)
            _exit(126);
        execl("/bin/sh", "sh", "-c", run, (char *) NULL);
        _exit(127);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));

    FILE *f = fopen(err, "r");
    error[0] = '\0';
    if (f) {
        size_t n = fread(error, 1, 15, f);
        error[n] = '\0';
        fclose(f);
    }
    f = fopen(out, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(words, 1, 511, f);
    words[n] = '\0';
    fclose(f);
    /* the directory holds what the test made, and nothing a word created */
    ck_assert_uint_eq(scratch_count(dir), error[0] ? 3 : 2);
    free(run);
    free(cmd);
    free(text);
    scratch_dir_remove(dir);
}

/* The pty line as sh runs it: pptp gets the entry's server, or the dial's
 * own, as one word whatever it holds; only when pptp fails is a code
 * written: 800 for a name that resolves, 868 for one that does not. */
START_TEST(test_the_shell_runs_the_pptp_line_as_meant) {
    char error[16], words[512];

    run_pptp_line("127.0.0.1", NULL, 0, error, words);
    ck_assert_str_eq(words, "[127.0.0.1]\n[--nolaunchpppd]\n");
    ck_assert_str_eq(error, "");

    run_pptp_line("127.0.0.1", NULL, 1, error, words);
    ck_assert_str_eq(error, "800\n");

    run_pptp_line("nosuch.invalid", NULL, 1, error, words);
    ck_assert_str_eq(words, "[nosuch.invalid]\n[--nolaunchpppd]\n");
    ck_assert_str_eq(error, "868\n");

    run_pptp_line("nosuch.invalid", "127.0.0.1", 1, error, words);
    ck_assert_str_eq(words, "[127.0.0.1]\n[--nolaunchpppd]\n");
    ck_assert_str_eq(error, "800\n");

    static const char *const hostile[] = { "$(touch pwned)", "`touch pwned`", "a b;touch pwned", "*", "a\"b'c" };
    for (size_t i = 0; i < ELEMENTSOF(hostile); i++) {
        char want[128];
        run_pptp_line("127.0.0.1", hostile[i], 0, error, words);
        snprintf(want, sizeof(want), "[%s]\n[--nolaunchpppd]\n", hostile[i]);
        ck_assert_str_eq(words, want);
        ck_assert_str_eq(error, "");
    }
}
END_TEST

Suite *peers_entry_suite(void) {
    Suite *s = suite_create("peers_entry");
    TCase *tc = tcase_create("devices");
    tcase_add_test(tc, test_modem_entry_round_trips_with_a_generated_chat_script);
    tcase_add_test(tc, test_modem_named_by_id_lives_under_dev_serial_by_id);
    tcase_add_test(tc, test_modem_number_reads_back_from_the_connect_line);
    tcase_add_test(tc, test_pppoe_entry_loads_the_plugin_on_its_interface);
    tcase_add_test(tc, test_pppoe_interface_follows_the_kept_discovery_options);
    tcase_add_test(tc, test_pptp_entry_runs_pptp_as_the_pty);
    tcase_add_test(tc, test_pptp_optional_encryption_asks_for_mppe);
    tcase_add_test(tc, test_plus_mppe_elsewhere_reads_as_required);
    tcase_add_test(tc, test_pptp_server_reads_back_from_the_phone_default);
    tcase_add_test(tc, test_the_shell_runs_the_pptp_line_as_meant);
    tcase_add_test(tc, test_l2tp_entry_names_its_server);
    tcase_add_test(tc, test_l2tp_helper_path_is_an_option_and_read_back_from_any_path);
    tcase_add_test(tc, test_l2tp_plugin_entries_of_old_still_read_as_l2tp);
    tcase_add_test(tc, test_ras_device_types_and_vpn_strategies_map_both_ways);
    suite_add_tcase(s, tc);

    tc = tcase_create("options");
    tcase_add_loop_test(tc, test_each_option_is_written_and_read_back, 0, (int) ELEMENTSOF(option_cases));
    tcase_add_test(tc, test_defaults_ask_the_peer_and_keep_compression);
    tcase_add_test(tc, test_encrypted_password_flags_refuse_what_they_exclude);
    tcase_add_test(tc, test_reconnect_without_redials_is_persist_maxfail_1);
    tcase_add_test(tc, test_unmanaged_option_bits_are_not_written);
    suite_add_tcase(s, tc);

    tc = tcase_create("hostile");
    tcase_add_loop_test(tc, test_hostile_phone_numbers_are_refused, 0, (int) ELEMENTSOF(hostile_phones));
    tcase_add_loop_test(tc, test_hostile_device_names_are_refused, 0, (int) ELEMENTSOF(hostile_names));
    tcase_add_loop_test(tc, test_hostile_vpn_servers_are_refused, 0, 2);
    tcase_add_test(tc, test_hostile_addresses_and_services_and_numbers_are_refused);
    tcase_add_test(tc, test_overlong_strings_are_refused);
    tcase_add_test(tc, test_dial_override_takes_the_alphabet_of_what_it_replaces);
    suite_add_tcase(s, tc);

    tc = tcase_create("hand_written");
    tcase_add_test(tc, test_hand_written_entry_reads_what_maps_and_keeps_the_rest);
    tcase_add_test(tc, test_hand_written_pppoe_and_pptp_files_are_recognised);
    tcase_add_test(tc, test_our_own_header_is_not_kept_twice);
    tcase_add_test(tc, test_parse_survives_junk);
    suite_add_tcase(s, tc);

    tc = tcase_create("real_programs");
    tcase_add_test(tc, test_the_real_pppd_reads_the_default_pptp_entry);
    tcase_add_loop_test(tc, test_the_real_pppd_reads_every_file_written, 0, 4);
    tcase_add_test(tc, test_the_shell_reads_the_chat_script_as_the_words_meant);
    suite_add_tcase(s, tc);
    return s;
}
