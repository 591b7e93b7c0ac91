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

/* RasDial's extended features.  pppras accepts every version and every
 * option bit; none changes what pppd does (see RasDial in ras.h's notes). */
#define RDEOPT_UsePrefixSuffix           0x00000001
#define RDEOPT_PausedStates              0x00000002
#define RDEOPT_IgnoreModemSpeaker        0x00000004
#define RDEOPT_SetModemSpeaker           0x00000008
#define RDEOPT_IgnoreSoftwareCompression 0x00000010
#define RDEOPT_SetSoftwareCompression    0x00000020
#define RDEOPT_DisableConnectedUI        0x00000040
#define RDEOPT_DisableReconnectUI        0x00000080
#define RDEOPT_DisableReconnect          0x00000100
#define RDEOPT_NoUser                    0x00000200
#define RDEOPT_PauseOnScript             0x00000400
#define RDEOPT_Router                    0x00000800
#define RDEOPT_CustomDial                0x00001000
#define RDEOPT_UseCustomScripting        0x00002000
#define RDEOPT_InvokeAutoTriggerCredentialUI 0x00004000
#define RDEOPT_EapInfoCryptInCapable     0x00008000

typedef struct tagRasEapInfo {
    DWORD dwSizeofEapInfo;
    BYTE *pbEapInfo;
} RASEAPINFO;

typedef struct tagRasDevSpecificInfo {
    DWORD dwSize;
    PBYTE pbDevSpecificInfo;
} RASDEVSPECIFICINFO, *PRASDEVSPECIFICINFO;

typedef struct tagRASDIALEXTENSIONS {
    DWORD     dwSize;
    DWORD     dwfOptions;
    HWND      hwndParent;
    ULONG_PTR reserved;
#if (WINVER >= 0x500)
    ULONG_PTR reserved1;
    RASEAPINFO RasEapInfo;
#endif
#if (WINVER >= 0x601)
    BOOL      fSkipPppAuth;
    RASDEVSPECIFICINFO RasDevSpecificInfo;
#endif
} RASDIALEXTENSIONS, *LPRASDIALEXTENSIONS;

typedef struct tagRASDIALPARAMSA {
    DWORD     dwSize;
    CHAR      szEntryName[RAS_MaxEntryName + 1];
    CHAR      szPhoneNumber[RAS_MaxPhoneNumber + 1];
    CHAR      szCallbackNumber[RAS_MaxCallbackNumber + 1];
    CHAR      szUserName[UNLEN + 1];
    CHAR      szPassword[PWLEN + 1];
    CHAR      szDomain[DNLEN + 1];
#if (WINVER >= 0x401)
    DWORD     dwSubEntry;
    ULONG_PTR dwCallbackId;
#endif
#if (WINVER >= 0x601)
    DWORD     dwIfIndex;
#endif
} RASDIALPARAMSA, *LPRASDIALPARAMSA;

typedef struct tagRASDIALPARAMSW {
    DWORD     dwSize;
    WCHAR     szEntryName[RAS_MaxEntryName + 1];
    WCHAR     szPhoneNumber[RAS_MaxPhoneNumber + 1];
    WCHAR     szCallbackNumber[RAS_MaxCallbackNumber + 1];
    WCHAR     szUserName[UNLEN + 1];
    WCHAR     szPassword[PWLEN + 1];
    WCHAR     szDomain[DNLEN + 1];
#if (WINVER >= 0x401)
    DWORD     dwSubEntry;
    ULONG_PTR dwCallbackId;
#endif
#if (WINVER >= 0x601)
    DWORD     dwIfIndex;
#endif
} RASDIALPARAMSW, *LPRASDIALPARAMSW;

/* RasEnumEntries.  pppras's one phonebook is system-wide: REN_AllUsers. */
#define REN_User     0x00000000
#define REN_AllUsers 0x00000001

typedef struct tagRASENTRYNAMEA {
    DWORD dwSize;
    CHAR  szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x500)
    DWORD dwFlags;
    CHAR  szPhonebookPath[MAX_PATH + 1];
#endif
} RASENTRYNAMEA, *LPRASENTRYNAMEA;

typedef struct tagRASENTRYNAMEW {
    DWORD dwSize;
    WCHAR szEntryName[RAS_MaxEntryName + 1];
#if (WINVER >= 0x500)
    DWORD dwFlags;
    WCHAR szPhonebookPath[MAX_PATH + 1];
#endif
} RASENTRYNAMEW, *LPRASENTRYNAMEW;

/* RasGetConnectionStatistics.  dwConnectDuration is in milliseconds. */
typedef struct _RAS_STATS {
    DWORD dwSize;
    DWORD dwBytesXmited;
    DWORD dwBytesRcved;
    DWORD dwFramesXmited;
    DWORD dwFramesRcved;
    DWORD dwCrcErr;
    DWORD dwTimeoutErr;
    DWORD dwAlignmentErr;
    DWORD dwHardwareOverrunErr;
    DWORD dwFramingErr;
    DWORD dwBufferOverrunErr;
    DWORD dwCompressionRatioIn;
    DWORD dwCompressionRatioOut;
    DWORD dwBps;
    DWORD dwConnectDuration;
} RAS_STATS, *PRAS_STATS;

