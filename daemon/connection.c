/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "connection.h"
#include "exit-map.h"
#include "link-device.h"
#include "phase-map.h"
#include "util.h"

/* Configuration, set once at start: the phonebook directory shown in
 * RASCONN.szPhonebook. */
static const char *phonebook_dir = "/etc/ppp/peers";

void connection_set_phonebook_dir(const char *dir) {
    phonebook_dir = dir ?: "/etc/ppp/peers";
}

static void free_secret(char **s) {
    assert(s);
    if (*s) {
        explicit_bzero(*s, strlen(*s));
        free(*s);
        *s = NULL;
    }
}

int connection_new(Connection **ret, uint64_t handle, pid_t pid, uid_t owner, uint64_t started_at_usec) {
    assert(ret);
    assert(handle != 0 && handle != UINT64_MAX);
    assert(pid > 0);

    Connection *c = calloc(1, sizeof(Connection));
    if (!c)
        return -ENOMEM;

    c->handle = handle;
    c->pid = pid;
    c->owner = owner;
    c->started_at_usec = started_at_usec;
    c->state = RASCS_OpenPort;
    c->last_phase = -1;
    c->substate = RASCSS_None;
    c->pidfd = -1;
    c->entry_name = strdup(".");
    if (!c->entry_name) {
        free(c);
        return -ENOMEM;
    }
    *ret = c;
    return 0;
}

Connection *connection_free(Connection *c) {
    if (!c)
        return NULL;

    sd_event_source_disable_unref(c->pidfd_source);
    sd_event_source_disable_unref(c->kill_timer);
    sd_event_source_disable_unref(c->linger_timer);
    sd_event_source_disable_unref(c->exit_wait_timer);
    sd_bus_slot_unref(c->exit_wait_slot);
    sd_bus_slot_unref(c->exit_wait_query);
    free(c->link_sender);
    sd_bus_track_unref(c->dialler_track);
    free(c->dialler);
    sd_event_source_disable_unref(c->supervise_timer);
    safe_close(c->pidfd);

    free(c->entry);
    free(c->ipparam);
    free(c->device);
    free(c->device_type);
    free(c->phone);
    free(c->ifname);
    free(c->local);
    free(c->remote);
    free(c->bundle);
    free(c->entry_name);
    free(c->dns1);
    free(c->dns2);
    free(c->ip6_local);
    free(c->ip6_remote);
    free(c->escaped);
    connection_drop_secrets(c);
    free(c);
    return NULL;
}

void connection_set_observer(Connection *c, const ConnectionObserver *observer, void *userdata) {
    assert(c);
    c->observer = observer;
    c->userdata = userdata;
}

static void notify_properties(Connection *c, unsigned mask) {
    assert(c);
    if (mask != 0 && c->observer && c->observer->properties_changed)
        c->observer->properties_changed(c, mask, c->userdata);
}

static void notify_state(Connection *c) {
    assert(c);
    if (c->observer && c->observer->state_entered)
        c->observer->state_entered(c, c->userdata);
}

static void enter_state_with_error(Connection *c, RASCONNSTATE state, uint32_t error) {
    assert(c);

    if (c->state == state)
        return;

    unsigned mask = CONNECTION_PROPERTY_STATE;
    c->state = state;
    if (error != c->error) {
        c->error = error;
        mask |= CONNECTION_PROPERTY_ERROR;
    }
    if (state == RASCS_Connected) {
        c->link_was_up = true;
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        c->connected_at_usec = (uint64_t) ts.tv_sec * USEC_PER_SEC + (uint64_t) ts.tv_nsec / 1000;
    }
    notify_state(c);
    notify_properties(c, mask);
}

/* The dwError of a Disconnected connection is known once pppd said how it
 * exits; any other state (a persist redial too) has none. */
static void enter_state(Connection *c, RASCONNSTATE state) {
    assert(c);
    bool known = state == RASCS_Disconnected && c->exit_reported;
    enter_state_with_error(c, state, known ? c->exit_error : 0);
}

/* A Disconnected connection learns why: announce it like a state entry so
 * StateChanged followers (async RasDial) get the final dwError. */
static void set_final_error(Connection *c, uint32_t error) {
    assert(c);

    if (c->state != RASCS_Disconnected) {
        enter_state_with_error(c, RASCS_Disconnected, error);
        return;
    }
    if (c->error == error)
        return;
    c->error = error;
    notify_state(c);
    notify_properties(c, CONNECTION_PROPERTY_ERROR);
}

static int update_string(char **field, const char *value, unsigned bit, unsigned *mask) {
    assert(field);
    assert(mask);

    if (!value)
        return 0;   /* not reported: keep what we know */
    int r = free_and_strdup(field, value);
    if (r < 0)
        return r;
    if (r > 0)
        *mask |= bit;
    return 0;
}

/* RasEnumConnections: "If a connection was made without specifying a
 * phone-book entry name, the information returned for that connection
 * gives the connection phone number preceded by '.'." */
