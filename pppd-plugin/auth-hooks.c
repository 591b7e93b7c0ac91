/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "pppd-compat.h"   /* first: it settles 2.4.9's "bool" */

#include <assert.h>
#include <errno.h>
#include <string.h>

#include "auth-hooks.h"
#include "link-secrets.h"

typedef enum SecretsKnown {
    SECRETS_UNKNOWN,       /* not asked on this link yet */
    SECRETS_AVAILABLE,
    SECRETS_NONE,          /* NoSecrets, or no answer: pppd's own files */
} SecretsKnown;

static struct {
    AuthHooksBusFn bus;
    SecretsKnown known;
    bool timeout_logged;
    /* Whatever another plugin had set before us. */
    pppd_passwd_hook_fn previous_pap_passwd;
    pppd_passwd_hook_fn previous_chap_passwd;
    pppd_check_hook_fn previous_chap_check;
} hooks;

/* Fetches into the caller's temporaries.  1, or 0 with nothing to use. */
static int fetch(char name[static MAXNAMELEN], char password[static MAXSECRETLEN]) {
    BusLink *bus = hooks.bus();
    int r = bus ? link_secrets_fetch(bus, LINK_SECRETS_TIMEOUT_MSEC, name, MAXNAMELEN,
                                     password, MAXSECRETLEN)
                : -ENOMEM;
    if (r == 1) {
        hooks.known = SECRETS_AVAILABLE;
        return 1;
    }
    hooks.known = SECRETS_NONE;   /* for the rest of this link: one wait at most */
    if (r == 0)
        dbglog("pppras: ppprasd has no secrets for this link; using pppd's own");
    else if (r == -ETIMEDOUT && !hooks.timeout_logged) {
        hooks.timeout_logged = true;
        warn("pppras: ppprasd did not answer GetSecrets within %d ms; using pppd's own secrets",
             LINK_SECRETS_TIMEOUT_MSEC);
    } else if (r != -ETIMEDOUT)
        dbglog("pppras: no secrets from ppprasd (%s); using pppd's own", strerror(-r));
    return 0;
}

/* Whether the daemon has secrets for us, asking once per link. */
static bool available(void) {
    char name[MAXNAMELEN], password[MAXSECRETLEN];

    if (hooks.known == SECRETS_UNKNOWN) {
        (void) fetch(name, password);
        explicit_bzero(name, sizeof(name));
        explicit_bzero(password, sizeof(password));
    }
    return hooks.known == SECRETS_AVAILABLE;
}

/* Copies fetched credentials into pppd's buffers: the user name only when
 * the daemon has one (else pppd's "user" option stands). */
static void hand_over(char *pppd_user, char *pppd_password,
                      const char name[static MAXNAMELEN], const char password[static MAXSECRETLEN]) {
    assert(pppd_user);
    assert(pppd_password);

    if (*name)
        strcpy(pppd_user, name);        /* both MAXNAMELEN, NUL within */
    strcpy(pppd_password, password);    /* both MAXSECRETLEN, NUL within */
}

static int on_pap_passwd(char *pppd_user, char *pppd_passwd) {
    char u[MAXNAMELEN], p[MAXSECRETLEN];
    int r = 0;

    if (!pppd_passwd) {
        /* auth_reset(): could we authenticate ourselves with PAP? */
        if (available())
            return 1;
    } else if (hooks.known != SECRETS_NONE && fetch(u, p) == 1) {
        hand_over(pppd_user, pppd_passwd, u, p);
        r = 1;
    }
    explicit_bzero(u, sizeof(u));
    explicit_bzero(p, sizeof(p));
    if (r == 1)
        return 1;
    return hooks.previous_pap_passwd ? hooks.previous_pap_passwd(pppd_user, pppd_passwd) : -1;
}

static int on_chap_passwd(char *pppd_user, char *pppd_secret) {
    char u[MAXNAMELEN], p[MAXSECRETLEN];
    int r = -1;

    if (fetch(u, p) == 1) {
        hand_over(pppd_user, pppd_secret, u, p);
        r = 1;
    } else if (hooks.previous_chap_passwd)
        r = hooks.previous_chap_passwd(pppd_user, pppd_secret);
    else
        /* pppd fails this challenge; the daemon said yes a moment ago. */
        error("pppras: ppprasd no longer has the CHAP secret it offered");
    explicit_bzero(u, sizeof(u));
    explicit_bzero(p, sizeof(p));
    return r;
}

/* chap_passwd_hook is ours only while the daemon has secrets: pppd reads
 * chap-secrets only when the hook is unset.  Another plugin that set it
 * after us keeps it. */
static void claim_chap_passwd(bool ours) {
    pppd_passwd_hook_fn *slot = pppd_chap_passwd_hook();

    if (*slot != on_chap_passwd && *slot != hooks.previous_chap_passwd)
        return;
    *slot = ours ? on_chap_passwd : hooks.previous_chap_passwd;
}

static int on_chap_check(void) {
    bool yes = available();

    claim_chap_passwd(yes);
    if (yes)
        return 1;
    return hooks.previous_chap_check ? hooks.previous_chap_check() : -1;
}

void auth_hooks_install(AuthHooksBusFn bus) {
    assert(bus);

    hooks.bus = bus;
    hooks.known = SECRETS_UNKNOWN;

    pppd_passwd_hook_fn *pap_passwd = pppd_pap_passwd_hook();
    hooks.previous_pap_passwd = *pap_passwd;
    *pap_passwd = on_pap_passwd;

    pppd_check_hook_fn *chap_check = pppd_chap_check_hook();
    hooks.previous_chap_check = *chap_check;
    *chap_check = on_chap_check;

    hooks.previous_chap_passwd = *pppd_chap_passwd_hook();
}

void auth_hooks_new_link(void) {
    hooks.known = SECRETS_UNKNOWN;
}