/* RasGetProjectionInfo: the PPP protocol numbers Windows uses. */
typedef enum tagRASPROJECTION {
    RASP_Amb     = 0x10000,
    RASP_PppNbf  = 0x803F,
    RASP_PppIpx  = 0x802B,
    RASP_PppIp   = 0x8021,
    RASP_PppCcp  = 0x80FD,
    RASP_PppLcp  = 0xC021,
    RASP_PppIpv6 = 0x8057,
    RASP_Slip    = 0x20000
} RASPROJECTION, *LPRASPROJECTION;

#define RASIPO_VJ 0x00000001

typedef struct tagRASPPPIPA {
    DWORD dwSize;
    DWORD dwError;
    CHAR  szIpAddress[RAS_MaxIpAddress + 1];
#ifndef WINNT35COMPATIBLE
    CHAR  szServerIpAddress[RAS_MaxIpAddress + 1];
#endif
#if (WINVER >= 0x500)
    DWORD dwOptions;
    DWORD dwServerOptions;
#endif
} RASPPPIPA, *LPRASPPPIPA;

typedef struct tagRASPPPIPW {
    DWORD dwSize;
    DWORD dwError;
    WCHAR szIpAddress[RAS_MaxIpAddress + 1];
#ifndef WINNT35COMPATIBLE
    WCHAR szServerIpAddress[RAS_MaxIpAddress + 1];
#endif
#if (WINVER >= 0x500)
    DWORD dwOptions;
    DWORD dwServerOptions;
#endif
} RASPPPIPW, *LPRASPPPIPW;

/* ---- The phonebook: RASENTRY, RASSUBENTRY, RASDEVINFO, RASCREDENTIALS ---- */

#define RAS_MaxIDSize 256

typedef struct RASIPADDR {
    BYTE a;
    BYTE b;
    BYTE c;
    BYTE d;
} RASIPADDR;

/* RASENTRY dwfOptions */
#define RASEO_UseCountryAndAreaCodes 0x00000001
#define RASEO_SpecificIpAddr         0x00000002
#define RASEO_SpecificNameServers    0x00000004
#define RASEO_IpHeaderCompression    0x00000008
#define RASEO_RemoteDefaultGateway   0x00000010
#define RASEO_DisableLcpExtensions   0x00000020
#define RASEO_TerminalBeforeDial     0x00000040
#define RASEO_TerminalAfterDial      0x00000080
#define RASEO_ModemLights            0x00000100
#define RASEO_SwCompression          0x00000200
#define RASEO_RequireEncryptedPw     0x00000400
#define RASEO_RequireMsEncryptedPw   0x00000800
#define RASEO_RequireDataEncryption  0x00001000
#define RASEO_NetworkLogon           0x00002000
#define RASEO_UseLogonCredentials    0x00004000
#define RASEO_PromoteAlternates      0x00008000
#define RASEO_SecureLocalFiles       0x00010000
#define RASEO_RequireEAP             0x00020000
#define RASEO_RequirePAP             0x00040000
#define RASEO_RequireSPAP            0x00080000
#define RASEO_Custom                 0x00100000
#define RASEO_PreviewPhoneNumber     0x00200000
#define RASEO_SharedPhoneNumbers     0x00800000
#define RASEO_PreviewUserPw          0x01000000
#define RASEO_PreviewDomain          0x02000000
#define RASEO_ShowDialingProgress    0x04000000
#define RASEO_RequireCHAP            0x08000000
#define RASEO_RequireMsCHAP          0x10000000
#define RASEO_RequireMsCHAP2         0x20000000
#define RASEO_RequireW95MSCHAP       0x40000000
#define RASEO_CustomScript           0x80000000

/* RASENTRY dwfOptions2 */
#define RASEO2_SecureFileAndPrint        0x00000001
#define RASEO2_SecureClientForMSNet      0x00000002
#define RASEO2_DontNegotiateMultilink    0x00000004
#define RASEO2_DontUseRasCredentials     0x00000008
#define RASEO2_UsePreSharedKey           0x00000010
#define RASEO2_Internet                  0x00000020
#define RASEO2_DisableNbtOverIP          0x00000040
#define RASEO2_UseGlobalDeviceSettings   0x00000080
#define RASEO2_ReconnectIfDropped        0x00000100
#define RASEO2_SharePhoneNumbers         0x00000200
#define RASEO2_SecureRoutingCompartment  0x00000400
#define RASEO2_UseTypicalSettings        0x00000800
#define RASEO2_IPv6SpecificNameServers   0x00001000
#define RASEO2_IPv6RemoteDefaultGateway  0x00002000
#define RASEO2_RegisterIpWithDNS         0x00004000
#define RASEO2_UseDNSSuffixForRegistration 0x00008000
#define RASEO2_IPv4ExplicitMetric        0x00010000
#define RASEO2_IPv6ExplicitMetric        0x00020000
#define RASEO2_DisableIKENameEkuCheck    0x00040000
#define RASEO2_DisableClassBasedStaticRoute 0x00080000
#define RASEO2_SpecificIPv6Addr          0x00100000
#define RASEO2_DisableMobility           0x00200000
#define RASEO2_RequireMachineCertificates 0x00400000

