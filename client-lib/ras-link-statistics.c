/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* RasGetLinkStatistics, RasClearConnectionStatistics and
 * RasGetProjectionInfoEx: per-link counters, resetting them, and the PPP
 * projection of IPv4 and IPv6 in one structure. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "ras-structs.h"
#include "ras.h"

static bool handle_is_valid(uint64_t handle) {
    return handle != CLIENT_HANDLE_NONE && handle != CLIENT_HANDLE_ALL;
}

_public_ DWORD APIENTRY RasGetLinkStatistics(HRASCONN hRasConn, DWORD dwSubEntry, PRAS_STATS lpStatistics) {
    uint64_t handle = ras_handle_from_hrasconn(hRasConn);
    ClientStatistics s;

    if (!lpStatistics)
        return ERROR_INVALID_PARAMETER;
    if (lpStatistics->dwSize != sizeof(RAS_STATS))
        return ERROR_INVALID_SIZE;
    if (!handle_is_valid(handle))
        return ERROR_INVALID_HANDLE;
    /* subentries count from 1 */
    if (dwSubEntry == 0)
        return ERROR_INVALID_PARAMETER;

    DWORD code = client_get_link_statistics(handle, dwSubEntry, &s);
    if (code != 0)
        return code;
    *lpStatistics = (RAS_STATS) {
        .dwSize = sizeof(RAS_STATS),
        .dwBytesXmited = (DWORD) s.bytes_xmited,
        .dwBytesRcved = (DWORD) s.bytes_rcved,
        .dwFramesXmited = (DWORD) s.frames_xmited,
        .dwFramesRcved = (DWORD) s.frames_rcved,
        .dwBps = s.bps,
        .dwConnectDuration = s.connect_duration_ms,
    };
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasClearConnectionStatistics(HRASCONN hRasConn) {
    uint64_t handle = ras_handle_from_hrasconn(hRasConn);
    if (!handle_is_valid(handle))
        return ERROR_INVALID_HANDLE;
    return client_clear_statistics(handle);
}

static void parse_interface_id(const char *hex, BYTE out[8]) {
    memset(out, 0, 8);
    if (strlen(hex) != 16)
        return;
    for (size_t i = 0; i < 8; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1)
            return;
        out[i] = (BYTE) v;
    }
}

_public_ DWORD APIENTRY RasGetProjectionInfoEx(HRASCONN hrasconn, PRAS_PROJECTION_INFO pRasProjection,
                                               LPDWORD lpdwSize) {
    _cleanup_(client_projection_ex_done) ClientProjectionEx p = {};
    uint64_t handle = ras_handle_from_hrasconn(hrasconn);

    if (!lpdwSize)
        return ERROR_INVALID_PARAMETER;
    if (!handle_is_valid(handle))
        return ERROR_INVALID_HANDLE;
    if (!pRasProjection || *lpdwSize < sizeof(RAS_PROJECTION_INFO)) {
        *lpdwSize = sizeof(RAS_PROJECTION_INFO);
        return ERROR_BUFFER_TOO_SMALL;
    }
    /* "version ... must be RASAPIVERSION_CURRENT" */
    if (pRasProjection->version != RASAPIVERSION_601)
        return ERROR_INVALID_PARAMETER;

    DWORD code = client_get_projection_info_ex(handle, &p);
    if (code != 0)
        return code;

    memset(pRasProjection, 0, sizeof(*pRasProjection));
    pRasProjection->version = RASAPIVERSION_601;
    pRasProjection->type = PROJECTION_INFO_TYPE_PPP;
    RASPPP_PROJECTION_INFO *ppp = &pRasProjection->ppp;
    ppp->dwIPv4NegotiationError = p.ipv4_error;
    if (p.ipv4_error == 0) {
        (void) inet_pton(AF_INET, p.local, &ppp->ipv4Address);
        (void) inet_pton(AF_INET, p.remote, &ppp->ipv4ServerAddress);
    }
    ppp->dwIPv6NegotiationError = p.ipv6_error;
    if (p.ipv6_error == 0) {
        parse_interface_id(p.interface_id, ppp->bInterfaceIdentifier);
        parse_interface_id(p.server_interface_id, ppp->bServerInterfaceIdentifier);
    }
    ppp->fMultilink = p.multilink ? TRUE : FALSE;
    ppp->fBundled = p.bundled ? TRUE : FALSE;
    *lpdwSize = sizeof(RAS_PROJECTION_INFO);
    return ERROR_SUCCESS;
}
