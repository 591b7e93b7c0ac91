/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <arpa/inet.h>
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "lib-macro.h"
#include "ras-structs.h"
#include "text-convert.h"

/* Before WINVER 0x400 entry and device names were shorter, so those first
 * layouts are not a prefix of the later ones: spell them out.  Under
 * pack(4) like every RAS structure. */
#define RAS_MaxEntryName_V0  20
#define RAS_MaxDeviceName_V0 32

#pragma pack(push, 4)
typedef struct RasConnA_V0 {
    DWORD    dwSize;
    HRASCONN hrasconn;
    CHAR     szEntryName[RAS_MaxEntryName_V0 + 1];
} RasConnA_V0;

typedef struct RasConnW_V0 {
    DWORD    dwSize;
    HRASCONN hrasconn;
    WCHAR    szEntryName[RAS_MaxEntryName_V0 + 1];
} RasConnW_V0;

typedef struct RasConnStatusA_V0 {
    DWORD        dwSize;
    RASCONNSTATE rasconnstate;
    DWORD        dwError;
    CHAR         szDeviceType[RAS_MaxDeviceType + 1];
    CHAR         szDeviceName[RAS_MaxDeviceName_V0 + 1];
} RasConnStatusA_V0;

typedef struct RasConnStatusW_V0 {
    DWORD        dwSize;
    RASCONNSTATE rasconnstate;
    DWORD        dwError;
    WCHAR        szDeviceType[RAS_MaxDeviceType + 1];
    WCHAR        szDeviceName[RAS_MaxDeviceName_V0 + 1];
} RasConnStatusW_V0;
#pragma pack(pop)

/* Where a field sits; a field with size 0 is absent. */
typedef struct Field {
    size_t offset;
    size_t size;     /* bytes */
    size_t chars;    /* for strings: capacity in characters, NUL included */
} Field;

#define FIELD(type, member)                                               \
    { offsetof(type, member), sizeof(((type *) 0)->member), 0 }
#define TEXT_FIELD(type, member)                                          \
    { offsetof(type, member), sizeof(((type *) 0)->member),               \
      sizeof(((type *) 0)->member) / sizeof(((type *) 0)->member[0]) }

/* A layout family: the fields of one structure definition.  Each version
 * is a size plus a family; a field belongs to the version when it ends
 * within that size (later WINVERs only ever appended fields). */
typedef struct ConnFields {
    bool wide;
    Field hrasconn, entry_name, device_type, device_name, phonebook, sub_entry;
} ConnFields;

typedef struct StatusFields {
    bool wide;
    Field state, error, device_type, device_name, phone_number;
    Field local_end_point, remote_end_point, substate;
} StatusFields;

struct RasConnVersion {
    DWORD size;
    const ConnFields *fields;
};

struct RasConnStatusVersion {
    DWORD size;
    const StatusFields *fields;
};

#define CONN_FIELDS_V0(type, is_wide)                                     \
    { .wide = is_wide, .hrasconn = FIELD(type, hrasconn),                 \
      .entry_name = TEXT_FIELD(type, szEntryName) }
#define CONN_FIELDS(type, is_wide)                                        \
    { .wide = is_wide, .hrasconn = FIELD(type, hrasconn),                 \
      .entry_name = TEXT_FIELD(type, szEntryName),                        \
      .device_type = TEXT_FIELD(type, szDeviceType),                      \
      .device_name = TEXT_FIELD(type, szDeviceName),                      \
      .phonebook = TEXT_FIELD(type, szPhonebook),                         \
      .sub_entry = FIELD(type, dwSubEntry) }

static const ConnFields conn_fields_a_v0 = CONN_FIELDS_V0(RasConnA_V0, false);
static const ConnFields conn_fields_w_v0 = CONN_FIELDS_V0(RasConnW_V0, true);
static const ConnFields conn_fields_a = CONN_FIELDS(RASCONNA, false);
static const ConnFields conn_fields_w = CONN_FIELDS(RASCONNW, true);

#define STATUS_FIELDS_V0(type, is_wide)                                   \
    { .wide = is_wide, .state = FIELD(type, rasconnstate),                \
      .error = FIELD(type, dwError),                                      \
      .device_type = TEXT_FIELD(type, szDeviceType),                      \
      .device_name = TEXT_FIELD(type, szDeviceName) }
