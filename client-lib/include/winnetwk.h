/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* Windows Networking (WNet) on Linux: network drive connections through
 * ppprasd.  Names, structures, constants and return codes are those of
 * Windows' winnetwk.h (Mpr.dll); remote names may be
 *   \\server\share[\path]  or  //server/share[/path]   CIFS / SMB
 *   server:/path                                        NFS
 *   ssh://[user@]host[:port][/path]  (or sshfs://)      sshfs
 * and local names "A:".."Z:" (mounted on a per-user directory the
 * connection's lpComment names) or an absolute directory the caller owns. */

#include "wintypes.h"
#include "winerror.h"

#ifdef __cplusplus
extern "C" {
#endif

#define RESOURCE_CONNECTED          0x00000001
#define RESOURCE_GLOBALNET          0x00000002
#define RESOURCE_REMEMBERED         0x00000003
#define RESOURCE_RECENT             0x00000004
#define RESOURCE_CONTEXT            0x00000005

#define RESOURCETYPE_ANY            0x00000000
#define RESOURCETYPE_DISK           0x00000001
#define RESOURCETYPE_PRINT          0x00000002
#define RESOURCETYPE_RESERVED       0x00000008
#define RESOURCETYPE_UNKNOWN        0xFFFFFFFF

#define RESOURCEUSAGE_CONNECTABLE   0x00000001
#define RESOURCEUSAGE_CONTAINER     0x00000002
#define RESOURCEUSAGE_NOLOCALDEVICE 0x00000004
#define RESOURCEUSAGE_SIBLING       0x00000008
#define RESOURCEUSAGE_ATTACHED      0x00000010
#define RESOURCEUSAGE_ALL           (RESOURCEUSAGE_CONNECTABLE | RESOURCEUSAGE_CONTAINER | RESOURCEUSAGE_ATTACHED)
#define RESOURCEUSAGE_RESERVED      0x80000000

#define RESOURCEDISPLAYTYPE_GENERIC      0x00000000
#define RESOURCEDISPLAYTYPE_DOMAIN       0x00000001
#define RESOURCEDISPLAYTYPE_SERVER       0x00000002
#define RESOURCEDISPLAYTYPE_SHARE        0x00000003
#define RESOURCEDISPLAYTYPE_FILE         0x00000004
#define RESOURCEDISPLAYTYPE_GROUP        0x00000005
#define RESOURCEDISPLAYTYPE_NETWORK      0x00000006
#define RESOURCEDISPLAYTYPE_ROOT         0x00000007
#define RESOURCEDISPLAYTYPE_SHAREADMIN   0x00000008
#define RESOURCEDISPLAYTYPE_DIRECTORY    0x00000009
#define RESOURCEDISPLAYTYPE_TREE         0x0000000A
#define RESOURCEDISPLAYTYPE_NDSCONTAINER 0x0000000B

#define CONNECT_UPDATE_PROFILE      0x00000001
#define CONNECT_UPDATE_RECENT       0x00000002
#define CONNECT_TEMPORARY           0x00000004
#define CONNECT_INTERACTIVE         0x00000008
#define CONNECT_PROMPT              0x00000010
#define CONNECT_NEED_DRIVE          0x00000020
#define CONNECT_REFCOUNT            0x00000040
#define CONNECT_REDIRECT            0x00000080
#define CONNECT_LOCALDRIVE          0x00000100
#define CONNECT_CURRENT_MEDIA       0x00000200
#define CONNECT_DEFERRED            0x00000400
#define CONNECT_RESERVED            0xFF000000
#define CONNECT_COMMANDLINE         0x00000800
#define CONNECT_CMD_SAVECRED        0x00001000
#define CONNECT_CRED_RESET          0x00002000

typedef struct _NETRESOURCEA {
    DWORD dwScope;
    DWORD dwType;
    DWORD dwDisplayType;
    DWORD dwUsage;
    LPSTR lpLocalName;
    LPSTR lpRemoteName;
    LPSTR lpComment;           /* pppras: the directory the connection is mounted on */
    LPSTR lpProvider;          /* "cifs", "nfs" or "sshfs" */
} NETRESOURCEA, *LPNETRESOURCEA;

typedef struct _NETRESOURCEW {
    DWORD dwScope;
    DWORD dwType;
    DWORD dwDisplayType;
    DWORD dwUsage;
    LPWSTR lpLocalName;
    LPWSTR lpRemoteName;
    LPWSTR lpComment;
    LPWSTR lpProvider;
} NETRESOURCEW, *LPNETRESOURCEW;

/* Connecting.  lpPassword NULL or "": no password (sshfs then uses the
 * caller's keys); lpUserName NULL: the name in the remote name, else
 * none.  WNetAddConnection remembers the connection (as on Windows). */
DWORD WINAPI WNetAddConnection2A(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName, DWORD dwFlags);
DWORD WINAPI WNetAddConnection2W(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName, DWORD dwFlags);
DWORD WINAPI WNetAddConnection3A(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName, DWORD dwFlags);
DWORD WINAPI WNetAddConnection3W(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName, DWORD dwFlags);
DWORD WINAPI WNetAddConnectionA(LPCSTR lpRemoteName, LPCSTR lpPassword, LPCSTR lpLocalName);
DWORD WINAPI WNetAddConnectionW(LPCWSTR lpRemoteName, LPCWSTR lpPassword, LPCWSTR lpLocalName);
/* With CONNECT_REDIRECT and no lpLocalName, a free drive letter (from Z:
 * down) is chosen and written to lpAccessName; *lpResult gets
 * CONNECT_LOCALDRIVE then. */
DWORD WINAPI WNetUseConnectionA(HWND hwndOwner, LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserId,
                                DWORD dwFlags, LPSTR lpAccessName, LPDWORD lpBufferSize, LPDWORD lpResult);
DWORD WINAPI WNetUseConnectionW(HWND hwndOwner, LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserId,
                                DWORD dwFlags, LPWSTR lpAccessName, LPDWORD lpBufferSize, LPDWORD lpResult);

/* Disconnecting.  WNetCancelConnection also forgets a remembered
 * connection (it is WNetCancelConnection2 with CONNECT_UPDATE_PROFILE). */
DWORD WINAPI WNetCancelConnectionA(LPCSTR lpName, BOOL fForce);
DWORD WINAPI WNetCancelConnectionW(LPCWSTR lpName, BOOL fForce);
DWORD WINAPI WNetCancelConnection2A(LPCSTR lpName, DWORD dwFlags, BOOL fForce);
DWORD WINAPI WNetCancelConnection2W(LPCWSTR lpName, DWORD dwFlags, BOOL fForce);

/* The remote name of a local device; *lpnLength in characters,
 * ERROR_MORE_DATA with the length needed (NUL included). */
DWORD WINAPI WNetGetConnectionA(LPCSTR lpLocalName, LPSTR lpRemoteName, LPDWORD lpnLength);
DWORD WINAPI WNetGetConnectionW(LPCWSTR lpLocalName, LPWSTR lpRemoteName, LPDWORD lpnLength);

/* Enumeration of RESOURCE_CONNECTED and RESOURCE_REMEMBERED. */
DWORD WINAPI WNetOpenEnumA(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEA lpNetResource, LPHANDLE lphEnum);
DWORD WINAPI WNetOpenEnumW(DWORD dwScope, DWORD dwType, DWORD dwUsage, LPNETRESOURCEW lpNetResource, LPHANDLE lphEnum);
DWORD WINAPI WNetEnumResourceA(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
DWORD WINAPI WNetEnumResourceW(HANDLE hEnum, LPDWORD lpcCount, LPVOID lpBuffer, LPDWORD lpBufferSize);
DWORD WINAPI WNetCloseEnum(HANDLE hEnum);

/* After ERROR_EXTENDED_ERROR: the provider's own code, its message and
 * the provider's name, for the calling thread. */
DWORD WINAPI WNetGetLastErrorA(LPDWORD lpError, LPSTR lpErrorBuf, DWORD nErrorBufSize, LPSTR lpNameBuf, DWORD nNameBufSize);
DWORD WINAPI WNetGetLastErrorW(LPDWORD lpError, LPWSTR lpErrorBuf, DWORD nErrorBufSize, LPWSTR lpNameBuf, DWORD nNameBufSize);

/* ---------------------------------------------------------------- information
 * Answered from the caller's connections (connected, and remembered where
 * Windows also answers for them); there is no network browsing. */

#define UNIVERSAL_NAME_INFO_LEVEL   0x00000001
#define REMOTE_NAME_INFO_LEVEL      0x00000002

typedef struct _UNIVERSAL_NAME_INFOA {
    LPSTR lpUniversalName;
} UNIVERSAL_NAME_INFOA, *LPUNIVERSAL_NAME_INFOA;

typedef struct _UNIVERSAL_NAME_INFOW {
    LPWSTR lpUniversalName;
} UNIVERSAL_NAME_INFOW, *LPUNIVERSAL_NAME_INFOW;

typedef struct _REMOTE_NAME_INFOA {
    LPSTR lpUniversalName;
    LPSTR lpConnectionName;
    LPSTR lpRemainingPath;
} REMOTE_NAME_INFOA, *LPREMOTE_NAME_INFOA;

typedef struct _REMOTE_NAME_INFOW {
    LPWSTR lpUniversalName;
    LPWSTR lpConnectionName;
    LPWSTR lpRemainingPath;
} REMOTE_NAME_INFOW, *LPREMOTE_NAME_INFOW;

/* The network name of lpLocalPath, a path on a connected drive ("Z:\dir",
 * "Z:/dir") or under a connection's directory: the structure first, its
 * strings after it in the same buffer; *lpBufferSize in bytes,
 * ERROR_MORE_DATA with the size needed. */
DWORD WINAPI WNetGetUniversalNameA(LPCSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize);
DWORD WINAPI WNetGetUniversalNameW(LPCWSTR lpLocalPath, DWORD dwInfoLevel, LPVOID lpBuffer, LPDWORD lpBufferSize);

/* The user name a connection was made as (lpName a local device or a
 * remote name), or the caller's own name for NULL or "";
 * *lpnLength in characters. */
DWORD WINAPI WNetGetUserA(LPCSTR lpName, LPSTR lpUserName, LPDWORD lpnLength);
DWORD WINAPI WNetGetUserW(LPCWSTR lpName, LPWSTR lpUserName, LPDWORD lpnLength);

/* The network resource lpNetResource->lpRemoteName lies on, and in
 * *lplpSystem the rest of the name past it (NULL when none);
 * *lpcbBuffer in bytes. */
DWORD WINAPI WNetGetResourceInformationA(LPNETRESOURCEA lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                         LPSTR *lplpSystem);
DWORD WINAPI WNetGetResourceInformationW(LPNETRESOURCEW lpNetResource, LPVOID lpBuffer, LPDWORD lpcbBuffer,
                                         LPWSTR *lplpSystem);

/* ---------------------------------------------------------------- WN_* codes
 * The names Windows' winnetwk.h gives the error codes WNet calls return. */
#define WN_SUCCESS                      NO_ERROR
#define WN_NO_ERROR                     NO_ERROR
#define WN_NOT_SUPPORTED                ERROR_NOT_SUPPORTED
#define WN_CANCEL                       ERROR_CANCELLED
#define WN_RETRY                        ERROR_RETRY
#define WN_NET_ERROR                    ERROR_UNEXP_NET_ERR
#define WN_MORE_DATA                    ERROR_MORE_DATA
#define WN_BAD_POINTER                  ERROR_INVALID_ADDRESS
#define WN_BAD_VALUE                    ERROR_INVALID_PARAMETER
#define WN_BAD_USER                     ERROR_BAD_USERNAME
#define WN_BAD_PASSWORD                 ERROR_INVALID_PASSWORD
#define WN_ACCESS_DENIED                ERROR_ACCESS_DENIED
#define WN_FUNCTION_BUSY                ERROR_BUSY
#define WN_WINDOWS_ERROR                ERROR_UNEXP_NET_ERR
#define WN_OUT_OF_MEMORY                ERROR_NOT_ENOUGH_MEMORY
#define WN_NO_NETWORK                   ERROR_NO_NETWORK
#define WN_EXTENDED_ERROR               ERROR_EXTENDED_ERROR
#define WN_BAD_LEVEL                    ERROR_INVALID_LEVEL
#define WN_BAD_HANDLE                   ERROR_INVALID_HANDLE
#define WN_NOT_INITIALIZING             ERROR_ALREADY_INITIALIZED
#define WN_NO_MORE_DEVICES              ERROR_NO_MORE_DEVICES
#define WN_NOT_CONNECTED                ERROR_NOT_CONNECTED
#define WN_OPEN_FILES                   ERROR_OPEN_FILES
#define WN_DEVICE_IN_USE                ERROR_DEVICE_IN_USE
#define WN_BAD_NETNAME                  ERROR_BAD_NET_NAME
#define WN_BAD_LOCALNAME                ERROR_BAD_DEVICE
#define WN_ALREADY_CONNECTED            ERROR_ALREADY_ASSIGNED
#define WN_DEVICE_ERROR                 ERROR_GEN_FAILURE
#define WN_CONNECTION_CLOSED            ERROR_CONNECTION_UNAVAIL
#define WN_NO_NET_OR_BAD_PATH           ERROR_NO_NET_OR_BAD_PATH
#define WN_BAD_PROVIDER                 ERROR_BAD_PROVIDER
#define WN_CANNOT_OPEN_PROFILE          ERROR_CANNOT_OPEN_PROFILE
#define WN_BAD_PROFILE                  ERROR_BAD_PROFILE
#define WN_BAD_DEV_TYPE                 ERROR_BAD_DEV_TYPE
#define WN_DEVICE_ALREADY_REMEMBERED    ERROR_DEVICE_ALREADY_REMEMBERED
#define WN_CONNECTED_OTHER_PASSWORD     ERROR_CONNECTED_OTHER_PASSWORD
#define WN_CONNECTED_OTHER_PASSWORD_DEFAULT ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT
#define WN_NO_MORE_ENTRIES              ERROR_NO_MORE_ITEMS
#define WN_NOT_CONTAINER                ERROR_NOT_CONTAINER
#define WN_NOT_AUTHENTICATED            ERROR_NOT_AUTHENTICATED
#define WN_NOT_LOGGED_ON                ERROR_NOT_LOGGED_ON
#define WN_NOT_VALIDATED                ERROR_NO_LOGON_SERVERS

/* pppras extensions.  PppWNetAddConnectionOnLink: WNetAddConnection2 bound
 * to a RAS connection (HRASCONN as returned by RasDial): hanging that
 * connection up (or losing the link) detaches the mount first.
 * PppWNetRestoreConnections: reconnects the caller's remembered
 * connections that need no password; *lpcRestored (may be NULL) gets how
 * many came up. */
DWORD WINAPI PppWNetAddConnectionOnLinkA(LPNETRESOURCEA lpNetResource, LPCSTR lpPassword, LPCSTR lpUserName,
                                         DWORD dwFlags, HANDLE hrasconn);
DWORD WINAPI PppWNetAddConnectionOnLinkW(LPNETRESOURCEW lpNetResource, LPCWSTR lpPassword, LPCWSTR lpUserName,
                                         DWORD dwFlags, HANDLE hrasconn);
DWORD WINAPI PppWNetRestoreConnections(LPDWORD lpcRestored);

#ifdef UNICODE
typedef NETRESOURCEW NETRESOURCE;
typedef LPNETRESOURCEW LPNETRESOURCE;
#define WNetAddConnection2 WNetAddConnection2W
#define WNetAddConnection3 WNetAddConnection3W
#define WNetAddConnection WNetAddConnectionW
#define WNetUseConnection WNetUseConnectionW
#define WNetCancelConnection WNetCancelConnectionW
#define WNetCancelConnection2 WNetCancelConnection2W
#define WNetGetConnection WNetGetConnectionW
#define WNetOpenEnum WNetOpenEnumW
#define WNetEnumResource WNetEnumResourceW
#define WNetGetLastError WNetGetLastErrorW
#define PppWNetAddConnectionOnLink PppWNetAddConnectionOnLinkW
typedef UNIVERSAL_NAME_INFOW UNIVERSAL_NAME_INFO;
typedef LPUNIVERSAL_NAME_INFOW LPUNIVERSAL_NAME_INFO;
typedef REMOTE_NAME_INFOW REMOTE_NAME_INFO;
typedef LPREMOTE_NAME_INFOW LPREMOTE_NAME_INFO;
#define WNetGetUniversalName WNetGetUniversalNameW
#define WNetGetUser WNetGetUserW
#define WNetGetResourceInformation WNetGetResourceInformationW
#else
typedef NETRESOURCEA NETRESOURCE;
typedef LPNETRESOURCEA LPNETRESOURCE;
#define WNetAddConnection2 WNetAddConnection2A
#define WNetAddConnection3 WNetAddConnection3A
#define WNetAddConnection WNetAddConnectionA
#define WNetUseConnection WNetUseConnectionA
#define WNetCancelConnection WNetCancelConnectionA
#define WNetCancelConnection2 WNetCancelConnection2A
#define WNetGetConnection WNetGetConnectionA
#define WNetOpenEnum WNetOpenEnumA
#define WNetEnumResource WNetEnumResourceA
#define WNetGetLastError WNetGetLastErrorA
#define PppWNetAddConnectionOnLink PppWNetAddConnectionOnLinkA
typedef UNIVERSAL_NAME_INFOA UNIVERSAL_NAME_INFO;
typedef LPUNIVERSAL_NAME_INFOA LPUNIVERSAL_NAME_INFO;
typedef REMOTE_NAME_INFOA REMOTE_NAME_INFO;
typedef LPREMOTE_NAME_INFOA LPREMOTE_NAME_INFO;
#define WNetGetUniversalName WNetGetUniversalNameA
#define WNetGetUser WNetGetUserA
#define WNetGetResourceInformation WNetGetResourceInformationA
#endif

#ifdef __cplusplus
}
#endif
