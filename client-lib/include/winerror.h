/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The Win32 system error codes the RAS and WNet calls return, with their
 * Windows numbers. */

#define ERROR_SUCCESS                0
#define NO_ERROR                     0
#define ERROR_INVALID_FUNCTION       1
#define ERROR_FILE_NOT_FOUND         2
#define ERROR_PATH_NOT_FOUND         3
#define ERROR_ACCESS_DENIED          5
#define ERROR_INVALID_HANDLE         6
#define ERROR_NOT_ENOUGH_MEMORY      8
#define ERROR_INVALID_DATA           13
#define ERROR_OUTOFMEMORY            14
#define ERROR_INVALID_DRIVE          15
#define ERROR_NOT_SUPPORTED          50
#define ERROR_REM_NOT_LIST           51
#define ERROR_DUP_NAME               52
#define ERROR_BAD_NETPATH            53
#define ERROR_NETWORK_BUSY           54
#define ERROR_DEV_NOT_EXIST          55
#define ERROR_BAD_DEV_TYPE           66
#define ERROR_BAD_NET_NAME           67
#define ERROR_ALREADY_ASSIGNED       85
#define ERROR_INVALID_PASSWORD       86
#define ERROR_INVALID_PARAMETER      87
#define ERROR_INSUFFICIENT_BUFFER    122
#define ERROR_INVALID_NAME           123
#define ERROR_INVALID_LEVEL          124
#define ERROR_BUSY                   170
#define ERROR_ALREADY_EXISTS         183
#define ERROR_MORE_DATA              234
#define WAIT_TIMEOUT                 258
#define ERROR_NO_MORE_ITEMS          259
#define ERROR_INVALID_ADDRESS        487
#define ERROR_BAD_DEVICE             1200
#define ERROR_CONNECTION_UNAVAIL     1201
#define ERROR_DEVICE_ALREADY_REMEMBERED 1202
#define ERROR_NO_NET_OR_BAD_PATH     1203
#define ERROR_BAD_PROVIDER           1204
#define ERROR_CANNOT_OPEN_PROFILE    1205
#define ERROR_BAD_PROFILE            1206
#define ERROR_NOT_CONTAINER          1207
#define ERROR_EXTENDED_ERROR         1208
#define ERROR_NO_NETWORK             1222
#define ERROR_CANCELLED              1223
#define ERROR_SESSION_CREDENTIAL_CONFLICT 1219
#define ERROR_NETWORK_UNREACHABLE    1231
#define ERROR_LOGON_FAILURE          1326
#define ERROR_NOT_ENOUGH_QUOTA       1816
#define ERROR_BAD_USERNAME           2202
#define ERROR_NOT_CONNECTED          2250
#define ERROR_OPEN_FILES             2401
#define ERROR_DEVICE_IN_USE          2404

/* Codes of the base calls (LoadLibrary, GetProcAddress) and the ones the
 * WN_* names of winnetwk.h stand for. */
#define ERROR_GEN_FAILURE            31
#define ERROR_UNEXP_NET_ERR          59
#define ERROR_MOD_NOT_FOUND          126
#define ERROR_PROC_NOT_FOUND         127
#define ERROR_RETRY                  1237
#define ERROR_NOT_AUTHENTICATED      1244
#define ERROR_NOT_LOGGED_ON          1245
#define ERROR_ALREADY_INITIALIZED    1247
#define ERROR_NO_MORE_DEVICES        1248
#define ERROR_NO_LOGON_SERVERS       1311
#define ERROR_INVALID_USER_BUFFER    1784
#define ERROR_CONNECTED_OTHER_PASSWORD 2108
#define ERROR_CONNECTED_OTHER_PASSWORD_DEFAULT 2109