/* dwfNetProtocols */
#define RASNP_NetBEUI 0x00000001
#define RASNP_Ipx     0x00000002
#define RASNP_Ip      0x00000004
#define RASNP_Ipv6    0x00000008

/* dwFramingProtocol */
#define RASFP_Ppp  0x00000001
#define RASFP_Slip 0x00000002
#define RASFP_Ras  0x00000004

/* szDeviceType */
#define RASDT_Modem      "modem"
#define RASDT_Isdn       "isdn"
#define RASDT_X25        "x25"
#define RASDT_Vpn        "vpn"
#define RASDT_Pad        "pad"
#define RASDT_Generic    "GENERIC"
#define RASDT_Serial     "SERIAL"
#define RASDT_FrameRelay "FRAMERELAY"
#define RASDT_Atm        "ATM"
#define RASDT_Sonet      "SONET"
#define RASDT_SW56       "SW56"
#define RASDT_Irda       "IRDA"
#define RASDT_Parallel   "PARALLEL"
#define RASDT_PPPoE      "PPPoE"

/* dwType */
#define RASET_Phone    1
#define RASET_Vpn      2
#define RASET_Direct   3
#define RASET_Internet 4
#define RASET_Broadband 5

/* dwEncryptionType */
#define ET_None        0
#define ET_Require     1
#define ET_RequireMax  2
#define ET_Optional    3

/* dwVpnStrategy */
#define VS_Default     0
#define VS_PptpOnly    1
#define VS_PptpFirst   2
#define VS_L2tpOnly    3
#define VS_L2tpFirst   4
#define VS_SstpOnly    5
#define VS_SstpFirst   6
#define VS_Ikev2Only   7
#define VS_Ikev2First  8
#define VS_GREOnly     9
#define VS_PptpSstp    12
#define VS_L2tpSstp    13
#define VS_Ikev2Sstp   14
#define VS_ProtocolList 15

/* dwDialMode */
#define RASEDM_DialAll      1
#define RASEDM_DialAsNeeded 2

/* dwIdleDisconnectSeconds */
#define RASIDS_Disabled       0xFFFFFFFF
#define RASIDS_UseGlobalValue 0

typedef enum {
    IKEV2_ID_PAYLOAD_TYPE_INVALID = 0,
    IKEV2_ID_PAYLOAD_TYPE_IPV4_ADDR = 1,
    IKEV2_ID_PAYLOAD_TYPE_FQDN = 2,
    IKEV2_ID_PAYLOAD_TYPE_RFC822_ADDR = 3,
    IKEV2_ID_PAYLOAD_TYPE_RESERVED1 = 4,
    IKEV2_ID_PAYLOAD_TYPE_ID_IPV6_ADDR = 5,
    IKEV2_ID_PAYLOAD_TYPE_RESERVED2 = 6,
    IKEV2_ID_PAYLOAD_TYPE_RESERVED3 = 7,
    IKEV2_ID_PAYLOAD_TYPE_RESERVED4 = 8,
    IKEV2_ID_PAYLOAD_TYPE_DER_ASN1_DN = 9,
    IKEV2_ID_PAYLOAD_TYPE_DER_ASN1_GN = 10,
    IKEV2_ID_PAYLOAD_TYPE_KEY_ID = 11,
    IKEV2_ID_PAYLOAD_TYPE_MAX = 12
} IKEV2_ID_PAYLOAD_TYPE;

#define _PPPRAS_RASENTRY_FIELDS(CH)                                   \
    DWORD     dwSize;                                         \
    DWORD     dwfOptions;                                     \
    DWORD     dwCountryID;                                    \
    DWORD     dwCountryCode;                                  \
    CH        szAreaCode[RAS_MaxAreaCode + 1];                \
    CH        szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];     \
    DWORD     dwAlternateOffset;                              \
    RASIPADDR ipaddr;                                         \
    RASIPADDR ipaddrDns;                                      \
    RASIPADDR ipaddrDnsAlt;                                   \
    RASIPADDR ipaddrWins;                                     \
    RASIPADDR ipaddrWinsAlt;                                  \
    DWORD     dwFrameSize;                                    \
    DWORD     dwfNetProtocols;                                \
    DWORD     dwFramingProtocol;                              \
    CH        szScript[MAX_PATH];                             \
    CH        szAutodialDll[MAX_PATH];                        \
    CH        szAutodialFunc[MAX_PATH];                       \
    CH        szDeviceType[RAS_MaxDeviceType + 1];            \
    CH        szDeviceName[RAS_MaxDeviceName + 1];            \
    CH        szX25PadType[RAS_MaxPadType + 1];               \
    CH        szX25Address[RAS_MaxX25Address + 1];            \
    CH        szX25Facilities[RAS_MaxFacilities + 1];         \
    CH        szX25UserData[RAS_MaxUserData + 1];             \
    DWORD     dwChannels;                                     \
    DWORD     dwReserved1;                                    \
    DWORD     dwReserved2;