static int update_entry_name(Connection *c, unsigned *mask) {
    assert(c);
    assert(mask);

    _cleanup_(freep) char *name = NULL;
    if (!isempty(c->entry))
        name = strdup(c->entry);
    else if (!isempty(c->ipparam))
        name = strdup(c->ipparam);
    else if (asprintf(&name, ".%s", !isempty(c->phone) ? c->phone : strempty(c->device)) < 0)
        name = NULL;
    if (!name)
        return -ENOMEM;

    if (streq_ptr(name, c->entry_name))
        return 0;
    free(c->entry_name);
    c->entry_name = TAKE_PTR(name);
    *mask |= CONNECTION_PROPERTY_ENTRY_NAME;
    return 0;
}

static int update_addresses(Connection *c, const LinkInfo *info, unsigned *mask) {
    assert(c);
    assert(info);
    assert(mask);

    int r = update_string(&c->ifname, info->ifname, CONNECTION_PROPERTY_INTERFACE, mask);
    if (r >= 0)
        r = update_string(&c->local, info->local, CONNECTION_PROPERTY_LOCAL_ADDRESS, mask);
    if (r >= 0)
        r = update_string(&c->remote, info->remote, CONNECTION_PROPERTY_REMOTE_ADDRESS, mask);
    return r;
}

static void enter_connected(Connection *c) {
    assert(c);

    if (c->state == RASCS_Connected)
        return;
    c->substate = RASCSS_None;
    enter_state(c, RASCS_Projected);
    enter_state(c, RASCS_Connected);
}

int connection_apply_register(Connection *c, const LinkInfo *info) {
    assert(c);
    assert(info);

    unsigned mask = 0;
    int r = 0;
    struct { char **field; const char *value; unsigned bit; } strings[] = {
        { &c->entry,       info->entry,       CONNECTION_PROPERTY_ENTRY_NAME },
        { &c->ipparam,     info->ipparam,     CONNECTION_PROPERTY_ENTRY_NAME },
        { &c->device,      info->device,      CONNECTION_PROPERTY_DEVICE_NAME },
        { &c->device_type, info->device_type, CONNECTION_PROPERTY_DEVICE_TYPE },
        { &c->phone,       info->phone,       CONNECTION_PROPERTY_PHONE_NUMBER },
        { &c->bundle,      info->bundle,      0 },
    };
    for (size_t i = 0; i < ELEMENTSOF(strings) && r >= 0; i++)
        r = update_string(strings[i].field, strings[i].value, strings[i].bit, &mask);
    if (r >= 0)
        r = update_addresses(c, info, &mask);
    /* EntryName is reported when the derived name changes, not for its inputs. */
    mask &= ~CONNECTION_PROPERTY_ENTRY_NAME;
    if (r >= 0)
        r = update_entry_name(c, &mask);
    if (info->multilink >= 0)
        c->multilink = info->multilink;
    notify_properties(c, mask);
    if (r < 0)
        return r;

    if (info->phase >= 0) {
        r = connection_apply_phase(c, info->phase);
        if (r < 0)
            return r;
        /* A daemon that restarted under a running link learns it is up. */
        if ((info->phase == PPPD_PHASE_RUNNING || info->phase == PPPD_PHASE_MASTER) &&
            !isempty(c->local) && !isempty(c->remote) && !c->process_gone)
            enter_connected(c);
    }
    return 0;
}

int connection_apply_phase(Connection *c, int phase) {
    assert(c);

    const PhaseMapEntry *e = phase_map_lookup(phase);
    if (!e)
        return -EINVAL;
    /* Register carries the phase too: a phase already applied is no news. */
    if (c->process_gone || phase == c->last_phase)
        return 0;
    c->last_phase = phase;
    if (phase == PPPD_PHASE_SERIALCONN || phase == PPPD_PHASE_DORMANT) {
        c->peer_terminated = c->auth_failed = false;   /* a new link: the last one's ending is history */
        c->link_was_up = false;
    }
    if (e->n_states == 0)
        return 0;

    if (c->state == RASCS_Connected) {
        /* Connected stays connected while pppd renegotiates LCP or takes
         * the link down (its link_down() re-enters PHASE_ESTABLISH right
         * away); only a new dial -- persist redialling -- or a bundle
         * master losing its own link changes it.  The redial first ends
         * this connection as far as notifications go. */
        if (phase != PPPD_PHASE_SERIALCONN && phase != PPPD_PHASE_DORMANT && phase != PPPD_PHASE_HOLDOFF)
            return 0;
        enter_state(c, RASCS_Disconnected);
    }

    c->substate = e->substate;
    for (size_t i = 0; i < e->n_states; i++) {
        /* RASCS_Authenticated has no pppd phase: it is the step between
         * authenticating and the network phase. */
        if (e->states[i] == RASCS_AuthProject && c->state == RASCS_Authenticate)
            enter_state(c, RASCS_Authenticated);
        enter_state(c, e->states[i]);
    }
    return 0;
}

