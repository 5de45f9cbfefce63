/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald.h: the umbrella header of libherald, the GTK-free core. */
#pragma once

#include "herald-format.h"
#include "herald-stats.h"
#include "herald-util.h"