#define _PPPRAS_RASENTRY_FIELDS_401                                   \
    DWORD     dwSubEntries;                                   \
    DWORD     dwDialMode;                                     \
    DWORD     dwDialExtraPercent;                             \
    DWORD     dwDialExtraSampleSeconds;                       \
    DWORD     dwHangUpExtraPercent;                           \
    DWORD     dwHangUpExtraSampleSeconds;                     \
    DWORD     dwIdleDisconnectSeconds;
#define _PPPRAS_RASENTRY_FIELDS_500(CH)                               \
    DWORD     dwType;                                         \
    DWORD     dwEncryptionType;                               \
    DWORD     dwCustomAuthKey;                                \
    GUID      guidId;                                         \
    CH        szCustomDialDll[MAX_PATH];                      \
    DWORD     dwVpnStrategy;
#define _PPPRAS_RASENTRY_FIELDS_501(CH)                               \
    DWORD     dwfOptions2;                                    \
    DWORD     dwfOptions3;                                    \
    CH        szDnsSuffix[RAS_MaxDnsSuffix];                  \
    DWORD     dwTcpWindowSize;                                \
    CH        szPrerequisitePbk[MAX_PATH];                    \
    CH        szPrerequisiteEntry[RAS_MaxEntryName + 1];      \
    DWORD     dwRedialCount;                                  \
    DWORD     dwRedialPause;
#define _PPPRAS_RASENTRY_FIELDS_600                                   \
    RASIPV6ADDR ipv6addrDns;                                  \
    RASIPV6ADDR ipv6addrDnsAlt;                               \
    DWORD     dwIPv4InterfaceMetric;                          \
    DWORD     dwIPv6InterfaceMetric;
#define _PPPRAS_RASENTRY_FIELDS_601                                   \
    RASIPV6ADDR ipv6addr;                                     \
    DWORD     dwIPv6PrefixLength;                             \
    DWORD     dwNetworkOutageTime;
#define _PPPRAS_RASENTRY_FIELDS_A00(CH)                               \
    CH        szIDi[RAS_MaxIDSize + 1];                       \
    CH        szIDr[RAS_MaxIDSize + 1];                       \
    BOOL      fIsImsConfig;                                   \
    IKEV2_ID_PAYLOAD_TYPE IdiType;                            \
    IKEV2_ID_PAYLOAD_TYPE IdrType;                            \
    BOOL      fDisableIKEv2Fragmentation;

typedef struct tagRASENTRYA {
    _PPPRAS_RASENTRY_FIELDS(CHAR)
#if (WINVER >= 0x401)
    _PPPRAS_RASENTRY_FIELDS_401
#endif
#if (WINVER >= 0x500)
    _PPPRAS_RASENTRY_FIELDS_500(CHAR)
#endif
#if (WINVER >= 0x501)
    _PPPRAS_RASENTRY_FIELDS_501(CHAR)
#endif
#if (WINVER >= 0x600)
    _PPPRAS_RASENTRY_FIELDS_600
#endif
#if (WINVER >= 0x601)
    _PPPRAS_RASENTRY_FIELDS_601
#endif
#if (WINVER >= 0xA00)
    _PPPRAS_RASENTRY_FIELDS_A00(CHAR)
#endif
} RASENTRYA, *LPRASENTRYA;

typedef struct tagRASENTRYW {
    _PPPRAS_RASENTRY_FIELDS(WCHAR)
#if (WINVER >= 0x401)
    _PPPRAS_RASENTRY_FIELDS_401
#endif
#if (WINVER >= 0x500)
    _PPPRAS_RASENTRY_FIELDS_500(WCHAR)
#endif
#if (WINVER >= 0x501)
    _PPPRAS_RASENTRY_FIELDS_501(WCHAR)
#endif
#if (WINVER >= 0x600)
    _PPPRAS_RASENTRY_FIELDS_600
#endif
#if (WINVER >= 0x601)
    _PPPRAS_RASENTRY_FIELDS_601
#endif
#if (WINVER >= 0xA00)
    _PPPRAS_RASENTRY_FIELDS_A00(WCHAR)
#endif
} RASENTRYW, *LPRASENTRYW;

