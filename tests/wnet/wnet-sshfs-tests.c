/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* WNet calls against a real sshfs server (tests/wnet/run-sshfs-tests sets
 * it up): each test is named after the sentence of the Windows
 * documentation it proves. */

#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "windows.h"
#include "winnetwk.h"

static const char *remote, *state_dir;
static char profile_path[512];

static DWORD add(const char *local, const char *password, DWORD flags) {
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = (LPSTR) local,
                        .lpRemoteName = (LPSTR) remote };
    return WNetAddConnection2A(&nr, password, NULL, flags);
}

/* The directory a connection is mounted on: its lpComment. */
static int mount_point_of(const char *local, char *buf, size_t size) {
    HANDLE h;
    char entries[8192];
    DWORD count = 0xFFFFFFFF, bytes = sizeof entries;
    int found = -1;

    ck_assert_uint_eq(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_DISK, 0, NULL, &h), NO_ERROR);
    DWORD r = WNetEnumResourceA(h, &count, entries, &bytes);
    if (r == NO_ERROR)
        for (DWORD i = 0; i < count; i++) {
            NETRESOURCEA *nr = (NETRESOURCEA *) entries + i;
            if (nr->lpLocalName && strcmp(nr->lpLocalName, local) == 0 && nr->lpComment) {
                snprintf(buf, size, "%s", nr->lpComment);
                found = 0;
            }
        }
    ck_assert_uint_eq(WNetCloseEnum(h), NO_ERROR);
    return found;
}

static void cleanup_connections(void) {
    (void) WNetCancelConnection2A("Z:", CONNECT_UPDATE_PROFILE, TRUE);
    (void) WNetCancelConnection2A("Y:", CONNECT_UPDATE_PROFILE, TRUE);
    (void) WNetCancelConnection2A("X:", CONNECT_UPDATE_PROFILE, TRUE);
    while (WNetCancelConnection2A(remote, 0, TRUE) == NO_ERROR)
        ;
    (void) unlink(profile_path);
    (void) rmdir(profile_path);
}

START_TEST(test_add_connection_then_get_connection_names_the_remote_resource) {
    char buf[512], small[4], mp[512];
    DWORD len = sizeof buf;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, remote);

    /* too small: ERROR_MORE_DATA and the length needed, in characters */
    len = sizeof small;
    ck_assert_uint_eq(WNetGetConnectionA("z:", small, &len), ERROR_MORE_DATA);
    ck_assert_uint_eq(len, strlen(remote) + 1);

    wchar_t wbuf[512];
    len = 512;
    ck_assert_uint_eq(WNetGetConnectionW(L"Z:", wbuf, &len), NO_ERROR);
    ck_assert_uint_eq(wcslen(wbuf), strlen(remote));

    /* the files are really there */
    ck_assert_int_eq(mount_point_of("Z:", mp, sizeof mp), 0);
    strcat(mp, "/file");
    FILE *f = fopen(mp, "re");
    ck_assert_ptr_nonnull(f);
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    ck_assert_str_eq(buf, "hello\n");
    fclose(f);

    /* the device is taken */
    ck_assert_uint_eq(add("Z:", NULL, 0), ERROR_ALREADY_ASSIGNED);
    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, FALSE), NO_ERROR);
}
END_TEST

/* Microsoft's WNetAddConnection2 samples: dwType RESOURCETYPE_ANY and a
 * drive letter, which Windows connects as a disk. */
