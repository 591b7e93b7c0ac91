/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The Windows RAS connection API on Linux (libpppras).  Structures keep
 * Windows' field order, packing and WINVER versions; A functions take
 * UTF-8, W functions wchar_t; UNICODE picks the plain names. */

#include <netinet/in.h>
#include "wintypes.h"
#include "raserror.h"

#ifdef __cplusplus
extern "C" {
#endif

#pragma pack(push, 4)

#if (WINVER >= 0x400)
#define RAS_MaxEntryName      256
#define RAS_MaxDeviceName     128
#define RAS_MaxCallbackNumber RAS_MaxPhoneNumber
#else
#define RAS_MaxEntryName      20
#define RAS_MaxDeviceName     32
#define RAS_MaxCallbackNumber 48
#endif
#define RAS_MaxDeviceType     16
#define RAS_MaxPhoneNumber    128
#define RAS_MaxIpAddress      15
#define RAS_MaxIpxAddress     21
#define RAS_MaxAreaCode       10
#define RAS_MaxPadType        32
#define RAS_MaxX25Address     200
#define RAS_MaxFacilities     200
#define RAS_MaxUserData       200
#define RAS_MaxReplyMessage   1024
#define RAS_MaxDnsSuffix      256

typedef struct HRASCONN__ *HRASCONN, **LPHRASCONN;

typedef struct in_addr RASIPV4ADDR;
typedef struct in6_addr RASIPV6ADDR;

#define RASCF_AllUsers    0x00000001
#define RASCF_GlobalCreds 0x00000002
#define RASCF_OwnerKnown  0x00000004
#define RASCF_OwnerMatch  0x00000008

typedef struct tagRASCONNA {
    DWORD    dwSize;
    HRASCONN hrasconn;
    CHAR     szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x400)
    CHAR     szDeviceType[RAS_MaxDeviceType + 1];
    CHAR     szDeviceName[RAS_MaxDeviceName + 1];
#endif
#if (WINVER >= 0x401)
    CHAR     szPhonebook[MAX_PATH];
    DWORD    dwSubEntry;
#endif
#if (WINVER >= 0x500)
    GUID     guidEntry;
#endif
#if (WINVER >= 0x501)
    DWORD    dwFlags;
    LUID     luid;
#endif
#if (WINVER >= 0x600)
    GUID     guidCorrelationId;
#endif
} RASCONNA, *LPRASCONNA;

typedef struct tagRASCONNW {
    DWORD    dwSize;
    HRASCONN hrasconn;
    WCHAR    szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x400)
    WCHAR    szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR    szDeviceName[RAS_MaxDeviceName + 1];
#endif
#if (WINVER >= 0x401)
    WCHAR    szPhonebook[MAX_PATH];
    DWORD    dwSubEntry;
#endif
#if (WINVER >= 0x500)
    GUID     guidEntry;
#endif
#if (WINVER >= 0x501)
    DWORD    dwFlags;
    LUID     luid;
#endif
#if (WINVER >= 0x600)
    GUID     guidCorrelationId;
#endif
} RASCONNW, *LPRASCONNW;

#define RASCS_PAUSED 0x1000
#define RASCS_DONE   0x2000

typedef enum tagRASCONNSTATE {
    RASCS_OpenPort = 0,
    RASCS_PortOpened,
    RASCS_ConnectDevice,
    RASCS_DeviceConnected,
    RASCS_AllDevicesConnected,
    RASCS_Authenticate,
    RASCS_AuthNotify,
    RASCS_AuthRetry,
    RASCS_AuthCallback,
    RASCS_AuthChangePassword,
    RASCS_AuthProject,
    RASCS_AuthLinkSpeed,
    RASCS_AuthAck,
    RASCS_ReAuthenticate,
    RASCS_Authenticated,
    RASCS_PrepareForCallback,
    RASCS_WaitForModemReset,
    RASCS_WaitForCallback,
    RASCS_Projected,
    RASCS_StartAuthentication,
    RASCS_CallbackComplete,
    RASCS_LogonNetwork,
    RASCS_SubEntryConnected,
    RASCS_SubEntryDisconnected,
    RASCS_ApplySettings,
    RASCS_Interactive = RASCS_PAUSED,
    RASCS_RetryAuthentication,
    RASCS_CallbackSetByCaller,
    RASCS_PasswordExpired,
    RASCS_InvokeEapUI,
    RASCS_Connected = RASCS_DONE,
    RASCS_Disconnected
} RASCONNSTATE, *LPRASCONNSTATE;

typedef enum tagRASCONNSUBSTATE {
    RASCSS_None = 0,
    RASCSS_Dormant,
    RASCSS_Reconnecting,
    RASCSS_Reconnected = RASCS_DONE
} RASCONNSUBSTATE, *LPRASCONNSUBSTATE;

