/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The one place that knows which pppd plugin API we build against.
 *
 * ppp 2.4.9 (Debian bookworm's ppp-dev) exports globals (ifname, devnam,
 * ipparam, ...) and notifier lists (add_notifier(&phasechange, ...)); ppp 2.5
 * hides them behind accessors (ppp_ifname(), ppp_add_notify(NF_..., ...))
 * and splits its headers (<pppd/options.h>, <pppd/upap.h>, <pppd/chap.h>,
 * <pppd/multilink.h>).  The plugin calls only the pppd_* wrappers below,
 * so its body has no #if.
 *
 * Neither version exposes the current phase to plugins in a portable way
 * (2.5 made the global private), so the plugin tracks it from the phase
 * notifier; both versions enter PHASE_INITIALIZE before loading plugins. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#if __has_include(<pppd/options.h>)
#  define PPPRAS_PPPD_API 25
/* 2.5 declares several accessors as "f()" rather than "f(void)". */
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wstrict-prototypes"
#  include <pppd/pppd.h>
#  include <pppd/options.h>
#  include <pppd/fsm.h>
#  include <pppd/lcp.h>
#  include <pppd/ipcp.h>
#  include <pppd/eui64.h>
#  include <pppd/ipv6cp.h>
#  include <pppd/upap.h>
#  include <pppd/chap.h>
#  include <pppd/multilink.h>
#  pragma GCC diagnostic pop
#  define PPPRAS_PPPD_VERSION_STRING PPPD_VERSION
#else
#  define PPPRAS_PPPD_API 24
/* Debian's (and every distribution's) 2.4.9 pppd is built with these; the
 * headers hide multilink and IPv6 declarations without them. */
#  ifndef HAVE_MULTILINK
#    define HAVE_MULTILINK 1
#  endif
#  ifndef INET6
#    define INET6 1
#  endif
/* 2.4.9 typedefs its own 1-byte "bool"; let it name that type pppd_bool
 * and keep C's bool for the rest of the plugin. */
#  undef bool
#  define bool pppd_bool
#  include <pppd/pppd.h>
#  include <pppd/fsm.h>
#  include <pppd/lcp.h>
#  include <pppd/ipcp.h>
#  include <pppd/eui64.h>
#  include <pppd/ipv6cp.h>
#  include <pppd/chap-new.h>
#  undef bool
#  define bool _Bool
#  define PPPRAS_PPPD_VERSION_STRING VERSION
#endif

typedef void (*pppd_notify_fn)(void *userdata, int arg);

typedef enum PppdNotify {
    PPPD_NOTIFY_PHASE,       /* arg: the new PHASE_* */
    PPPD_NOTIFY_EXIT,        /* arg: the exit status */
    PPPD_NOTIFY_IP_UP,
    PPPD_NOTIFY_IP_DOWN,
    PPPD_NOTIFY_IPV6_UP,
    PPPD_NOTIFY_IPV6_DOWN,
    PPPD_NOTIFY_AUTH_UP,     /* every authentication done, entering the network phase */
    PPPD_NOTIFY_PID_CHANGE,  /* in the parent of a detach: arg is the child's pid */
    PPPD_NOTIFY_FORK,        /* in a child forked to run a script or program */
} PppdNotify;

/* Password hooks: fill user (MAXNAMELEN) and passwd (MAXSECRETLEN, may be
 * NULL: "could you?") and return 1, 0 for "no", < 0 for "ask elsewhere"
 * (pap; chap treats < 0 as failure).  Check hooks: 1/0, < 0 "ask elsewhere". */
typedef int (*pppd_passwd_hook_fn)(char *user, char *passwd);
typedef int (*pppd_check_hook_fn)(void);
typedef void (*pppd_join_hook_fn)(void);

/* Link counters as pppd measured them between network up and down. */
typedef struct PppdLinkStats {
    uint64_t bytes_in;
    uint64_t bytes_out;
    uint64_t packets_in;
    uint64_t packets_out;
} PppdLinkStats;

#if PPPRAS_PPPD_API >= 25

static inline void pppd_add_notify(PppdNotify which, pppd_notify_fn fn, void *userdata) {
    static const ppp_notify_t types[] = {
        [PPPD_NOTIFY_PHASE] = NF_PHASE_CHANGE,     [PPPD_NOTIFY_EXIT] = NF_EXIT,
        [PPPD_NOTIFY_IP_UP] = NF_IP_UP,            [PPPD_NOTIFY_IP_DOWN] = NF_IP_DOWN,
        [PPPD_NOTIFY_IPV6_UP] = NF_IPV6_UP,        [PPPD_NOTIFY_IPV6_DOWN] = NF_IPV6_DOWN,
        [PPPD_NOTIFY_AUTH_UP] = NF_AUTH_UP,
        [PPPD_NOTIFY_PID_CHANGE] = NF_PID_CHANGE,  [PPPD_NOTIFY_FORK] = NF_FORK,
    };
    ppp_add_notify(types[which], fn, userdata);
}

