/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* <Raserror.h>, as Microsoft's pages spell it: Linux file names are case-sensitive. */
#include "raserror.h"
