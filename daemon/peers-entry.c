/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <arpa/inet.h>
#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chat-map.h"
#include "dial-env.h"
#include "options.h"
#include "peers-entry.h"
#include "ras.h"
#include "raserror.h"
#include "util.h"

#define CHAT_PATH "/usr/sbin/chat"
#define PPTP_PATH "/usr/sbin/pptp"
#define L2TP_NAME "pppras-l2tp"
#define PHONE_VAR "${PPPRAS_PHONE:-"
#define GETENT_PATH "/usr/bin/getent"
#define HEADER    "# ppprasd: written by RasSetEntryProperties; lines it does not manage are kept."
#define PPP_DEFAULT_MAXFAIL 10
#define PPP_DEFAULT_HOLDOFF 30

typedef enum FlagField { FIELD_OPTIONS, FIELD_NET } FlagField;

/* On/off options: present_sets says whether the word's presence sets the
 * bit (defaultroute) or clears it (novj).  Several words may share a bit:
 * each is written when the bit asks for it, any one read clears it. */
static const struct FlagOption {
    const char *word;
    FlagField field;
    uint32_t bit;
    bool present_sets;
} flag_options[] = {
    { "defaultroute", FIELD_OPTIONS, RASEO_RemoteDefaultGateway, true },
    { "novj",         FIELD_OPTIONS, RASEO_IpHeaderCompression,  false },
    { "nobsdcomp",    FIELD_OPTIONS, RASEO_SwCompression,        false },
    { "nodeflate",    FIELD_OPTIONS, RASEO_SwCompression,        false },
    { "noip",         FIELD_NET,     RASNP_Ip,                   false },
    { "+ipv6",        FIELD_NET,     RASNP_Ipv6,                 true },
};

/* Authentication: with no RASEO_Require* bit pppd may use any protocol;
 * with some, it refuses every protocol the bits do not name. */
static const struct AuthOption {
    const char *refuse;
    uint32_t require;       /* the first bit is the one read back */
} auth_options[] = {
    { "refuse-pap",       RASEO_RequirePAP },
    { "refuse-chap",      RASEO_RequireCHAP },
    { "refuse-mschap",    RASEO_RequireMsCHAP | RASEO_RequireW95MSCHAP },
    { "refuse-mschap-v2", RASEO_RequireMsCHAP2 },
    { "refuse-eap",       RASEO_RequireEAP },
};

#define REQUIRE_ANY (RASEO_RequirePAP | RASEO_RequireCHAP | RASEO_RequireMsCHAP | RASEO_RequireW95MSCHAP | \
                     RASEO_RequireMsCHAP2 | RASEO_RequireEAP | RASEO_RequireEncryptedPw |                  \
                     RASEO_RequireMsEncryptedPw)

/* pppd's MPPE words, each with the strengths it requires: pppd has no
 * "take MPPE if offered".  The mapping writes only the per-strength words,
 * as pppd 2.5 keeps require-mppe and +mppe in a bool that then means
 * 40-bit only.  The "+" spellings mark a PPTP entry's optional
 * encryption, which asks for MPPE (docs/phonebook.md). */
#define MPPE_40  1u
#define MPPE_128 2u
static const struct MppeWord {
    const char *word;
    unsigned bits;
    bool plus;
} mppe_words[] = {
    { "nomppe",           0,                   false },
    { "require-mppe",     MPPE_40 | MPPE_128,  false },
    { "+mppe",            MPPE_40 | MPPE_128,  true },
    { "require-mppe-40",  MPPE_40,             false },
    { "require-mppe-128", MPPE_128,            false },
    { "+mppe-40",         MPPE_40,             true },
    { "+mppe-128",        MPPE_128,            true },
};

static const struct MppeWord *mppe_word(const char *word) {
    for (size_t i = 0; i < ELEMENTSOF(mppe_words); i++)
        if (strcmp(word, mppe_words[i].word) == 0)
            return &mppe_words[i];
    return NULL;
}

/* Words that make a line the mapping's, besides the tables above and the
 * forms recognised in is_managed(). */
static const char *const managed_words[] = {
    "noauth", "noipdefault", "usepeerdns", "ms-dns", "idle", "persist", "maxfail", "holdoff",
    "connect", "pty", "remotenumber", "rp_pppoe_service", "pppoe-service", "modem", "crtscts",
    "lock", "local", "multilink",
};