#define STATUS_FIELDS(type, is_wide)                                      \
    { .wide = is_wide, .state = FIELD(type, rasconnstate),                \
      .error = FIELD(type, dwError),                                      \
      .device_type = TEXT_FIELD(type, szDeviceType),                      \
      .device_name = TEXT_FIELD(type, szDeviceName),                      \
      .phone_number = TEXT_FIELD(type, szPhoneNumber),                    \
      .local_end_point = FIELD(type, localEndPoint),                      \
      .remote_end_point = FIELD(type, remoteEndPoint),                    \
      .substate = FIELD(type, rasconnsubstate) }

static const StatusFields status_fields_a_v0 = STATUS_FIELDS_V0(RasConnStatusA_V0, false);
static const StatusFields status_fields_w_v0 = STATUS_FIELDS_V0(RasConnStatusW_V0, true);
static const StatusFields status_fields_a = STATUS_FIELDS(RASCONNSTATUSA, false);
static const StatusFields status_fields_w = STATUS_FIELDS(RASCONNSTATUSW, true);

/* A version ends where the next one's first field starts, rounded up to
 * the structure's alignment (4 under pack(4)), exactly as the compiler
 * sizes the structure for that WINVER. */
#define ROUND_UP_4(n) (((n) + 3) & ~(size_t) 3)
#define SIZE_BEFORE(type, member) ((DWORD) ROUND_UP_4(offsetof(type, member)))

#define CONN_VERSIONS(type, v0_type, family, v0_family)                   \
    {                                                                     \
        { sizeof(v0_type),                    &v0_family }, /* < 0x400 */ \
        { SIZE_BEFORE(type, szPhonebook),     &family },    /* 0x400 */   \
        { SIZE_BEFORE(type, guidEntry),       &family },    /* 0x401 */   \
        { SIZE_BEFORE(type, dwFlags),         &family },    /* 0x500 */   \
        { SIZE_BEFORE(type, guidCorrelationId), &family },  /* 0x501 */   \
        { sizeof(type),                       &family },    /* 0x600 */   \
    }

static const RasConnVersion conn_versions_a[] = CONN_VERSIONS(RASCONNA, RasConnA_V0, conn_fields_a, conn_fields_a_v0);
static const RasConnVersion conn_versions_w[] = CONN_VERSIONS(RASCONNW, RasConnW_V0, conn_fields_w, conn_fields_w_v0);

#define STATUS_VERSIONS(type, v0_type, family, v0_family)                 \
    {                                                                     \
        { sizeof(v0_type),                    &v0_family }, /* < 0x400 */ \
        { SIZE_BEFORE(type, szPhoneNumber),   &family },    /* 0x400 */   \
        { SIZE_BEFORE(type, localEndPoint),   &family },    /* 0x401 */   \
        { sizeof(type),                       &family },    /* 0x601 */   \
    }

static const RasConnStatusVersion status_versions_a[] =
    STATUS_VERSIONS(RASCONNSTATUSA, RasConnStatusA_V0, status_fields_a, status_fields_a_v0);
static const RasConnStatusVersion status_versions_w[] =
    STATUS_VERSIONS(RASCONNSTATUSW, RasConnStatusW_V0, status_fields_w, status_fields_w_v0);

_Static_assert(ELEMENTSOF(conn_versions_a) == ELEMENTSOF(conn_versions_w), "A and W have the same versions");
_Static_assert(ELEMENTSOF(status_versions_a) == ELEMENTSOF(status_versions_w), "A and W have the same versions");

const RasConnVersion *ras_conn_version(DWORD size, bool wide) {
    const RasConnVersion *versions = wide ? conn_versions_w : conn_versions_a;

    for (size_t i = 0; i < ELEMENTSOF(conn_versions_a); i++)
        if (versions[i].size == size)
            return &versions[i];
    return NULL;
}

const RasConnStatusVersion *ras_conn_status_version(DWORD size, bool wide) {
    const RasConnStatusVersion *versions = wide ? status_versions_w : status_versions_a;

    for (size_t i = 0; i < ELEMENTSOF(status_versions_a); i++)
        if (versions[i].size == size)
            return &versions[i];
    return NULL;
}

DWORD ras_conn_newest_size(bool wide) {
    return wide ? sizeof(RASCONNW) : sizeof(RASCONNA);
}

