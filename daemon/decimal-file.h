/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The tiny status files device programs leave for the daemon: one decimal
 * number, digits only, an optional newline, nothing else. */

/* The number in path, 0..max (max < 10^6).  -ENOENT and other read errors
 * as negative errno; -EINVAL for anything but such a number.  Opens with
 * O_NOFOLLOW | O_NONBLOCK and reads once: never follows a link or waits. */
int decimal_file_read(const char *path, int max);