static const struct DeviceKind {
    PeersDevice device;
    const char *ras_type;
    uint32_t vpn_strategy;
    const char *miniport;
} device_kinds[] = {
    { PEERS_DEVICE_MODEM, RASDT_Modem, VS_Default,  NULL },
    { PEERS_DEVICE_PPPOE, RASDT_PPPoE, VS_Default,  NULL },
    { PEERS_DEVICE_PPTP,  RASDT_Vpn,   VS_PptpOnly, "WAN Miniport (PPTP)" },
    { PEERS_DEVICE_L2TP,  RASDT_Vpn,   VS_L2tpOnly, "WAN Miniport (L2TP)" },
};

const uint32_t PEERS_MANAGED_OPTIONS = RASEO_SpecificIpAddr | RASEO_SpecificNameServers |
                                       RASEO_IpHeaderCompression | RASEO_RemoteDefaultGateway |
                                       RASEO_SwCompression | RASEO_RequireDataEncryption | REQUIRE_ANY;
const uint32_t PEERS_MANAGED_OPTIONS2 = RASEO2_ReconnectIfDropped;

static const struct DeviceKind *device_kind(PeersDevice d) {
    for (size_t i = 0; i < ELEMENTSOF(device_kinds); i++)
        if (device_kinds[i].device == d)
            return &device_kinds[i];
    return NULL;
}

const char *peers_device_ras_type(PeersDevice d) {
    const struct DeviceKind *k = device_kind(d);
    return k ? k->ras_type : "";
}

uint32_t peers_device_vpn_strategy(PeersDevice d) {
    const struct DeviceKind *k = device_kind(d);
    return k ? k->vpn_strategy : VS_Default;
}

const char *peers_device_miniport(PeersDevice d) {
    const struct DeviceKind *k = device_kind(d);
    return k ? k->miniport : NULL;
}

int peers_device_from_ras(const char *type, uint32_t vpn_strategy, const char *device_name, PeersDevice *ret) {
    assert(type);
    assert(device_name);
    assert(ret);

    if (strcasecmp(type, RASDT_Modem) == 0)
        *ret = PEERS_DEVICE_MODEM;
    else if (strcasecmp(type, RASDT_PPPoE) == 0)
        *ret = PEERS_DEVICE_PPPOE;
    else if (strcasecmp(type, RASDT_Vpn) == 0) {
        switch (vpn_strategy) {
        case VS_PptpOnly:
        case VS_PptpFirst:
            *ret = PEERS_DEVICE_PPTP;
            break;
        case VS_L2tpOnly:
        case VS_L2tpFirst:
            *ret = PEERS_DEVICE_L2TP;
            break;
        case VS_Default:
            /* the device picks, as on Windows; else PPTP, the one needing no tunnel daemon */
            *ret = strcasecmp(device_name, "WAN Miniport (L2TP)") == 0 ? PEERS_DEVICE_L2TP : PEERS_DEVICE_PPTP;
            break;
        default:
            return -EOPNOTSUPP;
        }
        const char *miniport = peers_device_miniport(*ret);
        if (device_name[0] != '\0' && strcasecmp(device_name, miniport) != 0)
            return -EINVAL;
    } else {
        static const char *const known[] = {
            RASDT_Isdn, RASDT_X25, RASDT_Pad, RASDT_Generic, RASDT_Serial, RASDT_FrameRelay,
            RASDT_Atm, RASDT_Sonet, RASDT_SW56, RASDT_Irda, RASDT_Parallel,
        };
        for (size_t i = 0; i < ELEMENTSOF(known); i++)
            if (strcasecmp(type, known[i]) == 0)
                return -EOPNOTSUPP;
        return -EINVAL;
    }
    return 0;
}

/* ------------------------------------------------------------ alphabets */

static bool all_in(const char *s, size_t max, const char *extra) {
    size_t n = strnlen(s, max + 1);
    if (n == 0 || n > max)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isascii((unsigned char) s[i]) || (!isalnum((unsigned char) s[i]) && !strchr(extra, s[i])))
            return false;
    return true;
}

bool peers_phone_is_valid(const char *s) {
    assert(s);
    /* Only what Windows' dial strings use that is inert for chat, for sh
     * inside single quotes, and for pppd inside double quotes. */
    size_t n = strnlen(s, PEERS_NAME_MAX + 1);
    if (n == 0 || n > PEERS_NAME_MAX)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char) s[i]) && !strchr("+*#,-() WwPpTt", s[i]))
            return false;
    return true;
}

bool peers_host_is_valid(const char *s) {
    assert(s);
    return all_in(s, PEERS_NAME_MAX, ".-:") && s[0] != '-' && s[0] != '.';
}