START_TEST(test_resource_type_any_with_a_drive_letter_is_a_disk_connection) {
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_ANY, .lpLocalName = "X:", .lpRemoteName = (LPSTR) remote };
    char buf[512];
    DWORD len = sizeof buf;

    ck_assert_uint_eq(WNetAddConnection2A(&nr, NULL, NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetGetConnectionA("X:", buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, remote);
    ck_assert_uint_eq(WNetCancelConnection2A("X:", 0, TRUE), NO_ERROR);

    /* a printer is still no disk */
    nr.dwType = RESOURCETYPE_PRINT;
    ck_assert_uint_eq(WNetAddConnection2A(&nr, NULL, NULL, 0), ERROR_BAD_DEV_TYPE);
    nr.dwType = 0x7;
    ck_assert_uint_eq(WNetAddConnection2A(&nr, NULL, NULL, 0), ERROR_INVALID_PARAMETER);
}
END_TEST

START_TEST(test_cancel_local_device_cancels_only_that_redirection) {
    char buf[512];
    DWORD len = sizeof buf;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(add("Y:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), ERROR_NOT_CONNECTED);
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA("Y:", buf, &len), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnectionA("Y:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_cancel_remote_name_cancels_only_connections_without_devices) {
    char buf[512];
    DWORD len = sizeof buf;

    ck_assert_uint_eq(add("Y:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(add(NULL, NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnectionA(remote, FALSE), NO_ERROR);
    /* the device redirection to the same resource stays */
    ck_assert_uint_eq(WNetGetConnectionA("Y:", buf, &len), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnectionA(remote, FALSE), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetCancelConnectionA("Y:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_open_files_and_no_force_gives_error_open_files) {
    char mp[512];

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_int_eq(mount_point_of("Z:", mp, sizeof mp), 0);
    strcat(mp, "/file");
    int fd = open(mp, O_RDONLY | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);

    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), ERROR_OPEN_FILES);
    close(fd);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_device_in_use_by_active_process_gives_error_device_in_use) {
    char mp[512];
    int ready[2];

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_int_eq(mount_point_of("Z:", mp, sizeof mp), 0);
    ck_assert_int_eq(pipe(ready), 0);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (chdir(mp) < 0)
            _exit(1);
        if (write(ready[1], "x", 1) != 1)
            _exit(1);   /* the parent's read sees EOF and fails */
        pause();
        _exit(0);
    }
    char c;
    close(ready[1]);
    ck_assert_int_eq(read(ready[0], &c, 1), 1);

    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), ERROR_DEVICE_IN_USE);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_force_disconnects_even_with_open_files) {
    char mp[512], buf[512];
    DWORD len = sizeof buf;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_int_eq(mount_point_of("Z:", mp, sizeof mp), 0);
    strcat(mp, "/file");
    int fd = open(mp, O_RDONLY | O_CLOEXEC);
    ck_assert_int_ge(fd, 0);

    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, TRUE), NO_ERROR);
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), ERROR_NOT_CONNECTED);
    close(fd);
}
END_TEST

START_TEST(test_name_not_redirected_gives_error_not_connected) {
    ck_assert_uint_eq(WNetCancelConnectionA("Q:", FALSE), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetCancelConnection2A("\\\\nosuchserver\\share", 0, FALSE), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetCancelConnection2A("not a name", 0, TRUE), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetCancelConnection2W(L"Q:", 0, FALSE), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(GetLastError(), ERROR_NOT_CONNECTED);
}
END_TEST

START_TEST(test_another_users_connection_gives_error_not_connected) {
    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);

    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char buf[512];
        DWORD len = sizeof buf;
        if (setresgid(65534, 65534, 65534) < 0 || setresuid(65534, 65534, 65534) < 0)
            _exit(10);
        if (WNetGetConnectionA("Z:", buf, &len) != ERROR_NOT_CONNECTED)
            _exit(11);
        if (WNetCancelConnection2A("Z:", 0, TRUE) != ERROR_NOT_CONNECTED)
            _exit(12);
        _exit(0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);

    /* still ours */
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_connection_of_a_user_is_mounted_as_that_user) {
    /* as nobody: sshfs runs as nobody, on a mount point nobody owns */
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char mp[512], path[600], buf[16] = "";
        struct stat st;
        if (setresgid(65534, 65534, 65534) < 0 || setresuid(65534, 65534, 65534) < 0)
            _exit(10);
        if (add("Z:", NULL, 0) != NO_ERROR)
            _exit(11);
        if (mount_point_of("Z:", mp, sizeof mp) < 0 || stat(mp, &st) < 0 || st.st_uid != 65534)
            _exit(12);
        snprintf(path, sizeof path, "%s/file", mp);
        FILE *f = fopen(path, "re");
        if (!f || !fgets(buf, sizeof buf, f) || strcmp(buf, "hello\n") != 0)
            _exit(13);
        fclose(f);
        if (WNetCancelConnectionA("Z:", FALSE) != NO_ERROR)
            _exit(14);
        _exit(0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);

    /* root's Z: is a different device */
    char buf[512];
    DWORD len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), ERROR_NOT_CONNECTED);
}
END_TEST

