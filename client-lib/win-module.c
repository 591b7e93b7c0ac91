/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* LoadLibrary / GetProcAddress / FreeLibrary for programs that load RAS
 * dynamically: rasapi32.dll and mpr.dll are libpppras itself, so the
 * handle is a dlopen() handle on the library (RTLD_NOLOAD: it is already
 * mapped, the caller links it) and GetProcAddress finds only what
 * libpppras exports, never what its dependencies do. */

#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "lib-macro.h"
#include "win-base.h"
#include "win-module.h"
#include "windows.h"
#include "wnet-text.h"

bool win_module_name_is_ours(const char *name) {
    static const char *const ours[] = { "rasapi32", "mpr" };
    const char *base = name;
    size_t len;

    if (!name)
        return false;
    for (const char *p = name; *p; p++)
        if (*p == '/' || *p == '\\')
            base = p + 1;
    len = strlen(base);
    /* "name.dll" and "name." (Windows' "no extension") are "name" */
    if (len > 4 && strcasecmp(base + len - 4, ".dll") == 0)
        len -= 4;
    else if (len > 1 && base[len - 1] == '.')
        len--;
    for (size_t i = 0; i < ELEMENTSOF(ours); i++)
        if (len == strlen(ours[i]) && strncasecmp(base, ours[i], len) == 0)
            return true;
    return false;
}

/* Where libpppras (or, when linked statically, the program) is mapped. */
static bool self_info(Dl_info *ret) {
    return dladdr((void *) (uintptr_t) &win_module_name_is_ours, ret) != 0;
}

static HMODULE load_self(void) {
    Dl_info info;
    void *h;

    if (!self_info(&info)) {
        win_set_error(ERROR_MOD_NOT_FOUND, ENOENT);
        return NULL;
    }
    h = dlopen(info.dli_fname, RTLD_LAZY | RTLD_NOLOAD);
    if (!h)
        h = dlopen(NULL, RTLD_LAZY);     /* linked into the program itself */
    if (!h)
        win_set_error(ERROR_MOD_NOT_FOUND, ENOENT);
    return h;
}

_public_ HMODULE WINAPI LoadLibraryA(LPCSTR lpLibFileName) {
    if (!lpLibFileName) {
        win_set_error(ERROR_INVALID_PARAMETER, EINVAL);
        return NULL;
    }
    if (!win_module_name_is_ours(lpLibFileName)) {
        win_set_error(ERROR_MOD_NOT_FOUND, ENOENT);
        return NULL;
    }
    return load_self();
}

_public_ HMODULE WINAPI LoadLibraryW(LPCWSTR lpLibFileName) {
    _cleanup_(freep) char *name = NULL;
    DWORD code;

    if (!lpLibFileName) {
        win_set_error(ERROR_INVALID_PARAMETER, EINVAL);
        return NULL;
    }
    code = wnet_utf8_from_wide(lpLibFileName, &name);
    if (code != 0) {
        win_set_error(code == ERROR_NOT_ENOUGH_MEMORY ? code : ERROR_MOD_NOT_FOUND,
                      code == ERROR_NOT_ENOUGH_MEMORY ? ENOMEM : ENOENT);
        return NULL;
    }
    return LoadLibraryA(name);
}

/* A handle LoadLibrary gave out: dlopen hands back the same handle for
 * the same object every time. */
static bool is_self_handle(HMODULE h) {
    HMODULE self;

    if (!h)
        return false;
    self = load_self();
    if (!self)
        return false;
    (void) dlclose(self);
    return h == self;
}

_public_ FARPROC WINAPI GetProcAddress(HMODULE hModule, LPCSTR lpProcName) {
    Dl_info self, found;
    void *sym;

    if (!is_self_handle(hModule)) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return NULL;
    }
    /* by ordinal (a small integer in the pointer): there are no ordinals */
    if ((uintptr_t) lpProcName < 0x10000) {
        win_set_error(ERROR_PROC_NOT_FOUND, ENOENT);
        return NULL;
    }
    sym = dlsym(hModule, lpProcName);
    /* dlsym also searches the library's dependencies: only our own count */
    if (!sym || !self_info(&self) || dladdr(sym, &found) == 0 || found.dli_fbase != self.dli_fbase) {
        win_set_error(ERROR_PROC_NOT_FOUND, ENOENT);
        return NULL;
    }
    return (FARPROC) (uintptr_t) sym;
}

_public_ BOOL WINAPI FreeLibrary(HMODULE hLibModule) {
    if (!is_self_handle(hLibModule)) {
        win_set_error(ERROR_INVALID_HANDLE, EBADF);
        return FALSE;
    }
    (void) dlclose(hLibModule);
    return TRUE;
}