bool peers_ifname_is_valid(const char *s) {
    assert(s);
    return all_in(s, 15, "_.-") && s[0] != '-' && s[0] != '.';
}

bool peers_tty_name_is_valid(const char *s) {
    assert(s);
    return all_in(s, PEERS_NAME_MAX, "_.:+-") && isalnum((unsigned char) s[0]);
}

static bool service_is_valid(const char *s) {
    return s[0] == '\0' || (all_in(s, PEERS_NAME_MAX, "_.-") && s[0] != '-');
}

bool peers_dial_phone_is_valid(PeersDevice device, const char *s) {
    assert(s);
    if (s[0] == '\0' || s[0] == '-' || s[0] == ' ')
        return false;
    switch (device) {
    case PEERS_DEVICE_MODEM:
        return peers_phone_is_valid(s);
    case PEERS_DEVICE_PPPOE:
        return service_is_valid(s);
    case PEERS_DEVICE_PPTP:
    case PEERS_DEVICE_L2TP:
        return peers_host_is_valid(s);
    default:
        return peers_phone_is_valid(s) || peers_host_is_valid(s);
    }
}

static bool ipv4_is_valid(const char *s) {
    struct in_addr a;
    return s[0] == '\0' || inet_pton(AF_INET, s, &a) == 1;
}

void peers_entry_init(PeersEntry *e) {
    assert(e);
    *e = (PeersEntry) {
        .options = RASEO_IpHeaderCompression | RASEO_SwCompression,
        .net_protocols = RASNP_Ip,
        .encryption = ET_Optional,
    };
}

int peers_entry_validate(const PeersEntry *e) {
    assert(e);

    switch (e->device) {
    case PEERS_DEVICE_MODEM:
        if (!peers_tty_name_is_valid(e->device_name) || !peers_phone_is_valid(e->phone))
            return -EINVAL;
        break;
    case PEERS_DEVICE_PPPOE:
        if (!peers_ifname_is_valid(e->device_name) || !service_is_valid(e->phone))
            return -EINVAL;
        break;
    case PEERS_DEVICE_PPTP:
    case PEERS_DEVICE_L2TP:
        if (!peers_host_is_valid(e->phone))
            return -EINVAL;
        break;
    default:
        return -EINVAL;
    }
    if (!ipv4_is_valid(e->ip) || !ipv4_is_valid(e->dns) || !ipv4_is_valid(e->dns_alt))
        return -EINVAL;
    if (e->encryption > ET_Optional || e->redial_count > PEERS_REDIAL_MAX || e->redial_pause > PEERS_PAUSE_MAX)
        return -EINVAL;
    if (e->net_protocols & ~(uint32_t) (RASNP_Ip | RASNP_Ipv6))
        return -EINVAL;
    return 0;
}

/* ------------------------------------------------------------- reading */

#define MAX_WORDS 8

/* Splits one line the way pppd reads an options file: blanks separate,
 * '#' at a word's start comments out the rest, quotes group, a backslash
 * takes the next character as it is.  Returns the number of words (at
 * most MAX_WORDS; more are dropped) or -ENOMEM. */
static int split_words(const char *line, char **words) {
    int n = 0;
    const char *p = line;

    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r')
            p++;
        if (*p == '\0' || *p == '#')
            return n;
        size_t len = strlen(p);
        char *w = malloc(len + 1), *o = w;
        if (!w)
            return -ENOMEM;
        char quote = 0;
        for (; *p; p++) {
            if (!quote && (*p == ' ' || *p == '\t' || *p == '\r'))
                break;
            if (*p == '\\' && p[1])
                *o++ = *++p;
            else if (!quote && (*p == '"' || *p == '\''))
                quote = *p;
            else if (quote && *p == quote)
                quote = 0;
            else
                *o++ = *p;
        }
        *o = '\0';
        if (n < MAX_WORDS)
            words[n++] = w;
        else
            free(w);
    }
}

static void free_words(char **words, int n) {
    for (int i = 0; i < n; i++)
        free(words[i]);
}

static bool in_list(const char *word, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (strcmp(word, list[i]) == 0)
            return true;
    return false;
}

static const char *basename_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static PeersDevice plugin_device(const char *path) {
    const char *b = basename_of(path);
    if (streq_ptr(b, "rp-pppoe.so") || streq_ptr(b, "pppoe.so"))
        return PEERS_DEVICE_PPPOE;
    if (streq_ptr(b, "pppol2tp.so") || streq_ptr(b, "openl2tp.so"))
        return PEERS_DEVICE_L2TP;
    return PEERS_DEVICE_NONE;
}

