/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/* /etc/pppras/ppprasd.conf: "Key=Value" lines, '#' comments, blank lines.
 * Unknown keys warn; a bad value for a known key is an error. */

#include <stdio.h>

#include "options.h"

/* Applies the settings in f (named path in messages) to o.  0 or -EINVAL
 * (logged with the line number), -ENOMEM. */
int config_file_parse(DaemonOptions *o, FILE *f, const char *path);

/* A missing file is fine (0); unreadable is an error. */
int config_file_load(DaemonOptions *o, const char *path);
