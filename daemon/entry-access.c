/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <grp.h>

#include "entry-access.h"
#include "hangup.h"
#include "log.h"
#include "util.h"

gid_t entry_access_lookup_group(const char *name) {
    if (isempty(name))
        return (gid_t) -1;
    struct group *g = getgrnam(name);
    if (!g) {
        log_debug("Group \"%s\" does not exist; only root may write phonebook entries.", name);
        return (gid_t) -1;
    }
    return g->gr_gid;
}

bool entry_access_may_write(uid_t uid, gid_t gid, const gid_t *groups, size_t n_groups, gid_t entry_gid) {
    assert(groups || n_groups == 0);
    /* (uid_t) -1 as owner: no caller owns the phonebook */
    return hangup_caller_allowed(uid, gid, groups, n_groups, (uid_t) -1, entry_gid);
}
