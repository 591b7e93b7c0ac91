/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The one place that knows which pppd plugin API we build against.
 *
 * ppp 2.4.9 (Debian bookworm's ppp-dev) exports globals (ifname, devnam,
 * ipparam, ...) and notifier lists (add_notifier(&phasechange, ...)); ppp 2.5
 * hides them behind accessors (ppp_ifname(), ppp_add_notify(NF_..., ...))
 * and splits its headers (<pppd/options.h>, <pppd/pppdconf.h>).  The plugin
 * calls only the pppd_* wrappers below, so its body has no #if.
 *
 * Neither version exposes the current phase to plugins in a portable way
 * (2.5 made the global private), so the plugin tracks it from the phase
 * notifier; both versions enter PHASE_INITIALIZE before loading plugins. */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#if __has_include(<pppd/options.h>)
#  define PPPRAS_PPPD_API 25
/* 2.5 declares several accessors as "f()" rather than "f(void)". */
#  pragma GCC diagnostic push
#  pragma GCC diagnostic ignored "-Wstrict-prototypes"
#  include <pppd/pppd.h>
#  include <pppd/options.h>
#  include <pppd/fsm.h>
#  include <pppd/ipcp.h>
#  pragma GCC diagnostic pop
#  define PPPRAS_PPPD_VERSION_STRING PPPD_VERSION
#else
#  define PPPRAS_PPPD_API 24
/* 2.4.9 typedefs its own 1-byte "bool"; let it name that type pppd_bool
 * and keep C's bool for the rest of the plugin. */
#  undef bool
#  define bool pppd_bool
#  include <pppd/pppd.h>
#  include <pppd/fsm.h>
#  include <pppd/ipcp.h>
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
    PPPD_NOTIFY_PID_CHANGE,  /* in the parent of a detach: arg is the child's pid */
    PPPD_NOTIFY_FORK,        /* in a child forked to run a script or program */
} PppdNotify;

#if PPPRAS_PPPD_API >= 25

static inline void pppd_add_notify(PppdNotify which, pppd_notify_fn fn, void *userdata) {
    static const ppp_notify_t types[] = {
        [PPPD_NOTIFY_PHASE] = NF_PHASE_CHANGE,     [PPPD_NOTIFY_EXIT] = NF_EXIT,
        [PPPD_NOTIFY_IP_UP] = NF_IP_UP,            [PPPD_NOTIFY_IP_DOWN] = NF_IP_DOWN,
        [PPPD_NOTIFY_PID_CHANGE] = NF_PID_CHANGE,  [PPPD_NOTIFY_FORK] = NF_FORK,
    };
    ppp_add_notify(types[which], fn, userdata);
}

static inline void pppd_add_options(option_t *options) { ppp_add_options(options); }
static inline void pppd_timeout(void (*fn)(void *), void *arg, int s, int us) { ppp_timeout(fn, arg, s, us); }
static inline void pppd_untimeout(void (*fn)(void *), void *arg) { ppp_untimeout(fn, arg); }
static inline const char *pppd_ifname(void) { return ppp_ifname(); }
static inline const char *pppd_ipparam(void) { return ppp_ipparam(); }
static inline const char *pppd_devnam(void) { return ppp_devnam(); }
static inline const char *pppd_remote_number(void) { return ppp_get_remote_number(); }
static inline bool pppd_uses_pty(void) { return ppp_using_pty(); }

#else

static inline void pppd_add_notify(PppdNotify which, pppd_notify_fn fn, void *userdata) {
    struct notifier **lists[] = {
        [PPPD_NOTIFY_PHASE] = &phasechange,        [PPPD_NOTIFY_EXIT] = &exitnotify,
        [PPPD_NOTIFY_IP_UP] = &ip_up_notifier,     [PPPD_NOTIFY_IP_DOWN] = &ip_down_notifier,
        [PPPD_NOTIFY_PID_CHANGE] = &pidchange,     [PPPD_NOTIFY_FORK] = &fork_notifier,
    };
    add_notifier(lists[which], fn, userdata);
}

static inline void pppd_add_options(option_t *options) { add_options(options); }
static inline void pppd_timeout(void (*fn)(void *), void *arg, int s, int us) { timeout(fn, arg, s, us); }
static inline void pppd_untimeout(void (*fn)(void *), void *arg) { untimeout(fn, arg); }
static inline const char *pppd_ifname(void) { return ifname; }
static inline const char *pppd_ipparam(void) { return ipparam; }
static inline const char *pppd_devnam(void) { return devnam; }
static inline const char *pppd_remote_number(void) { return remote_number; }
static inline bool pppd_uses_pty(void) { return ptycommand != NULL; }

#endif

/* IPCP results, network byte order, 0 when not negotiated. */
static inline uint32_t pppd_ip_local(void) { return ipcp_gotoptions[0].ouraddr; }
static inline uint32_t pppd_ip_remote(void) { return ipcp_hisoptions[0].hisaddr; }
static inline uint32_t pppd_ip_dns(unsigned i) { return i < 2 ? ipcp_gotoptions[0].dnsaddr[i] : 0; }

/* Chains onto pppd's received-packet snoop hook; returns the previous hook. */
typedef void (*pppd_snoop_fn)(unsigned char *packet, int len);
static inline pppd_snoop_fn pppd_set_snoop_recv(pppd_snoop_fn fn) {
    pppd_snoop_fn previous = snoop_recv_hook;
    snoop_recv_hook = fn;
    return previous;
}
