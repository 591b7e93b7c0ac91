/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* chat-script-gen: the daemon's chat script generator from the shell, so
 * the modem scenarios dial with exactly what daemon/chat-script.c writes.
 *
 *   chat-script-gen script NUMBER [CONNECT-TIMEOUT]   the script, on stdout
 *   chat-script-gen connect CHAT SCRIPT STATUS-DIR    pppd's connect option
 * Exit 0, or 1 when the generator refuses its input (an invalid number). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chat-script.h"

int main(int argc, char *argv[]) {
    char *out = NULL;
    int r;

    if (argc >= 3 && argc <= 4 && strcmp(argv[1], "script") == 0)
        r = chat_script_build(&(ChatScriptParams) {
                                  .number = argv[2],
                                  .connect_timeout = argc == 4 ? (unsigned) strtoul(argv[3], NULL, 10) : 0,
                              }, &out);
    else if (argc == 5 && strcmp(argv[1], "connect") == 0)
        r = chat_connect_command(argv[2], argv[3], argv[4], &out);
    else {
        fprintf(stderr, "usage: chat-script-gen script NUMBER [TIMEOUT] | connect CHAT SCRIPT STATUS-DIR\n");
        return 2;
    }
    if (r < 0) {
        fprintf(stderr, "chat-script-gen: %s\n", strerror(-r));
        return 1;
    }
    fputs(out, stdout);
    free(out);
    return 0;
}
