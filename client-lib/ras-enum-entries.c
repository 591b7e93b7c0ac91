/* SPDX-License-Identifier: LGPL-2.1-or-later */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "client-calls.h"
#include "lib-macro.h"
#include "phonebook.h"
#include "ras.h"
#include "text-convert.h"

/* RASENTRYNAME per WINVER: < 0x400 (20-character names), 0x400, 0x500. */
#define RAS_MaxEntryName_V0 20

#pragma pack(push, 4)
typedef struct RasEntryNameA_V0 {
    DWORD dwSize;
    CHAR  szEntryName[RAS_MaxEntryName_V0 + 1];
} RasEntryNameA_V0;

typedef struct RasEntryNameW_V0 {
    DWORD dwSize;
    WCHAR szEntryName[RAS_MaxEntryName_V0 + 1];
} RasEntryNameW_V0;
#pragma pack(pop)

typedef struct EntryNameLayout {
    DWORD size;
    size_t name_offset, name_chars;
    size_t flags_offset;                 /* 0: absent */
    size_t path_offset, path_chars;
} EntryNameLayout;

#define ROUND_UP_4(n) (((n) + 3) & ~(size_t) 3)
#define CHARS(type, member) (sizeof(((type *) 0)->member) / sizeof(((type *) 0)->member[0]))
#define LAYOUTS(type, v0)                                                                   \
    {                                                                                       \
        { sizeof(v0), offsetof(v0, szEntryName), CHARS(v0, szEntryName), 0, 0, 0 },         \
        { (DWORD) ROUND_UP_4(offsetof(type, dwFlags)), offsetof(type, szEntryName),         \
          CHARS(type, szEntryName), 0, 0, 0 },                                              \
        { sizeof(type), offsetof(type, szEntryName), CHARS(type, szEntryName),              \
          offsetof(type, dwFlags), offsetof(type, szPhonebookPath), CHARS(type, szPhonebookPath) }, \
    }

static const EntryNameLayout layouts_a[] = LAYOUTS(RASENTRYNAMEA, RasEntryNameA_V0);
static const EntryNameLayout layouts_w[] = LAYOUTS(RASENTRYNAMEW, RasEntryNameW_V0);

static const EntryNameLayout *layout_for(DWORD size, bool wide) {
    const EntryNameLayout *l = wide ? layouts_w : layouts_a;

    for (size_t i = 0; i < ELEMENTSOF(layouts_a); i++)
        if (l[i].size == size)
            return &l[i];
    return NULL;
}

/* Names that do not fit this version's szEntryName cannot be dialled
 * through it either: leave them out rather than hand out a cut name. */
static bool name_fits(const char *name, const EntryNameLayout *l, bool wide) {
    assert(name);
    assert(l);

    return (wide ? text_wide_length(name) : strlen(name)) < l->name_chars;
}

static void fill(void *dst, const EntryNameLayout *l, bool wide, const char *name, const char *phonebook) {
    DWORD flags = REN_AllUsers;

    assert(dst);
    assert(l);

    memset(dst, 0, l->size);
    memcpy(dst, &l->size, sizeof(DWORD));
    text_copy((char *) dst + l->name_offset, l->name_chars, wide, name);
    if (l->flags_offset) {
        memcpy((char *) dst + l->flags_offset, &flags, sizeof(flags));
        text_copy((char *) dst + l->path_offset, l->path_chars, wide, phonebook);
    }
}

/* RasEnumEntries' buffer protocol, shared by A and W. */
static DWORD enum_entries(const void *reserved, const void *phonebook, void *buffer, LPDWORD lpcb,
                          LPDWORD lpcEntries, bool wide) {
    _cleanup_(client_entry_list_done) ClientEntryList list = {};
    _cleanup_(freep) char *directory = NULL;
    const EntryNameLayout *layout = NULL;
    DWORD element_size, required, n = 0;
    DWORD code;

    if (reserved || !lpcb || !lpcEntries)
        return ERROR_INVALID_PARAMETER;

    /* a buffer too small to hold its dwSize is answered like none: with
     * the size it takes */
    if (buffer && *lpcb >= sizeof(DWORD)) {
        layout = layout_for(*(const DWORD *) buffer, wide);
        if (!layout)
            return ERROR_INVALID_SIZE;
    }

    code = phonebook_check(phonebook, wide, &directory);
    if (code != 0)
        return code;
    code = client_enum_entries(&list);
    if (code != 0)
        return code;

    element_size = layout ? layout->size : (wide ? sizeof(RASENTRYNAMEW) : sizeof(RASENTRYNAMEA));
    for (size_t i = 0; i < list.n_names; i++)
        if (!layout || name_fits(list.names[i], layout, wide))
            n++;
    required = n * element_size;

    if (!layout || *lpcb < element_size || *lpcb < required) {
        *lpcb = required > element_size || !layout ? required : element_size;
        *lpcEntries = 0;
        return n == 0 && !layout ? ERROR_SUCCESS : ERROR_BUFFER_TOO_SMALL;
    }

    n = 0;
    for (size_t i = 0; i < list.n_names; i++)
        if (name_fits(list.names[i], layout, wide))
            fill((char *) buffer + (size_t) n++ * element_size, layout, wide, list.names[i], directory);

    *lpcb = required;
    *lpcEntries = n;
    return ERROR_SUCCESS;
}

_public_ DWORD APIENTRY RasEnumEntriesA(LPCSTR reserved, LPCSTR lpszPhonebook, LPRASENTRYNAMEA lprasentryname,
                                        LPDWORD lpcb, LPDWORD lpcEntries) {
    return enum_entries(reserved, lpszPhonebook, lprasentryname, lpcb, lpcEntries, false);
}

_public_ DWORD APIENTRY RasEnumEntriesW(LPCWSTR reserved, LPCWSTR lpszPhonebook, LPRASENTRYNAMEW lprasentryname,
                                        LPDWORD lpcb, LPDWORD lpcEntries) {
    return enum_entries(reserved, lpszPhonebook, lprasentryname, lpcb, lpcEntries, true);
}