/* "A.B.C.D:" or "A.B.C.D:E.F.G.H" or ":E.F.G.H": pppd's address option. */
static bool is_address_option(const char *w) {
    const char *colon = strchr(w, ':');
    if (!colon || strchr(colon + 1, ':'))
        return false;
    for (const char *p = w; *p; p++)
        if (!isdigit((unsigned char) *p) && *p != '.' && *p != ':')
            return false;
    return true;
}

static bool is_number(const char *w) {
    return w[0] != '\0' && strspn(w, "0123456789") == strlen(w);
}

static bool is_managed(char **w, int n) {
    const char *first = w[0];
    for (size_t i = 0; i < ELEMENTSOF(flag_options); i++)
        if (strcmp(first, flag_options[i].word) == 0)
            return true;
    for (size_t i = 0; i < ELEMENTSOF(auth_options); i++)
        if (strcmp(first, auth_options[i].refuse) == 0)
            return true;
    if (mppe_word(first))
        return true;
    if (in_list(first, managed_words, ELEMENTSOF(managed_words)))
        return true;
    if (strcmp(first, "plugin") == 0)
        return n >= 2 && plugin_device(w[1]) != PEERS_DEVICE_NONE;
    return strncmp(first, "/dev/", 5) == 0 || strncmp(first, "tty", 3) == 0 ||
           strncmp(first, "nic-", 4) == 0 || is_address_option(first) || is_number(first);
}

static void copy_field(char *dst, size_t size, const char *src) {
    snprintf(dst, size, "%s", src);
}

/* The number in a connect line: the default of our "${PPPRAS_PHONE:-N}",
 * else what follows ATD[T|P] in a chat script, if any. */
static void phone_from_chat(const char *script, char *dst, size_t size) {
    const char *p = strstr(script, "${" DEVICE_ENV_PHONE ":-");
    if (p) {
        p += strlen("${" DEVICE_ENV_PHONE ":-");
        size_t n = strcspn(p, "}");
        if (p[n] == '}' && n > 0 && n < size) {
            memcpy(dst, p, n);
            dst[n] = '\0';
            if (peers_phone_is_valid(dst))
                return;
        }
        dst[0] = '\0';
    }
    p = strstr(script, "ATD");
    if (!p)
        return;
    p += 3;
    if (*p == 'T' || *p == 'P')
        p++;
    size_t n = 0;
    while (p[n] && (isdigit((unsigned char) p[n]) || strchr("+*#,-() WwPpTt", p[n])))
        n++;
    while (n > 0 && p[n - 1] == ' ')
        n--;
    if (n > 0 && n < size) {
        memcpy(dst, p, n);
        dst[n] = '\0';
    }
}

typedef struct ParseState {
    PeersDevice strong_device;      /* from a plugin or a pty: wins over a tty line */
    bool persist, have_maxfail, have_holdoff, have_remotenumber;
    bool mppe_seen, mppe_plus;      /* an MPPE word was read; the last one's spelling */
    unsigned mppe_bits;             /* strengths required (MPPE_*), 0 after nomppe */
    uint32_t maxfail, holdoff;
    uint32_t refused;               /* bits of auth_options[] */
    unsigned n_dns;
    char pty_host[PEERS_NAME_MAX + 1], chat_phone[PEERS_NAME_MAX + 1], service[PEERS_NAME_MAX + 1];
} ParseState;

static uint32_t read_u32(const char *w, uint32_t max) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(w, &end, 10);
    if (errno != 0 || *end != '\0' || end == w)
        return 0;
    return v > max ? max : (uint32_t) v;
}