#undef _PPPRAS_RASENTRY_FIELDS
#undef _PPPRAS_RASENTRY_FIELDS_401
#undef _PPPRAS_RASENTRY_FIELDS_500
#undef _PPPRAS_RASENTRY_FIELDS_501
#undef _PPPRAS_RASENTRY_FIELDS_600
#undef _PPPRAS_RASENTRY_FIELDS_601
#undef _PPPRAS_RASENTRY_FIELDS_A00

/* RASSUBENTRY dwfFlags: none defined. */
typedef struct tagRASSUBENTRYA {
    DWORD dwSize;
    DWORD dwfFlags;
    CHAR  szDeviceType[RAS_MaxDeviceType + 1];
    CHAR  szDeviceName[RAS_MaxDeviceName + 1];
    CHAR  szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
    DWORD dwAlternateOffset;
} RASSUBENTRYA, *LPRASSUBENTRYA;

typedef struct tagRASSUBENTRYW {
    DWORD dwSize;
    DWORD dwfFlags;
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
    WCHAR szLocalPhoneNumber[RAS_MaxPhoneNumber + 1];
    DWORD dwAlternateOffset;
} RASSUBENTRYW, *LPRASSUBENTRYW;

typedef struct tagRASDEVINFOA {
    DWORD dwSize;
    CHAR  szDeviceType[RAS_MaxDeviceType + 1];
    CHAR  szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOA, *LPRASDEVINFOA;

typedef struct tagRASDEVINFOW {
    DWORD dwSize;
    WCHAR szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR szDeviceName[RAS_MaxDeviceName + 1];
} RASDEVINFOW, *LPRASDEVINFOW;

/* RASCREDENTIALS dwMask */
#define RASCM_UserName          0x00000001
#define RASCM_Password          0x00000002
#define RASCM_Domain            0x00000004
#define RASCM_DefaultCreds      0x00000008
#define RASCM_PreSharedKey      0x00000010
#define RASCM_ServerPreSharedKey 0x00000020
#define RASCM_DDMPreSharedKey   0x00000040

typedef struct tagRASCREDENTIALSA {
    DWORD dwSize;
    DWORD dwMask;
    CHAR  szUserName[UNLEN + 1];
    CHAR  szPassword[PWLEN + 1];
    CHAR  szDomain[DNLEN + 1];
} RASCREDENTIALSA, *LPRASCREDENTIALSA;

typedef struct tagRASCREDENTIALSW {
    DWORD dwSize;
    DWORD dwMask;
    WCHAR szUserName[UNLEN + 1];
    WCHAR szPassword[PWLEN + 1];
    WCHAR szDomain[DNLEN + 1];
} RASCREDENTIALSW, *LPRASCREDENTIALSW;

/* RasGetProjectionInfoEx */
typedef enum {
    RASAPIVERSION_500 = 1,
    RASAPIVERSION_501 = 2,
    RASAPIVERSION_600 = 3,
    RASAPIVERSION_601 = 4
} RASAPIVERSION;
#define RASAPIVERSION_CURRENT RASAPIVERSION_601

#define RASLCPAP_PAP  0xC023
#define RASLCPAP_SPAP 0xC027
#define RASLCPAP_CHAP 0xC223
#define RASLCPAP_EAP  0xC227
#define RASLCPAD_CHAP_MD5  0x05
#define RASLCPAD_CHAP_MS   0x80
#define RASLCPAD_CHAP_MSV2 0x81

typedef struct _RASPPP_PROJECTION_INFO {
    DWORD       dwIPv4NegotiationError;
    RASIPV4ADDR ipv4Address;
    RASIPV4ADDR ipv4ServerAddress;
    DWORD       dwIPv4Options;
    DWORD       dwIPv4ServerOptions;
    DWORD       dwIPv6NegotiationError;
    BYTE        bInterfaceIdentifier[8];
    BYTE        bServerInterfaceIdentifier[8];
    BOOL        fBundled;
    BOOL        fMultilink;
    DWORD       dwAuthenticationProtocol;
    DWORD       dwAuthenticationData;
    DWORD       dwServerAuthenticationProtocol;
    DWORD       dwServerAuthenticationData;
    DWORD       dwEapTypeId;
    DWORD       dwServerEapTypeId;
    DWORD       dwLcpOptions;
    DWORD       dwLcpServerOptions;
    DWORD       dwCcpError;
    DWORD       dwCcpCompressionAlgorithm;
    DWORD       dwCcpServerCompressionAlgorithm;
    DWORD       dwCcpOptions;
    DWORD       dwCcpServerOptions;
} RASPPP_PROJECTION_INFO, *PRASPPP_PROJECTION_INFO;

typedef struct _RASIKEV2_PROJECTION_INFO {
    DWORD        dwIPv4NegotiationError;
    RASIPV4ADDR  ipv4Address;
    RASIPV4ADDR  ipv4ServerAddress;
    DWORD        dwIPv6NegotiationError;
    RASIPV6ADDR  ipv6Address;
    RASIPV6ADDR  ipv6ServerAddress;
    DWORD        dwPrefixLength;
    DWORD        dwAuthenticationProtocol;
    DWORD        dwEapTypeId;
    DWORD        dwFlags;
    DWORD        dwEncryptionMethod;
    DWORD        numIPv4ServerAddresses;
    RASIPV4ADDR *ipv4ServerAddresses;
    DWORD        numIPv6ServerAddresses;
    RASIPV6ADDR *ipv6ServerAddresses;
} RASIKEV2_PROJECTION_INFO, *PRASIKEV2_PROJECTION_INFO;

typedef enum _RASPROJECTION_INFO_TYPE {
    PROJECTION_INFO_TYPE_PPP = 1,
    PROJECTION_INFO_TYPE_IKEv2 = 2
} RASPROJECTION_INFO_TYPE;

typedef struct _RAS_PROJECTION_INFO {
    RASAPIVERSION version;
    RASPROJECTION_INFO_TYPE type;
    union {
        RASPPP_PROJECTION_INFO ppp;
        RASIKEV2_PROJECTION_INFO ikev2;
    };
} RAS_PROJECTION_INFO, *PRAS_PROJECTION_INFO;

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

/* RasDial's notifiers (dwNotifierType 0, 1, 2).  unMsg is WM_RASDIALEVENT.
 * pppras calls them from a library thread, one call at a time and in
 * state order, with no library lock held; notifications end after
 * RASCS_Connected or RASCS_Disconnected, after RasHangUp on the handle,
 * or when a RasDialFunc2 returns 0. */
#define WM_RASDIALEVENT 0xCCCD

typedef VOID (WINAPI *RASDIALFUNC)(UINT unMsg, RASCONNSTATE rasconnstate, DWORD dwError);
typedef VOID (WINAPI *RASDIALFUNC1)(HRASCONN hrasconn, UINT unMsg, RASCONNSTATE rascs, DWORD dwError,
                                    DWORD dwExtendedError);
typedef DWORD (WINAPI *RASDIALFUNC2)(ULONG_PTR dwCallbackId, DWORD dwSubEntry, HRASCONN hrasconn, UINT unMsg,
                                     RASCONNSTATE rascs, DWORD dwError, DWORD dwExtendedError);

/* Phonebooks: lpszPhonebook NULL is the daemon's phonebook directory
 * (/etc/ppp/peers); a path names it only when it is that directory
 * (Linux extension), anything else gives ERROR_CANNOT_OPEN_PHONEBOOK.
 *
 * RasDial: lpvNotifier NULL dials synchronously (returns once Connected,
 * or with the error that ended the attempt; *lphRasConn is set either way
 * and must be passed to RasHangUp).  An empty szEntryName (dialling a bare
 * phone number) gives ERROR_CANNOT_FIND_PHONEBOOK_ENTRY; a non-empty
 * szPhoneNumber override gives ERROR_NOT_SUPPORTED; dwNotifierType
 * 0xFFFFFFFF (a window) gives ERROR_NOT_SUPPORTED.  A szPassword of
 * sixteen asterisks (what RasGetEntryDialParams returns) means the saved
 * password; szDomain "*" means the saved domain. */
DWORD APIENTRY RasDialA(LPRASDIALEXTENSIONS lpRasDialExtensions, LPCSTR lpszPhonebook,
                        LPRASDIALPARAMSA lpRasDialParams, DWORD dwNotifierType, LPVOID lpvNotifier,
                        LPHRASCONN lphRasConn);
DWORD APIENTRY RasDialW(LPRASDIALEXTENSIONS lpRasDialExtensions, LPCWSTR lpszPhonebook,
                        LPRASDIALPARAMSW lpRasDialParams, DWORD dwNotifierType, LPVOID lpvNotifier,
                        LPHRASCONN lphRasConn);
DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAMEA lprasentryname,
                               LPDWORD lpcb, LPDWORD lpcEntries);
DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved, LPCWSTR lpszPhonebook, LPRASENTRYNAMEW lprasentryname,
                               LPDWORD lpcb, LPDWORD lpcEntries);
DWORD APIENTRY RasGetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA lprasdialparams, LPBOOL lpfPassword);
DWORD APIENTRY RasGetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW lprasdialparams, LPBOOL lpfPassword);
DWORD APIENTRY RasSetEntryDialParamsA(LPCSTR lpszPhonebook, LPRASDIALPARAMSA lprasdialparams, BOOL fRemovePassword);
DWORD APIENTRY RasSetEntryDialParamsW(LPCWSTR lpszPhonebook, LPRASDIALPARAMSW lprasdialparams, BOOL fRemovePassword);
DWORD APIENTRY RasGetConnectionStatistics(HRASCONN hRasConn, PRAS_STATS lpStatistics);
DWORD APIENTRY RasGetProjectionInfoA(HRASCONN hrasconn, RASPROJECTION rasprojection, LPVOID lpprojection, LPDWORD lpcb);
DWORD APIENTRY RasGetProjectionInfoW(HRASCONN hrasconn, RASPROJECTION rasprojection, LPVOID lpprojection, LPDWORD lpcb);
DWORD APIENTRY RasGetSubEntryHandleA(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn);
DWORD APIENTRY RasGetSubEntryHandleW(HRASCONN hrasconn, DWORD dwSubEntry, LPHRASCONN lphrasconn);

