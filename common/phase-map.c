/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include "phase-map.h"

#define S(...) .states = { __VA_ARGS__ }, .n_states = sizeof((RASCONNSTATE[]){ __VA_ARGS__ }) / sizeof(RASCONNSTATE)

const PhaseMapEntry phase_map[_PPPD_PHASE_MAX] = {
    /* The link is ending: RASCS_Disconnected is entered once pppd's exit
     * status is known (its Exit report, or the process gone), so that
     * whoever RASCN_Disconnection wakes reads the final dwError. */
    [PPPD_PHASE_DEAD]         = { .phase = PPPD_PHASE_DEAD,         .name = "PHASE_DEAD" },
    [PPPD_PHASE_INITIALIZE]   = { .phase = PPPD_PHASE_INITIALIZE,   .name = "PHASE_INITIALIZE",   S(RASCS_OpenPort) },
    [PPPD_PHASE_SERIALCONN]   = { .phase = PPPD_PHASE_SERIALCONN,   .name = "PHASE_SERIALCONN",   S(RASCS_PortOpened, RASCS_ConnectDevice) },
    /* demand dialling: the port is set up and waits for traffic */
    [PPPD_PHASE_DORMANT]      = { .phase = PPPD_PHASE_DORMANT,      .name = "PHASE_DORMANT",      S(RASCS_ConnectDevice), .substate = RASCSS_Dormant },
    [PPPD_PHASE_ESTABLISH]    = { .phase = PPPD_PHASE_ESTABLISH,    .name = "PHASE_ESTABLISH",    S(RASCS_DeviceConnected, RASCS_AllDevicesConnected) },
    [PPPD_PHASE_AUTHENTICATE] = { .phase = PPPD_PHASE_AUTHENTICATE, .name = "PHASE_AUTHENTICATE", S(RASCS_Authenticate) },
    [PPPD_PHASE_CALLBACK]     = { .phase = PPPD_PHASE_CALLBACK,     .name = "PHASE_CALLBACK",     S(RASCS_PrepareForCallback, RASCS_WaitForCallback) },
    [PPPD_PHASE_NETWORK]      = { .phase = PPPD_PHASE_NETWORK,      .name = "PHASE_NETWORK",      S(RASCS_AuthProject) },
    /* an NCP is up; Connected waits for IP up (or a multilink join) */
    [PPPD_PHASE_RUNNING]      = { .phase = PPPD_PHASE_RUNNING,      .name = "PHASE_RUNNING" },
    [PPPD_PHASE_TERMINATE]    = { .phase = PPPD_PHASE_TERMINATE,    .name = "PHASE_TERMINATE" },
    [PPPD_PHASE_DISCONNECT]   = { .phase = PPPD_PHASE_DISCONNECT,   .name = "PHASE_DISCONNECT" },
    /* persist: the link is down and pppd waits to redial */
    [PPPD_PHASE_HOLDOFF]      = { .phase = PPPD_PHASE_HOLDOFF,      .name = "PHASE_HOLDOFF",      S(RASCS_Disconnected), .substate = RASCSS_Reconnecting },
    /* multilink bundle master whose own link is gone: the bundle is still up */
    [PPPD_PHASE_MASTER]       = { .phase = PPPD_PHASE_MASTER,       .name = "PHASE_MASTER",       S(RASCS_Connected) },
};

const PhaseMapEntry *phase_map_lookup(int phase) {
    if (phase < 0 || phase >= _PPPD_PHASE_MAX)
        return NULL;
    return &phase_map[phase];
}

const char *ras_state_name(RASCONNSTATE state) {
    static const char *const names[] = {
        [RASCS_OpenPort] = "RASCS_OpenPort",
        [RASCS_PortOpened] = "RASCS_PortOpened",
        [RASCS_ConnectDevice] = "RASCS_ConnectDevice",
        [RASCS_DeviceConnected] = "RASCS_DeviceConnected",
        [RASCS_AllDevicesConnected] = "RASCS_AllDevicesConnected",
        [RASCS_Authenticate] = "RASCS_Authenticate",
        [RASCS_AuthNotify] = "RASCS_AuthNotify",
        [RASCS_AuthRetry] = "RASCS_AuthRetry",
        [RASCS_AuthCallback] = "RASCS_AuthCallback",
        [RASCS_AuthChangePassword] = "RASCS_AuthChangePassword",
        [RASCS_AuthProject] = "RASCS_AuthProject",
        [RASCS_AuthLinkSpeed] = "RASCS_AuthLinkSpeed",
        [RASCS_AuthAck] = "RASCS_AuthAck",
        [RASCS_ReAuthenticate] = "RASCS_ReAuthenticate",
        [RASCS_Authenticated] = "RASCS_Authenticated",
        [RASCS_PrepareForCallback] = "RASCS_PrepareForCallback",
        [RASCS_WaitForModemReset] = "RASCS_WaitForModemReset",
        [RASCS_WaitForCallback] = "RASCS_WaitForCallback",
        [RASCS_Projected] = "RASCS_Projected",
        [RASCS_StartAuthentication] = "RASCS_StartAuthentication",
        [RASCS_CallbackComplete] = "RASCS_CallbackComplete",
        [RASCS_LogonNetwork] = "RASCS_LogonNetwork",
        [RASCS_SubEntryConnected] = "RASCS_SubEntryConnected",
        [RASCS_SubEntryDisconnected] = "RASCS_SubEntryDisconnected",
        [RASCS_ApplySettings] = "RASCS_ApplySettings",
    };
    switch (state) {
    case RASCS_Interactive:         return "RASCS_Interactive";
    case RASCS_RetryAuthentication: return "RASCS_RetryAuthentication";
    case RASCS_CallbackSetByCaller: return "RASCS_CallbackSetByCaller";
    case RASCS_PasswordExpired:     return "RASCS_PasswordExpired";
    case RASCS_InvokeEapUI:         return "RASCS_InvokeEapUI";
    case RASCS_Connected:           return "RASCS_Connected";
    case RASCS_Disconnected:        return "RASCS_Disconnected";
    default:
        if ((unsigned) state < sizeof(names) / sizeof(names[0]))
            return names[state];
        return NULL;
    }
}