static void apply_line(PeersEntry *e, ParseState *st, char **w, int n) {
    const char *first = w[0], *arg = n >= 2 ? w[1] : NULL;

    for (size_t i = 0; i < ELEMENTSOF(flag_options); i++)
        if (strcmp(first, flag_options[i].word) == 0) {
            uint32_t *field = flag_options[i].field == FIELD_OPTIONS ? &e->options : &e->net_protocols;
            if (flag_options[i].present_sets)
                *field |= flag_options[i].bit;
            else
                *field &= ~flag_options[i].bit;
            return;
        }
    for (size_t i = 0; i < ELEMENTSOF(auth_options); i++)
        if (strcmp(first, auth_options[i].refuse) == 0) {
            st->refused |= 1u << i;
            return;
        }
    const struct MppeWord *mppe = mppe_word(first);
    if (mppe) {
        st->mppe_seen = true;
        st->mppe_bits = mppe->bits ? st->mppe_bits | mppe->bits : 0;
        st->mppe_plus = mppe->plus;
        return;
    }

    if (strcmp(first, "plugin") == 0 && arg)
        st->strong_device = plugin_device(arg);
    else if (strcmp(first, "pty") == 0 && arg) {
        char *pw[MAX_WORDS];
        int k = split_words(arg, pw);
        PeersDevice d = k < 1 ? PEERS_DEVICE_NONE :
                        streq_ptr(basename_of(pw[0]), "pptp") ? PEERS_DEVICE_PPTP :
                        streq_ptr(basename_of(pw[0]), L2TP_NAME) ? PEERS_DEVICE_L2TP : PEERS_DEVICE_NONE;
        if (d != PEERS_DEVICE_NONE) {
            st->strong_device = d;
            /* the host: pptp's first argument, pppras-l2tp's last (its
             * options come first), maybe inside the phone-number
             * override's default */
            int i = d == PEERS_DEVICE_PPTP ? 1 : k - 1;
            if (i >= 1 && i < k && pw[i][0] != '-') {
                const char *host = pw[i];
                char inner[PEERS_NAME_MAX + 1] = "";
                size_t len = strlen(host), pre = strlen(PHONE_VAR);
                if (strncmp(host, PHONE_VAR, pre) == 0 && len > pre + 1 && host[len - 1] == '}' &&
                    len - pre - 1 < sizeof(inner)) {
                    memcpy(inner, host + pre, len - pre - 1);
                    inner[len - pre - 1] = '\0';
                    host = inner;
                }
                if (peers_host_is_valid(host))
                    copy_field(st->pty_host, sizeof(st->pty_host), host);
            }
        }
        free_words(pw, k < 0 ? 0 : k);
    } else if (strcmp(first, "connect") == 0 && arg)
        phone_from_chat(arg, st->chat_phone, sizeof(st->chat_phone));
    else if (strcmp(first, "remotenumber") == 0 && arg) {
        copy_field(e->phone, sizeof(e->phone), arg);
        st->have_remotenumber = true;
    } else if ((strcmp(first, "rp_pppoe_service") == 0 || strcmp(first, "pppoe-service") == 0) && arg)
        copy_field(st->service, sizeof(st->service), arg);
    else if (strncmp(first, "nic-", 4) == 0)
        copy_field(e->device_name, sizeof(e->device_name), first + 4);
    else if (strncmp(first, "/dev/", 5) == 0 || strncmp(first, "tty", 3) == 0) {
        if (e->device == PEERS_DEVICE_NONE)
            e->device = PEERS_DEVICE_MODEM;
        const char *name = strncmp(first, "/dev/serial/by-id/", 18) == 0 ? first + 18 : basename_of(first);
        copy_field(e->device_name, sizeof(e->device_name), name);
    } else if (is_address_option(first)) {
        char local[PEERS_ADDR_MAX] = "";
        size_t len = (size_t) (strchr(first, ':') - first);
        if (len > 0 && len < sizeof(local)) {
            memcpy(local, first, len);
            local[len] = '\0';
            if (ipv4_is_valid(local)) {
                copy_field(e->ip, sizeof(e->ip), local);
                e->options |= RASEO_SpecificIpAddr;
            }
        }
    } else if (strcmp(first, "ms-dns") == 0 && arg && ipv4_is_valid(arg)) {
        e->options |= RASEO_SpecificNameServers;
        if (st->n_dns == 0)
            copy_field(e->dns, sizeof(e->dns), arg);
        else if (st->n_dns == 1)
            copy_field(e->dns_alt, sizeof(e->dns_alt), arg);
        st->n_dns++;
    } else if (strcmp(first, "idle") == 0 && arg)
        e->idle_seconds = read_u32(arg, UINT32_MAX);
    else if (strcmp(first, "persist") == 0)
        st->persist = true;
    else if (strcmp(first, "multilink") == 0)
        e->multilink = true;
    else if (strcmp(first, "maxfail") == 0 && arg) {
        st->maxfail = read_u32(arg, PEERS_REDIAL_MAX + 1);
        st->have_maxfail = true;
    } else if (strcmp(first, "holdoff") == 0 && arg) {
        st->holdoff = read_u32(arg, PEERS_PAUSE_MAX);
        st->have_holdoff = true;
    }
    /* noauth, noipdefault, usepeerdns, modem, crtscts, lock, local, speeds:
     * what the mapping writes by itself, nothing to read back */
}