static void write_profile(const char *text) {
    char dir[512];
    snprintf(dir, sizeof dir, "%s/wnet", state_dir);
    (void) mkdir(dir, 0755);
    FILE *f = fopen(profile_path, "we");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(test_profile_in_incorrect_format_gives_error_bad_profile) {
    HANDLE h;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    write_profile("Z: this is not a profile line\n");

    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), ERROR_BAD_PROFILE);
    ck_assert_uint_eq(WNetOpenEnumA(RESOURCE_REMEMBERED, RESOURCETYPE_ANY, 0, NULL, &h), ERROR_BAD_PROFILE);
    /* nothing was disconnected by the failed call */
    char buf[512];
    DWORD len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), NO_ERROR);

    (void) unlink(profile_path);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_profile_that_cannot_be_opened_gives_error_cannot_open_profile) {
    char dir[512];

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    snprintf(dir, sizeof dir, "%s/wnet", state_dir);
    (void) mkdir(dir, 0755);
    /* root reads any file: a directory in its place cannot be read */
    ck_assert_int_eq(mkdir(profile_path, 0700), 0);

    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), ERROR_CANNOT_OPEN_PROFILE);
    ck_assert_uint_eq(add("Y:", NULL, CONNECT_UPDATE_PROFILE), ERROR_CANNOT_OPEN_PROFILE);

    ck_assert_int_eq(rmdir(profile_path), 0);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

/* A refused login is ERROR_LOGON_FAILURE, as Windows says for a wrong
 * password; what ssh said stays for WNetGetLastError. */
START_TEST(test_wrong_password_gives_logon_failure_and_wnet_get_last_error_text) {
    DWORD provider_code = 0;
    char text[512], provider[64];
    wchar_t wtext[512], wprovider[64];

    ck_assert_uint_eq(add("Z:", "not-the-password", 0), ERROR_LOGON_FAILURE);
    ck_assert_uint_eq(WNetGetLastErrorA(&provider_code, text, sizeof text, provider, sizeof provider), NO_ERROR);
    ck_assert_str_eq(provider, "sshfs");
    ck_assert_uint_ne(provider_code, 0);
    ck_assert_msg(strstr(text, "Permission denied"), "provider text without ssh's reason: %s", text);
    fprintf(stderr, "wrong password: sshfs %u: %s\n", provider_code, text);
    ck_assert_uint_eq(WNetGetLastErrorW(&provider_code, wtext, 512, wprovider, 64), NO_ERROR);
    ck_assert(wcscmp(wprovider, L"sshfs") == 0);

    char buf[512];
    DWORD len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), ERROR_NOT_CONNECTED);
}
END_TEST

/* ssh://root@127.0.0.1:PORT/PATH with another port (NULL: the same) or
 * path (NULL: the same). */
static void remote_with(char *buf, size_t size, const char *port, const char *path) {
    const char *host = strstr(remote, "127.0.0.1:"), *rest;

    ck_assert_ptr_nonnull(host);
    host += strlen("127.0.0.1:");
    rest = strchr(host, '/');
    ck_assert_ptr_nonnull(rest);
    snprintf(buf, size, "%.*s%.*s%s", (int) (host - remote), remote, port ? (int) strlen(port) : (int) (rest - host),
             port ?: host, path ?: rest);
}

static DWORD add_remote(const char *r) {
    NETRESOURCEA nr = { .dwType = RESOURCETYPE_DISK, .lpLocalName = "Z:", .lpRemoteName = (LPSTR) r };
    return WNetAddConnection2A(&nr, NULL, NULL, 0);
}

static void print_last_error(const char *what) {
    DWORD provider_code = 0;
    char text[512], provider[64];

    ck_assert_uint_eq(WNetGetLastErrorA(&provider_code, text, sizeof text, provider, sizeof provider), NO_ERROR);
    fprintf(stderr, "%s: %s %u: %s\n", what, provider, provider_code, text);
    ck_assert_str_eq(provider, "sshfs");
}