int connection_apply_ip_up(Connection *c, const LinkInfo *info) {
    assert(c);
    assert(info);

    if (c->process_gone)
        return 0;

    unsigned mask = 0;
    int r = update_addresses(c, info, &mask);
    if (r >= 0)
        r = free_and_strdup(&c->dns1, info->dns1 ?: c->dns1);
    if (r >= 0)
        r = free_and_strdup(&c->dns2, info->dns2 ?: c->dns2);
    notify_properties(c, mask);
    if (r < 0)
        return -ENOMEM;
    c->ip_up = true;
    enter_connected(c);
    return 0;
}

int connection_apply_joined(Connection *c, const char *ifname) {
    assert(c);

    if (c->process_gone)
        return 0;
    unsigned mask = 0;
    int r = update_string(&c->ifname, ifname, CONNECTION_PROPERTY_INTERFACE, &mask);
    notify_properties(c, mask);
    if (r < 0)
        return r;
    enter_connected(c);
    return 0;
}

void connection_apply_auth(Connection *c, bool success) {
    assert(c);
    if (!success)
        c->auth_failed = true;
    else if (!c->process_gone && c->state == RASCS_Authenticate)
        enter_state(c, RASCS_Authenticated);
}

int connection_apply_ip6(Connection *c, const char *local, const char *remote) {
    assert(c);
    if (free_and_strdup(&c->ip6_local, local ?: c->ip6_local) < 0 ||
        free_and_strdup(&c->ip6_remote, remote ?: c->ip6_remote) < 0)
        return -ENOMEM;
    return 0;
}

void connection_apply_stats(Connection *c, const LinkStats *stats) {
    assert(c);
    assert(stats);
    c->final_stats = *stats;
    c->have_final_stats = true;
}

int connection_set_secrets(Connection *c, const char *user, const char *password, const char *domain) {
    assert(c);

    struct { char **field; const char *value; } secrets[] = {
        { &c->secret_user, user }, { &c->secret_password, password }, { &c->secret_domain, domain },
    };
    for (size_t i = 0; i < ELEMENTSOF(secrets); i++) {
        if (!secrets[i].value)
            continue;
        char *copy = strdup(secrets[i].value);
        if (!copy)
            return -ENOMEM;
        free_secret(secrets[i].field);
        *secrets[i].field = copy;
    }
    return 0;
}

void connection_drop_secrets(Connection *c) {
    assert(c);
    free_secret(&c->secret_user);
    free_secret(&c->secret_password);
    free_secret(&c->secret_domain);
}


void connection_apply_ip_down(Connection *c) {
    assert(c);
    /* The phases that follow (TERMINATE, DISCONNECT, DEAD or RUNNING for
     * another NCP) carry the state; the addresses stay readable. */
}

bool connection_device_error_applies(int status) {
    switch (status) {
    case 0:    /* EXIT_OK */
    case 5:    /* EXIT_USER_REQUEST */
    case 12:   /* EXIT_IDLE_TIMEOUT */
    case 13:   /* EXIT_CONNECT_TIME */
        return false;
    default:
        return true;
    }
}

bool connection_device_error_explains(const Connection *c, int status) {
    assert(c);
    return c->device_error && connection_device_error_applies(status) && !c->link_was_up &&
           c->state != RASCS_Connected && !c->auth_failed;
}

void connection_apply_exit(Connection *c, int status, bool peer_terminated) {
    assert(c);

    /* A supervisor's verdict (718) stands over what pppd says about it. */
    if (c->process_gone || c->supervisor_ended)
        return;
    c->exit_reported = true;
    if (peer_terminated)
        c->peer_terminated = true;
    c->exit_error = connection_exit_error(c, status);
    /* pppd says this just before it exits: the link is down now. */
    c->substate = RASCSS_None;
    set_final_error(c, c->exit_error);
}

unsigned connection_saw(const Connection *c) {
    assert(c);
    return (c->peer_terminated ? PPPD_SAW_PEER_TERMINATE : 0) | (c->auth_failed ? PPPD_SAW_AUTH_FAILURE : 0);
}

uint32_t connection_exit_error(const Connection *c, int status) {
    assert(c);

    /* pppd says only "connect script failed" or "hung up"; the device said why */
    if (connection_device_error_explains(c, status))
        return c->device_error;
    /* pppd stopped at the entry's device line, before it loaded the
     * plugin: Windows says the modem is not available */
    if (status == PPPD_EXIT_OPTION_ERROR && c->device_missing)
        return ERROR_PORT_NOT_AVAILABLE;
    /* else what a failed connect means for this kind of device */
    if (status == PPPD_EXIT_CONNECT_FAILED) {
        uint32_t e = link_device_connect_error(link_device_kind(c->device_type, c->device));
        if (e)
            return e;
    }
    return ras_error_for_pppd_exit(status, connection_saw(c));
}

void connection_apply_process_gone(Connection *c, uint32_t fallback_error) {
    assert(c);

    if (c->process_gone)
        return;
    c->process_gone = true;
    c->substate = RASCSS_None;
    set_final_error(c, c->exit_reported ? c->exit_error : fallback_error);
}

bool connection_is_enumerable(const Connection *c) {
    assert(c);
    return c->state == RASCS_Connected && !c->hanging_up && !c->process_gone;
}

const char *connection_phonebook(const Connection *c) {
    assert(c);
    return isempty(c->entry) ? "" : phonebook_dir;
}