#define RASTUNNELENDPOINT_UNKNOWN 0
#define RASTUNNELENDPOINT_IPv4    1
#define RASTUNNELENDPOINT_IPv6    2

typedef struct _RASTUNNELENDPOINT {
    DWORD dwType;
    union {
        RASIPV4ADDR ipv4;
        RASIPV6ADDR ipv6;
    };
} RASTUNNELENDPOINT, *PRASTUNNELENDPOINT;

typedef struct tagRASCONNSTATUSA {
    DWORD        dwSize;
    RASCONNSTATE rasconnstate;
    DWORD        dwError;
    CHAR         szDeviceType[RAS_MaxDeviceType + 1];
    CHAR         szDeviceName[RAS_MaxDeviceName + 1];
#if (WINVER >= 0x401)
    CHAR         szPhoneNumber[RAS_MaxPhoneNumber + 1];
#endif
#if (WINVER >= 0x601)
    RASTUNNELENDPOINT localEndPoint;
    RASTUNNELENDPOINT remoteEndPoint;
    RASCONNSUBSTATE   rasconnsubstate;
#endif
} RASCONNSTATUSA, *LPRASCONNSTATUSA;

typedef struct tagRASCONNSTATUSW {
    DWORD        dwSize;
    RASCONNSTATE rasconnstate;
    DWORD        dwError;
    WCHAR        szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR        szDeviceName[RAS_MaxDeviceName + 1];
#if (WINVER >= 0x401)
    WCHAR        szPhoneNumber[RAS_MaxPhoneNumber + 1];
#endif
#if (WINVER >= 0x601)
    RASTUNNELENDPOINT localEndPoint;
    RASTUNNELENDPOINT remoteEndPoint;
    RASCONNSUBSTATE   rasconnsubstate;
#endif
} RASCONNSTATUSW, *LPRASCONNSTATUSW;

/* RasConnectionNotification flags */
#define RASCN_Connection        0x00000001
#define RASCN_Disconnection     0x00000002
#define RASCN_BandwidthAdded    0x00000004
#define RASCN_BandwidthRemoved  0x00000008
#define RASCN_Dormant           0x00000010
#define RASCN_ReConnection      0x00000020
#define RASCN_EPDGPacketArrival 0x00000040

#pragma pack(pop)

DWORD APIENTRY RasEnumConnectionsA(LPRASCONNA lprasconn, LPDWORD lpcb, LPDWORD lpcConnections);
DWORD APIENTRY RasEnumConnectionsW(LPRASCONNW lprasconn, LPDWORD lpcb, LPDWORD lpcConnections);
DWORD APIENTRY RasGetConnectStatusA(HRASCONN hrasconn, LPRASCONNSTATUSA lprasconnstatus);
DWORD APIENTRY RasGetConnectStatusW(HRASCONN hrasconn, LPRASCONNSTATUSW lprasconnstatus);
DWORD APIENTRY RasHangUpA(HRASCONN hrasconn);
DWORD APIENTRY RasHangUpW(HRASCONN hrasconn);
DWORD APIENTRY RasConnectionNotificationA(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags);
DWORD APIENTRY RasConnectionNotificationW(HRASCONN hrasconn, HANDLE hEvent, DWORD dwFlags);
DWORD APIENTRY RasGetErrorStringA(UINT uErrorValue, LPSTR lpszErrorString, DWORD cBufSize);
DWORD APIENTRY RasGetErrorStringW(UINT uErrorValue, LPWSTR lpszErrorString, DWORD cBufSize);

/* pppras extension: the RASCONNSTATE's name ("RASCS_Connected"), or NULL
 * for a value Windows does not define. */
LPCSTR APIENTRY PppRasConnStateName(RASCONNSTATE state);

#ifdef UNICODE
#define RASCONN                    RASCONNW
#define LPRASCONN                  LPRASCONNW
#define RASCONNSTATUS              RASCONNSTATUSW
#define LPRASCONNSTATUS            LPRASCONNSTATUSW
#define RasEnumConnections         RasEnumConnectionsW
#define RasGetConnectStatus        RasGetConnectStatusW
#define RasHangUp                  RasHangUpW
#define RasConnectionNotification  RasConnectionNotificationW
#define RasGetErrorString          RasGetErrorStringW
#else
#define RASCONN                    RASCONNA
#define LPRASCONN                  LPRASCONNA
#define RASCONNSTATUS              RASCONNSTATUSA
#define LPRASCONNSTATUS            LPRASCONNSTATUSA
#define RasEnumConnections         RasEnumConnectionsA
#define RasGetConnectStatus        RasGetConnectStatusA
#define RasHangUp                  RasHangUpA
#define RasConnectionNotification  RasConnectionNotificationA
#define RasGetErrorString          RasGetErrorStringA
#endif

#ifdef __cplusplus
}
#endif