/* Not in 2.5's installed headers, but pppd links with -Wl,-E for its
 * plugins, and the option variable has kept its name since 2.3. */
extern char *bundle_name;
/* Likewise tty.c's "pty" option (pppd-private.h in 2.5). */
extern char *ptycommand;

static inline void pppd_add_options(option_t *options) { ppp_add_options(options); }
static inline void pppd_timeout(void (*fn)(void *), void *arg, int s, int us) { ppp_timeout(fn, arg, s, us); }
static inline void pppd_untimeout(void (*fn)(void *), void *arg) { ppp_untimeout(fn, arg); }
static inline const char *pppd_ifname(void) { return ppp_ifname(); }
static inline const char *pppd_ipparam(void) { return ppp_ipparam(); }
static inline const char *pppd_tty_name(void) { return ppp_pppdevnam(); }
static inline const char *pppd_devnam(void) { return ppp_devnam(); }
static inline const char *pppd_remote_number(void) { return ppp_get_remote_number(); }
static inline bool pppd_uses_pty(void) { return ppp_using_pty(); }
static inline int pppd_exit_status(void) { return (int) ppp_status(); }
static inline int pppd_idle_limit(void) { return ppp_get_max_idle_time(); }
static inline int pppd_max_connect(void) { return ppp_get_max_connect_time(); }
static inline bool pppd_multilink(void) { return mp_on(); }

static inline bool pppd_link_stats(PppdLinkStats *ret) {
    ppp_link_stats_st s;
    /* Reads the kernel's counters afresh while the unit exists, else
     * returns what pppd saved when the network went down. */
    if (!ppp_get_link_stats(&s))
        return false;
    *ret = (PppdLinkStats) { s.bytes_in, s.bytes_out, s.pkts_in, s.pkts_out };
    return true;
}

#else

static inline void pppd_add_notify(PppdNotify which, pppd_notify_fn fn, void *userdata) {
    struct notifier **lists[] = {
        [PPPD_NOTIFY_PHASE] = &phasechange,        [PPPD_NOTIFY_EXIT] = &exitnotify,
        [PPPD_NOTIFY_IP_UP] = &ip_up_notifier,     [PPPD_NOTIFY_IP_DOWN] = &ip_down_notifier,
        [PPPD_NOTIFY_IPV6_UP] = &ipv6_up_notifier, [PPPD_NOTIFY_IPV6_DOWN] = &ipv6_down_notifier,
        [PPPD_NOTIFY_AUTH_UP] = &auth_up_notifier,
        [PPPD_NOTIFY_PID_CHANGE] = &pidchange,     [PPPD_NOTIFY_FORK] = &fork_notifier,
    };
    add_notifier(lists[which], fn, userdata);
}

static inline void pppd_add_options(option_t *options) { add_options(options); }
static inline void pppd_timeout(void (*fn)(void *), void *arg, int s, int us) { timeout(fn, arg, s, us); }
static inline void pppd_untimeout(void (*fn)(void *), void *arg) { untimeout(fn, arg); }
static inline const char *pppd_ifname(void) { return ifname; }
static inline const char *pppd_ipparam(void) { return ipparam; }
static inline const char *pppd_tty_name(void) { return ppp_devnam; }
static inline const char *pppd_devnam(void) { return devnam; }
static inline const char *pppd_remote_number(void) { return remote_number; }
/* Set for both "pty" and "notty", like 2.5's ppp_using_pty(). */
static inline bool pppd_uses_pty(void) { return using_pty; }
static inline int pppd_exit_status(void) { return status; }
static inline int pppd_idle_limit(void) { return idle_time_limit; }
static inline int pppd_max_connect(void) { return maxconnect; }
static inline bool pppd_multilink(void) { return multilink; }

static inline bool pppd_link_stats(PppdLinkStats *ret) {
    /* update_link_stats() fills link_stats just before the ip-down
     * notifiers run; print_link_stats() clears the flag right after. */
    if (!link_stats_valid)
        return false;
    *ret = (PppdLinkStats) { link_stats.bytes_in, link_stats.bytes_out,
                             link_stats.pkts_in, link_stats.pkts_out };
    return true;
}

#endif

/* The device the link runs over: the tty pppd opened (for "pty", the
 * pty's slave, which pppd allocates when the link starts and never puts in
 * devnam), else devnam (a channel plugin's device, e.g. PPPoE's
 * interface). */
static inline const char *pppd_device(void) {
    const char *tty = pppd_tty_name();
    return tty && *tty ? tty : pppd_devnam();
}