/* The phonebook calls (ras-entry-properties.c and neighbours).  An entry
 * is a pppd peers file the daemon writes from a fixed mapping of the
 * RASENTRY fields (pppras(7), "Phonebook entries"); writing is for root
 * and the daemon's EntryGroup.  lpbDeviceInfo is not used: *lpdwDeviceInfoSize
 * is set to 0. */
DWORD APIENTRY RasGetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                      LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo, LPDWORD lpdwDeviceInfoSize);
DWORD APIENTRY RasGetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                      LPDWORD lpdwEntryInfoSize, LPBYTE lpbDeviceInfo, LPDWORD lpdwDeviceInfoSize);
DWORD APIENTRY RasSetEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASENTRYA lpRasEntry,
                                      DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize);
DWORD APIENTRY RasSetEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASENTRYW lpRasEntry,
                                      DWORD dwEntryInfoSize, LPBYTE lpbDeviceInfo, DWORD dwDeviceInfoSize);
DWORD APIENTRY RasValidateEntryNameA(LPCSTR lpszPhonebook, LPCSTR lpszEntry);
DWORD APIENTRY RasValidateEntryNameW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry);
DWORD APIENTRY RasDeleteEntryA(LPCSTR lpszPhonebook, LPCSTR lpszEntry);
DWORD APIENTRY RasDeleteEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry);
DWORD APIENTRY RasRenameEntryA(LPCSTR lpszPhonebook, LPCSTR lpszOldEntry, LPCSTR lpszNewEntry);
DWORD APIENTRY RasRenameEntryW(LPCWSTR lpszPhonebook, LPCWSTR lpszOldEntry, LPCWSTR lpszNewEntry);
/* Multilink: link 1 is the entry itself; links 2.. are kept beside it and
 * take the entry's options with their own device and number.  RasDial
 * dials link 1 (pppras(7)). */
DWORD APIENTRY RasGetSubEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, DWORD dwSubEntry,
                                         LPRASSUBENTRYA lpRasSubEntry, LPDWORD lpdwcb, LPBYTE lpbDeviceConfig,
                                         LPDWORD lpcbDeviceConfig);
DWORD APIENTRY RasGetSubEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, DWORD dwSubEntry,
                                         LPRASSUBENTRYW lpRasSubEntry, LPDWORD lpdwcb, LPBYTE lpbDeviceConfig,
                                         LPDWORD lpcbDeviceConfig);
DWORD APIENTRY RasSetSubEntryPropertiesA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, DWORD dwSubEntry,
                                         LPRASSUBENTRYA lpRasSubEntry, DWORD dwcbRasSubEntry,
                                         LPBYTE lpbDeviceConfig, DWORD dwcbDeviceConfig);
DWORD APIENTRY RasSetSubEntryPropertiesW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, DWORD dwSubEntry,
                                         LPRASSUBENTRYW lpRasSubEntry, DWORD dwcbRasSubEntry,
                                         LPBYTE lpbDeviceConfig, DWORD dwcbDeviceConfig);
/* Credentials are the saved dial parameters: per entry and per user.
 * szPassword comes back as a handle that Set and RasDial take as "the
 * saved password"; RASCM_DefaultCreds is ignored (no all-user
 * credentials); pre-shared keys give ERROR_NOT_SUPPORTED. */
DWORD APIENTRY RasGetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASCREDENTIALSA lpCredentials);
DWORD APIENTRY RasGetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASCREDENTIALSW lpCredentials);
DWORD APIENTRY RasSetCredentialsA(LPCSTR lpszPhonebook, LPCSTR lpszEntry, LPRASCREDENTIALSA lpCredentials,
                                  BOOL fClearCredentials);
DWORD APIENTRY RasSetCredentialsW(LPCWSTR lpszPhonebook, LPCWSTR lpszEntry, LPRASCREDENTIALSW lpCredentials,
                                  BOOL fClearCredentials);
/* Modems (serial ports with hardware, by /dev/serial/by-id name where
 * there is one), PPPoE on each Ethernet interface (named by the
 * interface), "WAN Miniport (PPTP)" and "WAN Miniport (L2TP)". */
DWORD APIENTRY RasEnumDevicesA(LPRASDEVINFOA lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices);
DWORD APIENTRY RasEnumDevicesW(LPRASDEVINFOW lpRasDevInfo, LPDWORD lpcb, LPDWORD lpcDevices);
/* Statistics and projection.  A multilink bundle's links share one ppp
 * interface: a link's counters are the bundle's while it is up and its
 * own pppd's final ones after (pppras(7)).  RasClearConnectionStatistics
 * is for those who may hang the connection up. */
