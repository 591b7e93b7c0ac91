/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* The test programs live together in build/tests/ (or build/san/tests/),
 * the daemon and plugin one level up: paths relative to the running one. */

#include <stddef.h>

/* dir-of-this-program/relative into buf.  0 or negative errno. */
int test_program_path(const char *relative, char *buf, size_t size);