/* Nothing listening: Windows' "The network path was not found." */
START_TEST(test_no_server_gives_bad_netpath) {
    char r[1024];

    remote_with(r, sizeof r, "1", NULL);
    ck_assert_uint_eq(add_remote(r), ERROR_BAD_NETPATH);
    print_last_error("no server");
}
END_TEST

/* The server is there, the directory is not: "The network name cannot
 * be found." */
START_TEST(test_no_such_directory_gives_bad_net_name) {
    char r[1024];

    remote_with(r, sizeof r, NULL, "/nonexistent-pppras-dir");
    ck_assert_uint_eq(add_remote(r), ERROR_BAD_NET_NAME);
    print_last_error("no such directory");
}
END_TEST

START_TEST(test_remembered_connection_is_enumerated_and_restored) {
    char buf[512];
    DWORD len = sizeof buf, restored = 0;
    HANDLE h;
    union { NETRESOURCEW nr; char bytes[4096]; } u;
    DWORD count = 0xFFFFFFFF, bytes = sizeof u;

    ck_assert_uint_eq(WNetAddConnectionA(remote, NULL, "Z:"), NO_ERROR);      /* remembers */
    ck_assert_uint_eq(WNetOpenEnumW(RESOURCE_REMEMBERED, RESOURCETYPE_DISK, 0, NULL, &h), NO_ERROR);
    ck_assert_uint_eq(WNetEnumResourceW(h, &count, &u, &bytes), NO_ERROR);
    ck_assert_uint_eq(count, 1);
    ck_assert(wcscmp(u.nr.lpLocalName, L"Z:") == 0);
    ck_assert_uint_eq(u.nr.dwScope, RESOURCE_REMEMBERED);
    count = 0xFFFFFFFF;
    bytes = sizeof u;
    ck_assert_uint_eq(WNetEnumResourceW(h, &count, &u, &bytes), ERROR_NO_MORE_ITEMS);
    ck_assert_uint_eq(WNetCloseEnum(h), NO_ERROR);

    /* disconnect but keep remembering */
    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, FALSE), NO_ERROR);
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), ERROR_CONNECTION_UNAVAIL);
    ck_assert_str_eq(buf, remote);

    ck_assert_uint_eq(PppWNetRestoreConnections(&restored), NO_ERROR);
    ck_assert_uint_eq(restored, 1);
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA("Z:", buf, &len), NO_ERROR);

    /* WNetCancelConnection forgets it too */
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
    ck_assert_uint_eq(access(profile_path, F_OK), -1);
}
END_TEST

START_TEST(test_enum_resource_small_buffer_gives_error_more_data) {
    HANDLE h;
    char tiny[8];
    DWORD count = 1, bytes = sizeof tiny;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetOpenEnumA(RESOURCE_CONNECTED, RESOURCETYPE_ANY, 0, NULL, &h), NO_ERROR);
    ck_assert_uint_eq(WNetEnumResourceA(h, &count, tiny, &bytes), ERROR_MORE_DATA);
    ck_assert_uint_gt(bytes, sizeof(NETRESOURCEA));
    ck_assert_uint_eq(WNetCloseEnum(h), NO_ERROR);
    ck_assert_uint_eq(WNetCloseEnum(h), ERROR_INVALID_HANDLE);
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
}
END_TEST

/* Runs last: it replaces the daemon with-private-bus started by a new one
 * and stops that at the end. */
