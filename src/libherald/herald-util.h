/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *herald_version          (void);
char       *herald_uuid_new         (void);
gboolean    herald_uuid_is_valid    (const char *str);
char       *herald_datetime_to_iso8601 (GDateTime *dt);
GDateTime  *herald_datetime_from_iso8601 (const char *str);

G_END_DECLS