/* 2.4.9 always has multilink (see HAVE_MULTILINK above); 2.5 has it only
 * when configured with --enable-multilink, and then says so in
 * <pppd/pppdconf.h>.  Without it there is no bundle to join or name. */
#if PPPRAS_PPPD_API < 25 || defined(PPP_WITH_MULTILINK)
#  define PPPRAS_PPPD_MULTILINK 1
#else
#  define PPPRAS_PPPD_MULTILINK 0
#endif

/* The hook variables have the same names and types in both versions. */
static inline pppd_passwd_hook_fn *pppd_pap_passwd_hook(void) { return &pap_passwd_hook; }
static inline pppd_passwd_hook_fn *pppd_chap_passwd_hook(void) { return &chap_passwd_hook; }
static inline pppd_check_hook_fn *pppd_pap_check_hook(void) { return &pap_check_hook; }
static inline pppd_check_hook_fn *pppd_chap_check_hook(void) { return &chap_check_hook; }

/* NULL when this pppd has no multilink. */
static inline pppd_join_hook_fn *pppd_multilink_join_hook(void) {
#if PPPRAS_PPPD_MULTILINK
    return &multilink_join_hook;
#else
    return NULL;
#endif
}

static inline const char *pppd_bundle_name(void) { return bundle_name; }

/* The peer's endpoint discriminator in pppd's own notation ("IP:10.0.0.1",
 * "MAC:...", "magic:..."), which with its name identifies the bundle;
 * NULL until LCP has negotiated one, or when this pppd has no multilink. */
static inline const char *pppd_peer_endpoint(void) {
#if PPPRAS_PPPD_MULTILINK
    if (lcp_hisoptions[0].neg_endpoint)
        return epdisc_to_str(&lcp_hisoptions[0].endpoint);
#endif
    return NULL;
}

/* Authentication protocol LCP negotiated, as the contract names it:
 * peer_side = the peer authenticates to us (what we asked for), else we
 * authenticate to the peer (what the peer asked of us).  pppd prefers EAP,
 * then CHAP, then PAP in that order (auth.c link_established()). */
static inline const char *pppd_auth_protocol(bool peer_side) {
    const lcp_options *o = peer_side ? &lcp_gotoptions[0] : &lcp_hisoptions[0];

    if (o->neg_eap)
        return "eap";
    if (o->neg_chap) {
        if (o->chap_mdtype & MDTYPE_MD5)
            return "chap";
        if (o->chap_mdtype & MDTYPE_MICROSOFT_V2)
            return "mschapv2";
        if (o->chap_mdtype & MDTYPE_MICROSOFT)
            return "mschap";
        return "chap";
    }
    if (o->neg_upap)
        return "pap";
    return NULL;
}

/* Which kind of channel carries the link.  Channel plugins (rp-pppoe,
 * pppol2tp) replace the_channel with their own, whose option table is
 * theirs: its option names are the most stable signal both versions
 * offer. */
static inline bool pppd_channel_has_option(const char *prefix) {
    if (!the_channel || !the_channel->options)
        return false;
    for (const option_t *o = the_channel->options; o->name; o++)
        if (strncmp(o->name, prefix, strlen(prefix)) == 0)
            return true;
    return false;
}

/* The "pty" option's command, NULL without one. */
static inline const char *pppd_pty_command(void) { return ptycommand; }

static inline const char *pppd_device_type(void) {
    if (pppd_channel_has_option("pppoe-") || pppd_channel_has_option("rp_pppoe_"))
        return "pppoe";
    if (pppd_channel_has_option("pppol2tp"))
        return "l2tp";
    return pppd_uses_pty() ? "pty" : "modem";
}

/* IPCP results, network byte order, 0 when not negotiated. */
static inline uint32_t pppd_ip_local(void) { return ipcp_gotoptions[0].ouraddr; }
static inline uint32_t pppd_ip_remote(void) { return ipcp_hisoptions[0].hisaddr; }
static inline uint32_t pppd_ip_dns(unsigned i) { return i < 2 ? ipcp_gotoptions[0].dnsaddr[i] : 0; }

/* IPV6CP interface identifiers (8 bytes each). */
static inline void pppd_ipv6_ids(uint8_t local[static 8], uint8_t remote[static 8]) {
    memcpy(local, &ipv6cp_gotoptions[0].ourid, 8);
    memcpy(remote, &ipv6cp_hisoptions[0].hisid, 8);
}

/* Chains onto pppd's received-packet snoop hook; returns the previous hook. */
typedef void (*pppd_snoop_fn)(unsigned char *packet, int len);
static inline pppd_snoop_fn pppd_set_snoop_recv(pppd_snoop_fn fn) {
    pppd_snoop_fn previous = snoop_recv_hook;
    snoop_recv_hook = fn;
    return previous;
}
