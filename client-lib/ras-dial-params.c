/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stddef.h>
#include <string.h>

#include "lib-macro.h"
#include "ras-dial-params.h"
#include "text-convert.h"

/* Before WINVER 0x400 entry names and callback numbers were shorter, so
 * that layout is not a prefix of the later ones: spell it out. */
#define RAS_MaxEntryName_V0      20
#define RAS_MaxCallbackNumber_V0 48

#pragma pack(push, 4)
#define DIAL_PARAMS_V0(name, T)                                  \
    typedef struct name {                                        \
        DWORD dwSize;                                            \
        T     szEntryName[RAS_MaxEntryName_V0 + 1];              \
        T     szPhoneNumber[RAS_MaxPhoneNumber + 1];             \
        T     szCallbackNumber[RAS_MaxCallbackNumber_V0 + 1];    \
        T     szUserName[UNLEN + 1];                             \
        T     szPassword[PWLEN + 1];                             \
        T     szDomain[DNLEN + 1];                               \
    } name
DIAL_PARAMS_V0(RasDialParamsA_V0, CHAR);
DIAL_PARAMS_V0(RasDialParamsW_V0, WCHAR);
#pragma pack(pop)

typedef struct TextField {
    size_t offset;
    size_t chars;     /* capacity, NUL included */
} TextField;

typedef struct DialParamsLayout {
    DWORD size;
    bool wide;
    TextField entry, phone, callback, user, password, domain;
    size_t sub_entry, callback_id, if_index;   /* offsets; 0 = absent */
} DialParamsLayout;

#define TEXT_AT(type, member) \
    { offsetof(type, member), sizeof(((type *) 0)->member) / sizeof(((type *) 0)->member[0]) }
#define ROUND_UP_4(n) (((n) + 3) & ~(size_t) 3)

#define LAYOUT_V0(type, is_wide)                                                       \
    { sizeof(type), is_wide, TEXT_AT(type, szEntryName), TEXT_AT(type, szPhoneNumber),       \
      TEXT_AT(type, szCallbackNumber), TEXT_AT(type, szUserName), TEXT_AT(type, szPassword),    \
      TEXT_AT(type, szDomain), 0, 0, 0 }
#define LAYOUT(type, is_wide, size, has_401, has_601)                                  \
    { size, is_wide, TEXT_AT(type, szEntryName), TEXT_AT(type, szPhoneNumber),               \
      TEXT_AT(type, szCallbackNumber), TEXT_AT(type, szUserName), TEXT_AT(type, szPassword),    \
      TEXT_AT(type, szDomain),                                                            \
      has_401 ? offsetof(type, dwSubEntry) : 0, has_401 ? offsetof(type, dwCallbackId) : 0, \
      has_601 ? offsetof(type, dwIfIndex) : 0 }
#define LAYOUTS(type, v0, is_wide)                                                     \
    {                                                                                  \
        LAYOUT_V0(v0, is_wide),                                                        \
        LAYOUT(type, is_wide, ROUND_UP_4(offsetof(type, dwSubEntry)), false, false),  \
        LAYOUT(type, is_wide, ROUND_UP_4(offsetof(type, dwIfIndex)), true, false),    \
        LAYOUT(type, is_wide, sizeof(type), true, true),                               \
    }

static const DialParamsLayout layouts_a[] = LAYOUTS(RASDIALPARAMSA, RasDialParamsA_V0, false);
static const DialParamsLayout layouts_w[] = LAYOUTS(RASDIALPARAMSW, RasDialParamsW_V0, true);

static const DialParamsLayout *layout_for(DWORD size, bool wide) {
    const DialParamsLayout *l = wide ? layouts_w : layouts_a;

    for (size_t i = 0; i < ELEMENTSOF(layouts_a); i++)
        if (l[i].size == size)
            return &l[i];
    return NULL;
}