static int kept_append(char ***kept, size_t *n, const char *line) {
    char **grown = realloc(*kept, (*n + 2) * sizeof(char *));
    if (!grown)
        return -ENOMEM;
    *kept = grown;
    grown[*n] = strdup(line);
    if (!grown[*n])
        return -ENOMEM;
    grown[++*n] = NULL;
    return 0;
}

static void kept_free(char **kept, size_t n) {
    for (size_t i = 0; i < n; i++)
        free(kept[i]);
    free(kept);
}

static void finish(PeersEntry *e, ParseState *st) {
    if (st->strong_device != PEERS_DEVICE_NONE)
        e->device = st->strong_device;

    if (!st->have_remotenumber) {
        const char *phone = e->device == PEERS_DEVICE_MODEM ? st->chat_phone :
                            e->device == PEERS_DEVICE_PPTP || e->device == PEERS_DEVICE_L2TP ? st->pty_host :
                            e->device == PEERS_DEVICE_PPPOE ? st->service : "";
        copy_field(e->phone, sizeof(e->phone), phone);
    }
    if (e->device == PEERS_DEVICE_PPTP || e->device == PEERS_DEVICE_L2TP)
        e->device_name[0] = '\0';

    if (st->refused != 0)
        for (size_t i = 0; i < ELEMENTSOF(auth_options); i++)
            if (!(st->refused & (1u << i)))
                e->options |= auth_options[i].require & -auth_options[i].require;   /* lowest bit */

    if (st->mppe_seen)
        e->encryption = st->mppe_bits == 0 ? ET_None :
                        st->mppe_bits == MPPE_128 ? ET_RequireMax :
                        /* "+" is require to pppd: optional only where the
                         * mapping writes it so, in a PPTP entry */
                        st->mppe_plus && e->device == PEERS_DEVICE_PPTP ? ET_Optional : ET_Require;
    if (e->encryption == ET_Require || e->encryption == ET_RequireMax)
        e->options |= RASEO_RequireDataEncryption;

    if (st->persist) {
        uint32_t maxfail = st->have_maxfail ? st->maxfail : PPP_DEFAULT_MAXFAIL;
        e->options2 |= RASEO2_ReconnectIfDropped;
        /* maxfail counts the first attempt too; 0 is no limit */
        e->redial_count = maxfail == 0 ? PEERS_REDIAL_MAX : maxfail - 1;
        e->redial_pause = st->have_holdoff ? st->holdoff : PPP_DEFAULT_HOLDOFF;
    }
}

int peers_entry_parse(const char *text, PeersEntry *ret, char ***ret_kept) {
    assert(text);
    assert(ret);

    PeersEntry e;
    peers_entry_init(&e);
    ParseState st = {};
    char **kept = NULL;
    size_t n_kept = 0;
    int r = 0;

    const char *p = text;
    while (r >= 0 && *p) {
        size_t len = strcspn(p, "\n");
        _cleanup_(freep) char *line = strndup(p, len);
        p += len + (p[len] == '\n');
        if (!line) {
            r = -ENOMEM;
            break;
        }
        char *w[MAX_WORDS];
        int n = split_words(line, w);
        if (n < 0) {
            r = n;
            break;
        }
        if (n == 0) {
            /* our own header goes, other comments stay */
            if (line[strspn(line, " \t\r")] == '#' && strcmp(line, HEADER) != 0 && ret_kept)
                r = kept_append(&kept, &n_kept, line);
        } else if (is_managed(w, n))
            apply_line(&e, &st, w, n);
        else if (n == 1 && st.strong_device == PEERS_DEVICE_PPPOE && e.device_name[0] == '\0' &&
                 peers_ifname_is_valid(w[0]))
            /* rp-pppoe.so also takes the bare interface name */
            copy_field(e.device_name, sizeof(e.device_name), w[0]);
        else if (ret_kept)
            r = kept_append(&kept, &n_kept, line);
        free_words(w, n);
    }
    if (r >= 0 && ret_kept && !kept) {
        kept = calloc(1, sizeof(char *));
        if (!kept)
            r = -ENOMEM;
    }
    if (r < 0) {
        kept_free(kept, n_kept);
        return r;
    }
    finish(&e, &st);
    *ret = e;
    if (ret_kept)
        *ret_kept = kept;
    return 0;
}

/* ------------------------------------------------------------- writing */

/* The L2TP program L2TP entries run (ppprasd --l2tp-helper). */
static char l2tp_helper[PATH_MAX] = PPPRAS_L2TP_HELPER_PATH;