DWORD APIENTRY RasGetLinkStatistics(HRASCONN hRasConn, DWORD dwSubEntry, PRAS_STATS lpStatistics);
DWORD APIENTRY RasClearConnectionStatistics(HRASCONN hRasConn);
DWORD APIENTRY RasGetProjectionInfoEx(HRASCONN hrasconn, PRAS_PROJECTION_INFO pRasProjection, LPDWORD lpdwSize);

/* pppras extension: follow every connection's state changes as they
 * happen (the daemon's StateChanged signals).  Blocks, calling fn for each
 * change in order, until fn returns FALSE (then ERROR_SUCCESS) or the
 * daemon goes away (ERROR_RASMAN_CANNOT_INITIALIZE).  fn runs in the
 * calling thread. */
typedef BOOL (WINAPI *PPPRASWATCHFUNC)(LPVOID lpContext, HRASCONN hrasconn, RASCONNSTATE rasconnstate,
                                      DWORD dwError);
DWORD APIENTRY PppRasWatchConnections(PPPRASWATCHFUNC fn, LPVOID lpContext);

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
#define RASDIALPARAMS              RASDIALPARAMSW
#define LPRASDIALPARAMS            LPRASDIALPARAMSW
#define RASENTRYNAME               RASENTRYNAMEW
#define LPRASENTRYNAME             LPRASENTRYNAMEW
#define RASPPPIP                   RASPPPIPW
#define LPRASPPPIP                 LPRASPPPIPW
#define RasDial                    RasDialW
#define RasEnumEntries             RasEnumEntriesW
#define RasGetEntryDialParams      RasGetEntryDialParamsW
#define RasSetEntryDialParams      RasSetEntryDialParamsW
#define RasGetProjectionInfo       RasGetProjectionInfoW
#define RasGetSubEntryHandle       RasGetSubEntryHandleW
#define RASENTRY                   RASENTRYW
#define LPRASENTRY                 LPRASENTRYW
#define RASSUBENTRY                RASSUBENTRYW
#define LPRASSUBENTRY              LPRASSUBENTRYW
#define RASDEVINFO                 RASDEVINFOW
#define LPRASDEVINFO               LPRASDEVINFOW
#define RASCREDENTIALS             RASCREDENTIALSW
#define LPRASCREDENTIALS           LPRASCREDENTIALSW
#define RasGetEntryProperties      RasGetEntryPropertiesW
#define RasSetEntryProperties      RasSetEntryPropertiesW
#define RasValidateEntryName       RasValidateEntryNameW
#define RasDeleteEntry             RasDeleteEntryW
#define RasRenameEntry             RasRenameEntryW
#define RasGetSubEntryProperties   RasGetSubEntryPropertiesW
#define RasSetSubEntryProperties   RasSetSubEntryPropertiesW
#define RasGetCredentials          RasGetCredentialsW
#define RasEnumDevices             RasEnumDevicesW
#define RasSetCredentials          RasSetCredentialsW
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
#define RASDIALPARAMS              RASDIALPARAMSA
#define LPRASDIALPARAMS            LPRASDIALPARAMSA
#define RASENTRYNAME               RASENTRYNAMEA
#define LPRASENTRYNAME             LPRASENTRYNAMEA
#define RASPPPIP                   RASPPPIPA
#define LPRASPPPIP                 LPRASPPPIPA
#define RasDial                    RasDialA
#define RasEnumEntries             RasEnumEntriesA
#define RasGetEntryDialParams      RasGetEntryDialParamsA
#define RasSetEntryDialParams      RasSetEntryDialParamsA
#define RasGetProjectionInfo       RasGetProjectionInfoA
#define RasGetSubEntryHandle       RasGetSubEntryHandleA
#define RASENTRY                   RASENTRYA
#define LPRASENTRY                 LPRASENTRYA
#define RASSUBENTRY                RASSUBENTRYA
#define LPRASSUBENTRY              LPRASSUBENTRYA
#define RASDEVINFO                 RASDEVINFOA
#define LPRASDEVINFO               LPRASDEVINFOA
#define RASCREDENTIALS             RASCREDENTIALSA
#define LPRASCREDENTIALS           LPRASCREDENTIALSA
#define RasGetEntryProperties      RasGetEntryPropertiesA
#define RasSetEntryProperties      RasSetEntryPropertiesA
#define RasValidateEntryName       RasValidateEntryNameA
#define RasDeleteEntry             RasDeleteEntryA
#define RasRenameEntry             RasRenameEntryA
#define RasGetSubEntryProperties   RasGetSubEntryPropertiesA
#define RasSetSubEntryProperties   RasSetSubEntryPropertiesA
#define RasGetCredentials          RasGetCredentialsA
#define RasEnumDevices             RasEnumDevicesA
#define RasSetCredentials          RasSetCredentialsA
#endif

#ifdef __cplusplus
}
#endif
