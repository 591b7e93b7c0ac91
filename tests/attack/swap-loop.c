/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* swap-loop A B SECONDS [STOPFILE]: renameat2(RENAME_EXCHANGE) of A and B
 * as fast as it goes, until SECONDS pass or STOPFILE exists; prints the
 * number of swaps.  Ends with A and B as they started (an even count);
 * waits while one of them is a mount point (EBUSY). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char *argv[]) {
    if (argc < 4) {
        fprintf(stderr, "usage: swap-loop A B SECONDS [STOPFILE]\n");
        return 2;
    }
    time_t end = time(NULL) + atoi(argv[3]);
    unsigned long swaps = 0;
    for (;;) {
        if (renameat2(AT_FDCWD, argv[1], AT_FDCWD, argv[2], RENAME_EXCHANGE) < 0) {
            if (errno == EBUSY) {    /* a mount point now: wait for it to go */
                if (time(NULL) >= end || (argc > 4 && access(argv[4], F_OK) == 0))
                    break;
                continue;
            }
            perror("swap-loop: renameat2");
            return 1;
        }
        swaps++;
        if (swaps % 2 == 0 && (swaps % 512 == 0) &&
            (time(NULL) >= end || (argc > 4 && access(argv[4], F_OK) == 0)))
            break;
    }
    printf("%lu\n", swaps);
    return 0;
}