int peers_set_l2tp_helper(const char *path) {
    assert(path);
    /* it lands inside a quoted pppd option and then sh's command line */
    size_t n = strlen(path);
    if (path[0] != '/' || n >= sizeof(l2tp_helper) || !streq_ptr(basename_of(path), L2TP_NAME))
        return -EINVAL;
    for (size_t i = 0; i < n; i++)
        if (!isascii((unsigned char) path[i]) || (!isalnum((unsigned char) path[i]) && !strchr("/._+-", path[i])))
            return -EINVAL;
    memcpy(l2tp_helper, path, n + 1);
    return 0;
}

const char *peers_l2tp_helper(void) {
    return l2tp_helper;
}

int peers_modem_device_path(const PeersEntry *e, char *buf, size_t size) {
    assert(e);
    assert(buf);
    const char *prefix = strncmp(e->device_name, "tty", 3) == 0 ? "/dev/" : "/dev/serial/by-id/";
    int n = snprintf(buf, size, "%s%s", prefix, e->device_name);
    return n < 0 || (size_t) n >= size ? -ENAMETOOLONG : 0;
}

static int write_modem(FILE *f, const PeersEntry *e) {
    char path[sizeof("/dev/serial/by-id/") + PEERS_NAME_MAX];
    int r = peers_modem_device_path(e, path, sizeof(path));
    if (r < 0)
        return r;
    fprintf(f, "%s\n115200\nmodem\ncrtscts\nlock\n", path);
    /* pppd reads the option in double quotes, where a backslash escapes
     * the next character (\\ is one backslash, \" a quote); sh then runs
     * it with pppd's environment (common/dial-env.h).  The number chat
     * dials through -T and \T is the dial's override if it has one, else
     * the entry's; either is in "" for sh, and the phone alphabet has
     * nothing sh, pppd or chat would read there as more than text. */
    fprintf(f, "connect \"" CHAT_PATH " -v -t 90 -T \\\"${" DEVICE_ENV_PHONE ":-%s}\\\"", e->phone);
    /* common/chat-map.c's order: chat's exit status names the answer */
    for (unsigned i = 0; i < chat_aborts_size; i++)
        fprintf(f, " ABORT '%s'", chat_aborts[i].response);
    fprintf(f, " '' ATZ OK 'ATDT\\\\T' CONNECT ''; s=$?; "
               "[ -z \\\"$" DEVICE_ENV_CHAT_STATUS "\\\" ] || echo $s >\\\"$" DEVICE_ENV_CHAT_STATUS "\\\"; "
               "exit $s\"\n");
    fprintf(f, "remotenumber \"%s\"\n", e->phone);
    return 0;
}

static int write_pptp(FILE *f, const PeersEntry *e) {
    /* pppd hands the pty line to sh with its environment: PPPRAS_PHONE is
     * the dial's own server (already checked), PPPRAS_DEVICE_ERROR where a
     * failure's code goes.  Both stay inside sh's double quotes; the
     * entry's server has the host alphabet, nothing sh or pppd would read.
     * pptp exits non-zero only when it could not set up the tunnel: 868
     * when the name does not resolve, else 800 (docs/state-tables.md). */
    char host[sizeof(e->phone) + 32];
    snprintf(host, sizeof(host), "\\\"" PHONE_VAR "%s}\\\"", e->phone);
    fprintf(f, "pty \"" PPTP_PATH " %s --nolaunchpppd || { " GETENT_PATH " ahostsv4 %s >/dev/null && echo %u || echo %u; }"
               " >\\\"${" DEVICE_ENV_DEVICE_ERROR ":-/dev/null}\\\"\"\n",
            host, host, (unsigned) ERROR_AUTOMATIC_VPN_FAILED, (unsigned) ERROR_DNSNAME_NOT_RESOLVABLE);
    fprintf(f, "remotenumber %s\n", e->phone);
    return 0;
}

static int write_device(FILE *f, const PeersEntry *e) {
    switch (e->device) {
    case PEERS_DEVICE_MODEM:
        return write_modem(f, e);
    case PEERS_DEVICE_PPPOE:
        /* the interface comes after the kept lines (write_device_end()) */
        fprintf(f, "plugin " PPPD_PPPOE_PLUGIN "\n");
        if (e->phone[0])
            fprintf(f, "rp_pppoe_service %s\n", e->phone);
        return 0;
    case PEERS_DEVICE_PPTP:
        return write_pptp(f, e);
    case PEERS_DEVICE_L2TP:
        /* pppd runs the pty line through sh: the dial's phone-number
         * override (the plugin's checked $PPPRAS_PHONE) replaces the
         * host, after "--" so that it is never read as an option */
        fprintf(f, "pty \"%s -- \\\"" PHONE_VAR "%s}\\\"\"\nremotenumber %s\n", l2tp_helper, e->phone, e->phone);
        return 0;
    default:
        return -EINVAL;
    }
}

