/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* modem-emu: a Hayes modem on a pty, for the real-link tests.
 *
 *   modem-emu --link PATH [--outcome OUTCOME] [--number NUMBER=OUTCOME]...
 *             [--log FILE] -- PEER-COMMAND [ARG...]
 *
 * Owns a pty pair and makes PATH a symlink to its near side (the slave),
 * which a dialler opens as its modem.  On the far side it answers AT
 * commands: echo (ATE0/ATE1), OK for ATZ, AT&F, ATH and any other AT
 * command, and for ATD<number> the outcome the number is mapped to
 * (--number), else --outcome (default connect):
 *   connect      "CONNECT 115200", then PEER-COMMAND runs with the far side
 *                as stdin and stdout (this process becomes it)
 *   busy, no-carrier, no-dialtone, no-answer, error
 *                that result code; the modem stays in command mode
 *   silent       no result at all (the dialler times out)
 * Failed dials leave the modem ready for the next one, so one emulator
 * serves a row of failure tests.  "ready" on stdout says PATH exists. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#define NUMBERS_MAX 32
#define LINE_MAX_LEN 256

typedef enum Outcome {
    OUTCOME_CONNECT,
    OUTCOME_BUSY,
    OUTCOME_NO_CARRIER,
    OUTCOME_NO_DIALTONE,
    OUTCOME_NO_ANSWER,
    OUTCOME_ERROR,
    OUTCOME_SILENT,
    _OUTCOME_MAX,
} Outcome;

static const struct {
    const char *name;
    const char *result;   /* the modem's result code, NULL: none */
} outcomes[_OUTCOME_MAX] = {
    [OUTCOME_CONNECT]     = { "connect",     "CONNECT 115200" },
    [OUTCOME_BUSY]        = { "busy",        "BUSY" },
    [OUTCOME_NO_CARRIER]  = { "no-carrier",  "NO CARRIER" },
    [OUTCOME_NO_DIALTONE] = { "no-dialtone", "NO DIALTONE" },
    [OUTCOME_NO_ANSWER]   = { "no-answer",   "NO ANSWER" },
    [OUTCOME_ERROR]       = { "error",       "ERROR" },
    [OUTCOME_SILENT]      = { "silent",      NULL },
};

typedef struct Number {
    char *number;
    Outcome outcome;
} Number;

static Number numbers[NUMBERS_MAX];
static size_t n_numbers;
static Outcome default_outcome = OUTCOME_CONNECT;
static FILE *log_file;

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...) {
    if (!log_file)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(log_file, fmt, ap);
    va_end(ap);
    fputc('\n', log_file);
    fflush(log_file);
}

static int parse_outcome(const char *s, Outcome *ret) {
    for (Outcome o = 0; o < _OUTCOME_MAX; o++)
        if (strcmp(s, outcomes[o].name) == 0) {
            *ret = o;
            return 0;
        }
    return -EINVAL;
}

static int write_all(int fd, const char *buf, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, buf, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        buf += k;
        n -= (size_t) k;
    }
    return 0;
}

/* Verbose result codes as a Hayes modem sends them: CR LF text CR LF. */
static int send_result(int fd, const char *text) {
    char buf[64];
    int n = snprintf(buf, sizeof(buf), "\r\n%s\r\n", text);
    logf_("-> %s", text);
    return write_all(fd, buf, (size_t) n);
}

static Outcome outcome_for(const char *number) {
    for (size_t i = 0; i < n_numbers; i++)
        if (strcmp(numbers[i].number, number) == 0)
            return numbers[i].outcome;
    return default_outcome;
}

/* The peer runs on the far side; the near side is the dialler's alone now
 * (our own descriptor of it would hide the dialler's hang-up). */
static _Noreturn void run_peer(int master, int slave, const char *link, char **argv) {
    (void) unlink(link);
    close(slave);
    if (dup2(master, 0) < 0 || dup2(master, 1) < 0)
        _exit(126);
    if (master > 1)
        close(master);
    if (log_file)
        fclose(log_file);
    execvp(argv[0], argv);
    _exit(127);
}