START_TEST(test_restarted_daemon_takes_connections_back) {
    const char *daemon_pid = getenv("PPPRAS_DAEMON_PID"), *build = getenv("PPPRAS_BUILD");
    const char *args = getenv("PPPRAS_DAEMON_ARGS");
    char cmd[2048], buf[512], dir[] = "/tmp/pppras-wnet-dir.XXXXXX";
    DWORD len = sizeof buf;

    if (!daemon_pid || !build)
        return;
    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(add(NULL, NULL, 0), NO_ERROR);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_uint_eq(add(dir, NULL, 0), NO_ERROR);           /* a directory: recorded too */

    pid_t old = (pid_t) atoi(daemon_pid);
    ck_assert_int_eq(kill(old, SIGTERM), 0);
    for (int i = 0; i < 100 && kill(old, 0) == 0; i++)
        usleep(100 * 1000);
    ck_assert_int_ne(kill(old, 0), 0);

    snprintf(cmd, sizeof cmd, "exec %s/ppprasd %s >>\"${PPPRAS_BUS_DIR:-/tmp}/daemon.log\" 2>&1 & echo $! >%s/wnet/daemon.pid; "
             "%s/tests/bus-wait-name --timeout 30 org.pppras.Ras1", build, args ? args : "", state_dir, build);
    ck_assert_int_eq(system(cmd), 0);

    DWORD r = WNetGetConnectionA("Z:", buf, &len);
    if (r != NO_ERROR) {
        fprintf(stderr, "daemon log:\n");
        if (system("cat \"${PPPRAS_BUS_DIR:-/tmp}/daemon.log\" >&2") != 0)
            fprintf(stderr, "(the daemon log could not be shown)\n");
    }
    ck_assert_uint_eq(r, NO_ERROR);
    ck_assert_str_eq(buf, remote);
    ck_assert_uint_eq(WNetCancelConnectionA(remote, FALSE), NO_ERROR);     /* the deviceless one */
    ck_assert_uint_eq(WNetCancelConnectionA("Z:", FALSE), NO_ERROR);
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetConnectionA(dir, buf, &len), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnectionA(dir, FALSE), NO_ERROR);
    ck_assert_int_eq(rmdir(dir), 0);

    snprintf(cmd, sizeof cmd, "kill -TERM $(cat %s/wnet/daemon.pid)", state_dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* ---------------------------------------------------------------- information calls */

START_TEST(test_universal_name_of_a_path_on_a_connected_drive) {
    char buf[1024], mp[512], expected[1024];
    DWORD size = sizeof buf, small;

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    snprintf(expected, sizeof expected, "%s/dir/file", remote);

    /* "lpUniversalName: a pointer to the null-terminated UNC name string" */
    ck_assert_uint_eq(WNetGetUniversalNameA("Z:\\dir\\file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), NO_ERROR);
    ck_assert_str_eq(((UNIVERSAL_NAME_INFOA *) buf)->lpUniversalName, expected);
    /* the strings live in the caller's buffer */
    ck_assert(((UNIVERSAL_NAME_INFOA *) buf)->lpUniversalName >= buf &&
              ((UNIVERSAL_NAME_INFOA *) buf)->lpUniversalName < buf + sizeof buf);

    /* the drive in any case, '/' separators */
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetUniversalNameA("z:/dir/file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), NO_ERROR);
    ck_assert_str_eq(((UNIVERSAL_NAME_INFOA *) buf)->lpUniversalName, expected);

    /* a path under the directory the connection is mounted on */
    ck_assert_int_eq(mount_point_of("Z:", mp, sizeof mp), 0);
    strcat(mp, "/dir/file");
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetUniversalNameA(mp, UNIVERSAL_NAME_INFO_LEVEL, buf, &size), NO_ERROR);
    ck_assert_str_eq(((UNIVERSAL_NAME_INFOA *) buf)->lpUniversalName, expected);

    /* REMOTE_NAME_INFO: the connection's name and the rest of the path */
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetUniversalNameA("Z:\\dir\\file", REMOTE_NAME_INFO_LEVEL, buf, &size), NO_ERROR);
    REMOTE_NAME_INFOA *rn = (REMOTE_NAME_INFOA *) buf;
    ck_assert_str_eq(rn->lpUniversalName, expected);
    ck_assert_str_eq(rn->lpConnectionName, remote);
    ck_assert_str_eq(rn->lpRemainingPath, "/dir/file");

    /* "If the buffer is too small, the function returns ERROR_MORE_DATA
     * and sets lpBufferSize to the required buffer size" (bytes) */
    small = 8;
    ck_assert_uint_eq(WNetGetUniversalNameA("Z:\\dir\\file", REMOTE_NAME_INFO_LEVEL, buf, &small),
                      ERROR_MORE_DATA);
    ck_assert_uint_eq(small, sizeof(REMOTE_NAME_INFOA) + strlen(expected) + 1 + strlen(remote) + 1 + 10);
    ck_assert_uint_eq(WNetGetUniversalNameA("Z:\\dir\\file", REMOTE_NAME_INFO_LEVEL, buf, &small), NO_ERROR);
    ck_assert_uint_eq(GetLastError(), NO_ERROR);

    /* W: sizes in bytes of wchar_t text */
    wchar_t wexpected[1024];
    swprintf(wexpected, 1024, L"%s/dir/file", remote);
    size = 0;
    ck_assert_uint_eq(WNetGetUniversalNameW(L"Z:\\dir\\file", UNIVERSAL_NAME_INFO_LEVEL, NULL, &size),
                      ERROR_MORE_DATA);
    ck_assert_uint_eq(size, sizeof(UNIVERSAL_NAME_INFOW) + (wcslen(wexpected) + 1) * sizeof(wchar_t));
    ck_assert_uint_eq(WNetGetUniversalNameW(L"Z:\\dir\\file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), NO_ERROR);
    ck_assert_int_eq(wcscmp(((UNIVERSAL_NAME_INFOW *) buf)->lpUniversalName, wexpected), 0);

    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, FALSE), NO_ERROR);
}
END_TEST

START_TEST(test_universal_name_of_a_device_not_redirected_gives_error_not_connected) {
    char buf[512];
    DWORD size = sizeof buf;

    ck_assert_uint_eq(WNetGetUniversalNameA("Y:\\file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(GetLastError(), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetGetUniversalNameA("/nowhere/file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size),
                      ERROR_NOT_CONNECTED);
    /* "ERROR_BAD_DEVICE: the string pointed to by lpLocalPath is invalid" */
    ck_assert_uint_eq(WNetGetUniversalNameA("file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_BAD_DEVICE);
    ck_assert_uint_eq(WNetGetUniversalNameA("", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_BAD_DEVICE);
    ck_assert_uint_eq(WNetGetUniversalNameA(NULL, UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_BAD_DEVICE);
    ck_assert_uint_eq(WNetGetUniversalNameW(L"Z", UNIVERSAL_NAME_INFO_LEVEL, buf, &size), ERROR_BAD_DEVICE);
    ck_assert_uint_eq(WNetGetUniversalNameA("Y:\\file", 3, buf, &size), ERROR_INVALID_LEVEL);

    /* remembered but not connected: ERROR_CONNECTION_UNAVAIL */
    ck_assert_uint_eq(add("Y:", NULL, CONNECT_UPDATE_PROFILE), NO_ERROR);
    ck_assert_uint_eq(WNetCancelConnection2A("Y:", 0, FALSE), NO_ERROR);
    ck_assert_uint_eq(WNetGetUniversalNameA("Y:\\file", UNIVERSAL_NAME_INFO_LEVEL, buf, &size),
                      ERROR_CONNECTION_UNAVAIL);
}
END_TEST

START_TEST(test_get_user_names_the_user_the_connection_was_made_as) {
    char buf[64];
    wchar_t wbuf[64];
    DWORD len = sizeof buf;

    /* the remote name carries root@ */
    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    ck_assert_uint_eq(WNetGetUserA("Z:", buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, "root");
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetUserA("z:", buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, "root");
    /* a connected network name */
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetUserA(remote, buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, "root");
    len = 64;
    ck_assert_uint_eq(WNetGetUserW(L"Z:", wbuf, &len), NO_ERROR);
    ck_assert_int_eq(wcscmp(wbuf, L"root"), 0);

    /* "ERROR_MORE_DATA: lpnLength receives the required buffer size" */
    len = 2;
    ck_assert_uint_eq(WNetGetUserA("Z:", buf, &len), ERROR_MORE_DATA);
    ck_assert_uint_eq(len, 5);

    /* "If lpName is NULL or an empty string, the function retrieves the
     * name of the current user for the process" */
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetUserA(NULL, buf, &len), NO_ERROR);
    ck_assert_str_eq(buf, "root");
    len = 64;
    ck_assert_uint_eq(WNetGetUserW(L"", wbuf, &len), NO_ERROR);
    ck_assert_int_eq(wcscmp(wbuf, L"root"), 0);

    /* "ERROR_NOT_CONNECTED: the device specified by lpName is not a
     * redirected device or a connected network name" */
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetUserA("Y:", buf, &len), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetGetUserA("ssh://nobody@192.0.2.1/x", buf, &len), ERROR_NOT_CONNECTED);
    ck_assert_uint_eq(WNetGetUserA("Z:", buf, NULL), ERROR_INVALID_PARAMETER);

    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, FALSE), NO_ERROR);
    len = sizeof buf;
    ck_assert_uint_eq(WNetGetUserA("Z:", buf, &len), ERROR_NOT_CONNECTED);
}
END_TEST

START_TEST(test_resource_information_splits_off_the_system_part) {
    char buf[1024], name[1024];
    DWORD size = sizeof buf;
    LPSTR system = (LPSTR) "unset";

    ck_assert_uint_eq(add("Z:", NULL, 0), NO_ERROR);
    snprintf(name, sizeof name, "%s/sub/dir", remote);
    NETRESOURCEA in = { .dwType = RESOURCETYPE_DISK, .lpRemoteName = name };

    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), NO_ERROR);
    NETRESOURCEA *out = (NETRESOURCEA *) buf;
    ck_assert_str_eq(out->lpRemoteName, remote);
    ck_assert_str_eq(out->lpProvider, "sshfs");
    ck_assert_uint_eq(out->dwType, RESOURCETYPE_DISK);
    ck_assert_ptr_null(out->lpLocalName);
    ck_assert_str_eq(system, "/sub/dir");

    /* the resource itself: no system part */
    in.lpRemoteName = (LPSTR) remote;
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), NO_ERROR);
    ck_assert_ptr_null(system);

    /* "ERROR_MORE_DATA: lpcbBuffer receives the required size" (bytes) */
    size = 16;
    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), ERROR_MORE_DATA);
    ck_assert_uint_eq(size, sizeof(NETRESOURCEA) + strlen(remote) + 1 + sizeof "sshfs");

    /* W */
    wchar_t wname[1024];
    LPWSTR wsystem = NULL;
    swprintf(wname, 1024, L"%s/sub", remote);
    NETRESOURCEW win = { .lpRemoteName = wname };
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetResourceInformationW(&win, buf, &size, &wsystem), NO_ERROR);
    ck_assert_int_eq(wcscmp(wsystem, L"/sub"), 0);
    ck_assert_int_eq(wcscmp(((NETRESOURCEW *) buf)->lpProvider, L"sshfs"), 0);

    /* a name no connection covers; printers; another provider */
    NETRESOURCEA other = { .lpRemoteName = (LPSTR) "ssh://nobody@192.0.2.1/x" };
    size = sizeof buf;
    ck_assert_uint_eq(WNetGetResourceInformationA(&other, buf, &size, &system), ERROR_BAD_NET_NAME);
    in.dwType = RESOURCETYPE_PRINT;
    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), ERROR_BAD_DEV_TYPE);
    in.dwType = RESOURCETYPE_DISK;
    in.lpProvider = (LPSTR) "cifs";
    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), ERROR_BAD_PROVIDER);
    ck_assert_uint_eq(WNetGetResourceInformationA(NULL, buf, &size, &system), ERROR_INVALID_PARAMETER);

    ck_assert_uint_eq(WNetCancelConnection2A("Z:", 0, FALSE), NO_ERROR);
    in.lpProvider = NULL;
    ck_assert_uint_eq(WNetGetResourceInformationA(&in, buf, &size, &system), ERROR_BAD_NET_NAME);
}
END_TEST