/* rp-pppoe.so before pppd 2.5.1 takes its pppoe-padi-timeout and
 * pppoe-padi-attempts values when it parses the interface option: only
 * those written before it count.  So the interface follows whatever a
 * user added to the file (2.5.1 reads them after all options). */
static void write_device_end(FILE *f, const PeersEntry *e) {
    if (e->device == PEERS_DEVICE_PPPOE)
        fprintf(f, "nic-%s\n", e->device_name);
}

static uint32_t allowed_auth(uint32_t options) {
    uint32_t allowed = options & REQUIRE_ANY;
    if (allowed & RASEO_RequireEncryptedPw)
        allowed |= RASEO_RequireCHAP | RASEO_RequireMsCHAP | RASEO_RequireMsCHAP2 | RASEO_RequireEAP;
    if (allowed & RASEO_RequireMsEncryptedPw)
        allowed |= RASEO_RequireMsCHAP | RASEO_RequireMsCHAP2;
    return allowed & ~(uint32_t) (RASEO_RequireEncryptedPw | RASEO_RequireMsEncryptedPw);
}

int peers_entry_format(FILE *f, const PeersEntry *e, char *const *kept) {
    assert(f);
    assert(e);

    int r = peers_entry_validate(e);
    if (r < 0)
        return r;

    fprintf(f, "%s\n", HEADER);
    /* the device first: kept lines may be options of its plugin */
    r = write_device(f, e);
    if (r < 0)
        return r;
    for (char *const *l = kept; l && *l; l++)
        fprintf(f, "%s\n", *l);
    write_device_end(f, e);

    fprintf(f, "noauth\n");
    uint32_t allowed = allowed_auth(e->options);
    if (allowed != 0)
        for (size_t i = 0; i < ELEMENTSOF(auth_options); i++)
            if (!(allowed & auth_options[i].require))
                fprintf(f, "%s\n", auth_options[i].refuse);

    uint32_t encryption = e->encryption;
    if ((e->options & RASEO_RequireDataEncryption) && (encryption == ET_None || encryption == ET_Optional))
        encryption = ET_Require;
    if (encryption == ET_None)
        fprintf(f, "nomppe\n");
    else if (encryption == ET_Require)
        fprintf(f, "require-mppe-40\nrequire-mppe-128\n");
    else if (encryption == ET_RequireMax)
        fprintf(f, "require-mppe-128\n");
    else if (e->device == PEERS_DEVICE_PPTP)
        fprintf(f, "+mppe-40\n+mppe-128\n");

    for (size_t i = 0; i < ELEMENTSOF(flag_options); i++) {
        uint32_t field = flag_options[i].field == FIELD_OPTIONS ? e->options : e->net_protocols;
        if (!!(field & flag_options[i].bit) == flag_options[i].present_sets)
            fprintf(f, "%s\n", flag_options[i].word);
    }

    if ((e->options & RASEO_SpecificIpAddr) && e->ip[0] && strcmp(e->ip, "0.0.0.0") != 0)
        fprintf(f, "%s:\n", e->ip);
    else
        fprintf(f, "noipdefault\n");

    if (e->options & RASEO_SpecificNameServers) {
        const char *servers[] = { e->dns, e->dns_alt };
        for (size_t i = 0; i < ELEMENTSOF(servers); i++)
            if (servers[i][0] && strcmp(servers[i], "0.0.0.0") != 0)
                fprintf(f, "ms-dns %s\n", servers[i]);
    } else
        fprintf(f, "usepeerdns\n");

    if (e->idle_seconds != 0 && e->idle_seconds != RASIDS_Disabled)
        fprintf(f, "idle %" PRIu32 "\n", e->idle_seconds);

    if (e->multilink)
        fprintf(f, "multilink\n");

    if (e->redial_count > 0 || (e->options2 & RASEO2_ReconnectIfDropped))
        fprintf(f, "persist\nmaxfail %" PRIu32 "\nholdoff %" PRIu32 "\n", e->redial_count + 1,
                e->redial_pause);

    return ferror(f) ? -EIO : 0;
}
