/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <errno.h>

#include "dial-hold.h"
#include "log.h"
#include "util.h"

static int on_dialler_gone(sd_bus_track *track, void *userdata) {
    Connection *c = userdata;
    assert(c);

    DialHoldGone handler = c->dialler_gone;
    log_connection(LOG_INFO, c, "Its dialler %s left the bus: the handle is no longer held.", strempty(c->dialler));
    dial_hold_stop(c);    /* sd-bus keeps its own reference on track while here */
    if (handler)
        handler(c);       /* may free c */
    return 0;
}

int dial_hold_start(Connection *c, sd_bus *bus, const char *dialler, DialHoldGone on_gone) {
    assert(c);
    assert(bus);
    assert(dialler);
    assert(on_gone);

    sd_bus_track *track = NULL;
    int r = sd_bus_track_new(bus, &track, on_dialler_gone, c);
    if (r < 0)
        return r;
    /* fails when the name is not on the bus (any more) */
    r = sd_bus_track_add_name(track, dialler);
    if (r < 0) {
        sd_bus_track_unref(track);
        return r;
    }
    r = free_and_strdup(&c->dialler, dialler);
    if (r < 0) {
        sd_bus_track_unref(track);
        return r;
    }
    sd_bus_track_unref(c->dialler_track);
    c->dialler_track = track;
    c->dialler_gone = on_gone;
    return 0;
}

void dial_hold_stop(Connection *c) {
    assert(c);
    c->dialler_track = sd_bus_track_unref(c->dialler_track);
    free(c->dialler);
    c->dialler = NULL;
    c->dialler_gone = NULL;
}

size_t dial_hold_count(const HandleTable *t, uid_t owner) {
    assert(t);
    size_t n = 0;
    HANDLE_TABLE_FOREACH(c, t)
        n += c->owner == owner && dial_hold_active(c);
    return n;
}