START_TEST(test_get_user_tells_the_connections_user_from_the_callers) {
    /* nobody connects as root@ the server: the connection's user is root,
     * the caller is nobody, and root sees neither */
    int ready[2], done[2];
    ck_assert_int_eq(pipe(ready), 0);
    ck_assert_int_eq(pipe(done), 0);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        char buf[64];
        DWORD len = sizeof buf;
        int code = 0;
        close(ready[0]);
        close(done[1]);
        if (setresgid(65534, 65534, 65534) < 0 || setresuid(65534, 65534, 65534) < 0)
            _exit(10);
        if (add("Z:", NULL, 0) != NO_ERROR)
            _exit(11);
        if (WNetGetUserA("Z:", buf, &len) != NO_ERROR || strcmp(buf, "root") != 0)
            code = 12;
        len = sizeof buf;
        if (!code && (WNetGetUserA(NULL, buf, &len) != NO_ERROR || strcmp(buf, "nobody") != 0))
            code = 13;
        /* hold the connection while the parent looks, then drop it */
        if (!code && write(ready[1], "x", 1) != 1)
            code = 14;
        if (!code && read(done[0], buf, 1) < 0)
            code = 15;
        if (WNetCancelConnectionA("Z:", TRUE) != NO_ERROR && !code)
            code = 16;
        _exit(code);
    }
    close(ready[1]);
    close(done[0]);
    char c, buf[64];
    DWORD len = sizeof buf;
    /* the child's byte, or EOF when it failed before writing it */
    ssize_t n = read(ready[0], &c, 1);
    DWORD r = n == 1 ? WNetGetUserA("Z:", buf, &len) : 0;
    close(done[1]);
    close(ready[0]);

    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    ck_assert_int_eq(n, 1);
    ck_assert_uint_eq(r, ERROR_NOT_CONNECTED);
}
END_TEST

