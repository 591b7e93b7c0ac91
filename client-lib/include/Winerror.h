/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* <Winerror.h>, as Microsoft's pages spell it: Linux file names are case-sensitive. */
#include "winerror.h"