/* One command line (without its CR).  Returns 1 when the call connected. */
static int handle_command(int master, char *line, bool *echo) {
    logf_("<- %s", line);
    if (strncasecmp(line, "AT", 2) != 0)
        return 0;   /* line noise: a modem ignores what is not a command */
    char *cmd = line + 2;

    if (toupper((unsigned char) cmd[0]) == 'D') {
        cmd++;
        if (toupper((unsigned char) cmd[0]) == 'T' || toupper((unsigned char) cmd[0]) == 'P')
            cmd++;
        Outcome o = outcome_for(cmd);
        logf_("dial %s: %s", cmd, outcomes[o].name);
        if (!outcomes[o].result)
            return 0;
        int r = send_result(master, outcomes[o].result);
        if (r < 0)
            return r;
        return o == OUTCOME_CONNECT;
    }
    if (strcasecmp(cmd, "E0") == 0)
        *echo = false;
    else if (strcasecmp(cmd, "E1") == 0 || strcasecmp(cmd, "E") == 0)
        *echo = true;
    else if (strcasecmp(cmd, "Z") == 0 || strcasecmp(cmd, "&F") == 0)
        *echo = true;   /* the factory profile echoes */
    int r = send_result(master, "OK");
    return r < 0 ? r : 0;
}

static int serve(int master) {
    char line[LINE_MAX_LEN];
    size_t len = 0;
    bool echo = true;

    for (;;) {
        struct pollfd p = { .fd = master, .events = POLLIN };
        if (poll(&p, 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        char buf[256];
        ssize_t n = read(master, buf, sizeof(buf));
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return -errno;
        }
        if (n == 0)
            return -EPIPE;
        if (echo) {
            int r = write_all(master, buf, (size_t) n);
            if (r < 0)
                return r;
        }
        for (ssize_t i = 0; i < n; i++) {
            char c = buf[i];
            if (c == '\r' || c == '\n') {
                if (len == 0)
                    continue;
                line[len] = '\0';
                len = 0;
                int r = handle_command(master, line, &echo);
                if (r != 0)
                    return r;
            } else if (len + 1 < sizeof(line))
                line[len++] = c;
        }
    }
}

static _Noreturn void usage(void) {
    fprintf(stderr, "usage: modem-emu --link PATH [--outcome OUTCOME] [--number NUMBER=OUTCOME]...\n"
                    "                 [--log FILE] -- PEER-COMMAND [ARG...]\n"
                    "outcomes: connect busy no-carrier no-dialtone no-answer error silent\n");
    exit(2);
}

int main(int argc, char *argv[]) {
    static const struct option options[] = {
        { "link",    required_argument, NULL, 'l' },
        { "outcome", required_argument, NULL, 'o' },
        { "number",  required_argument, NULL, 'n' },
        { "log",     required_argument, NULL, 'L' },
        {}
    };
    const char *link = NULL;
    int c;
    while ((c = getopt_long(argc, argv, "+", options, NULL)) >= 0)
        switch (c) {
        case 'l':
            link = optarg;
            break;
        case 'o':
            if (parse_outcome(optarg, &default_outcome) < 0)
                usage();
            break;
        case 'n': {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg || n_numbers >= NUMBERS_MAX)
                usage();
            *eq = '\0';
            numbers[n_numbers].number = optarg;
            if (parse_outcome(eq + 1, &numbers[n_numbers].outcome) < 0)
                usage();
            n_numbers++;
            break;
        }
        case 'L':
            log_file = fopen(optarg, "ae");
            if (!log_file) {
                perror(optarg);
                return 1;
            }
            break;
        default:
            usage();
        }
    if (!link || optind >= argc)
        usage();

    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
        perror("modem-emu: pty");
        return 1;
    }
    const char *name = ptsname(master);
    if (!name) {
        perror("modem-emu: ptsname");
        return 1;
    }
    /* Held open so that a dialler closing the line between calls does not
     * hang the pty up; raw, so our replies are not echoed back to us
     * before the dialler sets its own modes. */
    int slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC);
    struct termios t;
    if (slave < 0 || tcgetattr(slave, &t) < 0) {
        perror("modem-emu: slave");
        return 1;
    }
    cfmakeraw(&t);
    if (tcsetattr(slave, TCSANOW, &t) < 0) {
        perror("modem-emu: tcsetattr");
        return 1;
    }
    (void) unlink(link);
    if (symlink(name, link) < 0) {
        fprintf(stderr, "modem-emu: symlink %s: %m\n", link);
        return 1;
    }
    logf_("ready: %s -> %s", link, name);
    /* The caller waits for this line; stdout is the peer's later. */
    printf("ready\n");
    fflush(stdout);
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0)
        dup2(null, 1);

    int r = serve(master);
    if (r == 1)
        run_peer(master, slave, link, argv + optind);
    logf_("modem-emu: %s", strerror(-r));
    (void) unlink(link);
    return 1;
}