size_t ras_conn_sizes(bool wide, DWORD *ret, size_t n) {
    const RasConnVersion *versions = wide ? conn_versions_w : conn_versions_a;

    assert(ret || n == 0);

    for (size_t i = 0; i < n && i < ELEMENTSOF(conn_versions_a); i++)
        ret[i] = versions[i].size;
    return ELEMENTSOF(conn_versions_a);
}

size_t ras_conn_status_sizes(bool wide, DWORD *ret, size_t n) {
    const RasConnStatusVersion *versions = wide ? status_versions_w : status_versions_a;

    assert(ret || n == 0);

    for (size_t i = 0; i < n && i < ELEMENTSOF(status_versions_a); i++)
        ret[i] = versions[i].size;
    return ELEMENTSOF(status_versions_a);
}

/* The scratch structure is built in aligned memory and then copied out,
 * so a caller's buffer needs no particular alignment. */
typedef union Scratch {
    RASCONNA conn_a;
    RASCONNW conn_w;
    RASCONNSTATUSA status_a;
    RASCONNSTATUSW status_w;
    max_align_t align;
} Scratch;

static bool field_present(const Field *f, DWORD size) {
    assert(f);

    return f->size > 0 && f->offset + f->size <= size;
}

static void put_bytes(Scratch *s, DWORD size, const Field *f, const void *value) {
    assert(s);
    assert(value);

    if (field_present(f, size))
        memcpy((char *) s + f->offset, value, f->size);
}

static void put_u32(Scratch *s, DWORD size, const Field *f, uint32_t value) {
    assert(f);
    assert(f->size == 0 || f->size == sizeof(value));
    put_bytes(s, size, f, &value);
}

static void put_text(Scratch *s, DWORD size, const Field *f, bool wide, const char *utf8) {
    assert(s);

    if (field_present(f, size))
        text_copy((char *) s + f->offset, f->chars, wide, utf8 ?: "");
}

/* A RAS tunnel endpoint from a dotted IPv4 string; unknown when empty. */
static void put_end_point(Scratch *s, DWORD size, const Field *f, const char *address) {
    RASTUNNELENDPOINT ep = { .dwType = RASTUNNELENDPOINT_UNKNOWN };

    assert(f);
    assert(f->size == 0 || f->size == sizeof(ep));
    if (address && inet_pton(AF_INET, address, &ep.ipv4) == 1)
        ep.dwType = RASTUNNELENDPOINT_IPv4;
    put_bytes(s, size, f, &ep);
}

void ras_conn_fill(void *dst, const RasConnVersion *v, const ClientConnection *c) {
    const ConnFields *f;
    Scratch s = {};
    HRASCONN h;

    assert(dst);
    assert(v);
    assert(c);
    assert(v->size <= sizeof(s));

    f = v->fields;
    s.conn_a.dwSize = v->size;
    h = ras_handle_to_hrasconn(c->handle);
    put_bytes(&s, v->size, &f->hrasconn, &h);
    put_text(&s, v->size, &f->entry_name, f->wide, c->entry_name);
    put_text(&s, v->size, &f->device_type, f->wide, c->device_type);
    put_text(&s, v->size, &f->device_name, f->wide, c->device_name);
    put_text(&s, v->size, &f->phonebook, f->wide, c->phonebook);
    put_u32(&s, v->size, &f->sub_entry, c->sub_entry);
    /* guidEntry, dwFlags, luid, guidCorrelationId: pppd has no such thing; zero */

    memcpy(dst, &s, v->size);
}

void ras_conn_status_fill(void *dst, const RasConnStatusVersion *v, const ClientStatus *st) {
    const StatusFields *f;
    Scratch s = {};

    assert(dst);
    assert(v);
    assert(st);
    assert(v->size <= sizeof(s));

    f = v->fields;
    s.status_a.dwSize = v->size;
    put_u32(&s, v->size, &f->state, st->state);
    put_u32(&s, v->size, &f->error, st->error);
    put_text(&s, v->size, &f->device_type, f->wide, st->device_type);
    put_text(&s, v->size, &f->device_name, f->wide, st->device_name);
    put_text(&s, v->size, &f->phone_number, f->wide, st->phone_number);
    put_end_point(&s, v->size, &f->local_end_point, st->local_address);
    put_end_point(&s, v->size, &f->remote_end_point, st->remote_address);
    put_u32(&s, v->size, &f->substate, st->substate);

    memcpy(dst, &s, v->size);
}
