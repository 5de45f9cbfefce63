/* SPDX-License-Identifier: GPL-3.0-or-later */
/* herald-record-private.h: helpers the record and the store share. */
#pragma once

#include <json-glib/json-glib.h>

#include "herald-record.h"

G_BEGIN_DECLS

gboolean herald_record_value_equal     (GParamSpec   *pspec,
                                        const GValue *a,
                                        const GValue *b);
gboolean herald_record_is_bookkeeping  (GParamSpec   *pspec);
void     herald_record_value_to_json   (JsonBuilder  *builder,
                                        GParamSpec   *pspec,
                                        const GValue *value);

G_END_DECLS