static Suite *wnet_suite(void) {
    Suite *s = suite_create("wnet-sshfs");
    TCase *tc = tcase_create("sshfs");

    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, cleanup_connections);
    tcase_add_test(tc, test_add_connection_then_get_connection_names_the_remote_resource);
    tcase_add_test(tc, test_resource_type_any_with_a_drive_letter_is_a_disk_connection);
    tcase_add_test(tc, test_cancel_local_device_cancels_only_that_redirection);
    tcase_add_test(tc, test_cancel_remote_name_cancels_only_connections_without_devices);
    tcase_add_test(tc, test_open_files_and_no_force_gives_error_open_files);
    tcase_add_test(tc, test_device_in_use_by_active_process_gives_error_device_in_use);
    tcase_add_test(tc, test_force_disconnects_even_with_open_files);
    tcase_add_test(tc, test_name_not_redirected_gives_error_not_connected);
    tcase_add_test(tc, test_another_users_connection_gives_error_not_connected);
    tcase_add_test(tc, test_connection_of_a_user_is_mounted_as_that_user);
    tcase_add_test(tc, test_profile_in_incorrect_format_gives_error_bad_profile);
    tcase_add_test(tc, test_profile_that_cannot_be_opened_gives_error_cannot_open_profile);
    tcase_add_test(tc, test_wrong_password_gives_logon_failure_and_wnet_get_last_error_text);
    tcase_add_test(tc, test_no_server_gives_bad_netpath);
    tcase_add_test(tc, test_no_such_directory_gives_bad_net_name);
    tcase_add_test(tc, test_remembered_connection_is_enumerated_and_restored);
    tcase_add_test(tc, test_enum_resource_small_buffer_gives_error_more_data);
    tcase_add_test(tc, test_universal_name_of_a_path_on_a_connected_drive);
    tcase_add_test(tc, test_universal_name_of_a_device_not_redirected_gives_error_not_connected);
    tcase_add_test(tc, test_get_user_names_the_user_the_connection_was_made_as);
    tcase_add_test(tc, test_resource_information_splits_off_the_system_part);
    tcase_add_test(tc, test_get_user_tells_the_connections_user_from_the_callers);
    /* last: it stops the daemon */
    tcase_add_test(tc, test_restarted_daemon_takes_connections_back);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) {
    remote = getenv("WNET_TEST_REMOTE");
    state_dir = getenv("WNET_TEST_STATE_DIR");
    if (!remote || !state_dir) {
        fprintf(stderr, "run me through tests/wnet/run-sshfs-tests\n");
        return 77;
    }
    snprintf(profile_path, sizeof profile_path, "%s/wnet/%u.profile", state_dir, (unsigned) getuid());

    SRunner *sr = srunner_create(wnet_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
