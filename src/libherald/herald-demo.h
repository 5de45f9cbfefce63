/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-demo.h: sample data for `herald --demo` and "Load sample data". */
#pragma once

#include "herald-store.h"

G_BEGIN_DECLS

gboolean herald_demo_fill    (HeraldStore  *store,
                              GError      **error);
gboolean herald_demo_fill_at (HeraldStore  *store,
                              GDateTime    *made_at,
                              GError      **error);

G_END_DECLS