size_t dial_params_sizes(bool wide, DWORD *ret, size_t n) {
    const DialParamsLayout *l = wide ? layouts_w : layouts_a;

    assert(ret || n == 0);

    for (size_t i = 0; i < n && i < ELEMENTSOF(layouts_a); i++)
        ret[i] = l[i].size;
    return ELEMENTSOF(layouts_a);
}

static char *read_text(const void *params, const TextField *f, bool wide) {
    assert(params);
    assert(f);

    return text_dup((const char *) params + f->offset, f->chars, wide);
}

DWORD dial_request_read(const void *params, bool wide, DialRequest *ret) {
    _cleanup_(dial_request_done) DialRequest r = {};
    const DialParamsLayout *l;

    assert(params);
    assert(ret);

    l = layout_for(*(const DWORD *) params, wide);
    if (!l)
        return ERROR_INVALID_SIZE;

    r.entry = read_text(params, &l->entry, wide);
    r.phone_number = read_text(params, &l->phone, wide);
    r.callback_number = read_text(params, &l->callback, wide);
    r.user = read_text(params, &l->user, wide);
    r.password = read_text(params, &l->password, wide);
    r.domain = read_text(params, &l->domain, wide);
    if (!r.entry || !r.phone_number || !r.callback_number || !r.user || !r.password || !r.domain)
        return ERROR_NOT_ENOUGH_MEMORY;

    /* memcpy: the caller's structure need not be aligned for us */
    if (l->sub_entry)
        memcpy(&r.sub_entry, (const char *) params + l->sub_entry, sizeof(r.sub_entry));
    if (l->callback_id)
        memcpy(&r.callback_id, (const char *) params + l->callback_id, sizeof(r.callback_id));

    *ret = r;
    r = (DialRequest) {};
    return 0;
}

void dial_request_done(DialRequest *r) {
    assert(r);

    free(r->entry);
    free(r->phone_number);
    free(r->callback_number);
    free(r->user);
    text_free_secret(r->password);
    free(r->domain);
    *r = (DialRequest) {};
}

static void write_text(void *params, const TextField *f, bool wide, const char *utf8) {
    assert(params);
    assert(f);
    assert(utf8);

    text_copy((char *) params + f->offset, f->chars, wide, utf8);
}

void dial_params_fill(void *params, bool wide, const char *user, const char *domain, bool has_password) {
    const DialParamsLayout *l;
    DWORD zero = 0;
    ULONG_PTR zero_ptr = 0;

    assert(params);
    assert(user);
    assert(domain);

    l = layout_for(*(const DWORD *) params, wide);
    assert(l);

    write_text(params, &l->phone, wide, "");
    write_text(params, &l->callback, wide, "");
    write_text(params, &l->user, wide, user);
    write_text(params, &l->password, wide, has_password ? SAVED_PASSWORD_HANDLE : "");
    write_text(params, &l->domain, wide, domain);
    if (l->sub_entry)
        memcpy((char *) params + l->sub_entry, &zero, sizeof(zero));
    if (l->callback_id)
        memcpy((char *) params + l->callback_id, &zero_ptr, sizeof(zero_ptr));
    if (l->if_index)
        memcpy((char *) params + l->if_index, &zero, sizeof(zero));
}

/* RASDIALEXTENSIONS per WINVER: 0x400 ends before reserved1, 0x500 before
 * fSkipPppAuth, 0x601 is the whole structure. */
static const DWORD extension_sizes[] = {
    ROUND_UP_4(offsetof(RASDIALEXTENSIONS, reserved1)),
    ROUND_UP_4(offsetof(RASDIALEXTENSIONS, fSkipPppAuth)),
    sizeof(RASDIALEXTENSIONS),
};

DWORD dial_extensions_check(const RASDIALEXTENSIONS *extensions) {
    if (!extensions)
        return 0;

    for (size_t i = 0; i < ELEMENTSOF(extension_sizes); i++)
        if (extensions->dwSize == extension_sizes[i])
            return 0;
    return ERROR_INVALID_SIZE;
}
